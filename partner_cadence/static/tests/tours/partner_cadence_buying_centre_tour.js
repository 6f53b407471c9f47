import { registry } from "@web/core/registry";
import { pickSelectionSteps } from "@partner_cadence/compat/compat";

// A Russian salesperson records who decides a deal (§5, step 2 of the B2B cycle): once the
// decision maker is met, the opportunity's authority is confirmed by itself.
registry.category("web_tour.tours").add("partner_cadence_buying_centre_tour", {
    steps: () => [
        {
            trigger: ".o_notebook a.nav-link[name=partner_cadence_buying_centre]:contains('Закупочный центр')",
            content: "Open the buying centre",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=buying_role_ids] .o_field_x2many_list_row_add a",
            content: "Add a person",
            run: "click",
        },
        {
            trigger: ".o_data_row.o_selected_row .o_field_widget[name=partner_id] input",
            content: "The director",
            run: "edit Ион",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Ион Директор')",
            run: "click",
        },
        ...pickSelectionSteps(
            ".o_data_row.o_selected_row .o_field_widget[name=role]",
            "Принимает решение",
            "He decides"
        ),
        {
            trigger: ".o_data_row.o_selected_row .o_field_widget[name=met] input",
            content: "And we met him",
            run: "click",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save",
            run: "click",
        },
        {
            trigger: ".o_form_button_save:not(:visible)",
            content: "The buying centre is saved",
        },
        {
            trigger: ".o_data_row:contains('Ион Директор') .o_data_cell[name=function]:contains('Директор')",
            content: "His position shows beside his role",
        },
        {
            trigger: ".o_notebook a.nav-link[name=partner_cadence_qualification]",
            content: "Open the qualification",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=qualification_authority] input[data-value=yes]:checked",
            content: "Authority is confirmed",
        },
    ],
});
