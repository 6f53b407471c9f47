import { registry } from "@web/core/registry";

// A sales manager moves loyal clients of low standing up to level 3 on the client level grid.
registry.category("web_tour.tours").add("partner_cadence_level_grid_tour", {
    steps: () => [
        {
            trigger: ".o_menu_sections button:contains('Configuration')",
            content: "Open CRM's configuration",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Client Level Grid')",
            content: "Open the client level grid",
            run: "click",
        },
        {
            trigger: ".o_list_table th[data-name=tier_one_off_id]",
            content: "The grid reads at a glance: a row per standing, a column per relationship",
        },
        {
            trigger:
                ".o_data_row:has(.o_data_cell[name=financial_standing]:contains('Low'))" +
                " .o_data_cell[name=tier_loyal_id]:contains('Client level 4')",
            content: "Low standing, loyal: level 4 for now",
            run: "click",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name=tier_loyal_id] input",
            content: "Choose level 3",
            run: "edit Client level 3",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Client level 3')",
            run: "click",
        },
        {
            trigger: ".o_list_button_save",
            content: "Save the grid",
            run: "click",
        },
        {
            trigger:
                ".o_data_row:not(.o_selected_row):has(.o_data_cell[name=financial_standing]:contains('Low'))" +
                " .o_data_cell[name=tier_loyal_id]:contains('Client level 3')",
            content: "The cell now suggests level 3",
        },
    ],
});
