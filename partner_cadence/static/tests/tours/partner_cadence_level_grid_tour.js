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
            trigger: ".o_group_header:contains('Low')",
            content: "The grid is grouped by financial standing, every pair in it",
        },
        {
            trigger:
                ".o_data_row:has(.o_data_cell[name=financial_standing]:contains('Low'))" +
                ":has(.o_data_cell[name=relationship]:contains('Loyal'):not(:contains('rarely')))" +
                " .o_data_cell[name=tier_id]",
            content: "Low standing, loyal: level 4 for now",
            run: "click",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name=tier_id] input",
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
            trigger: ".o_data_row:not(.o_selected_row) .o_data_cell[name=tier_id]:contains('Client level 3')",
            content: "The cell now suggests level 3",
        },
    ],
});
