import { registry } from "@web/core/registry";

// A Russian salesperson learns at the first contact how big a realtor's team is: a team this
// big makes the agency a prospect for our own products (§1), which its Cadence tab says.
registry.category("web_tour.tours").add("partner_cadence_own_products_tour", {
    steps: () => [
        {
            trigger: ".o_notebook a.nav-link[name=partner_cadence]",
            content: "Open the Cadence tab",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=cadence_team_size] input",
            content: "Twelve people in the agency",
            run: "edit 12",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save",
            run: "click",
        },
        {
            trigger: ".o_form_button_save:not(:visible)",
            content: "The agency is saved",
        },
        {
            trigger: ".o_field_widget[name=cadence_own_products_prospect] input:checked",
            content: "The agency is a prospect for our products",
        },
        {
            trigger: "label:contains('Потенциальный покупатель наших продуктов')",
            content: "And it says so in Russian",
        },
    ],
});
