import { registry } from "@web/core/registry";

// A salesperson asks the marker questions early in the call, records the answers on the
// lead, sees it is a high-potential prospect, and finds its first nurture touch planned.
registry.category("web_tour.tours").add("partner_cadence_lead_tour", {
    steps: () => [
        {
            trigger: ".o_notebook a.nav-link:contains('Qualification')",
            content: "Open the qualification of the lead",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Tour staff?') .o_data_cell[name=option_id]",
            content: "Answer the first marker question",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Tour staff?') .o_field_widget[name=option_id] input",
            run: "edit More",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('More than 5')",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Tour area?') .o_data_cell[name=option_id]",
            content: "Answer the second one",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Tour area?') .o_field_widget[name=option_id] input",
            run: "edit Large",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Large')",
            run: "click",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save the answers",
            run: "click",
        },
        {
            trigger: ".o_form_button_save:not(:visible)",
            content: "The answers are saved",
        },
        {
            trigger: ".o_field_widget[name=potential]:contains('High')",
            content: "The lead has high potential",
        },
        {
            trigger: ".o-mail-Activity:contains('Reinforced phase, touch 1')",
            content: "Its first nurture touch is planned, in the reinforced phase of high potential",
        },
    ],
});

// A Russian salesperson, with crm's Leads option off, finds the leads being nurtured in
// CRM's Sales menu.
registry.category("web_tour.tours").add("partner_cadence_nurtured_leads_tour", {
    url: "/odoo/crm",
    steps: () => [
        {
            trigger: ".o_menu_sections button:contains('Продажи')",
            content: "Open CRM's Sales menu",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Прогреваемые лиды')",
            content: "The leads being nurtured",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Кондиционер для офиса') .o_data_cell[name=name]",
            content: "The lead from the website is there, though the pipeline shows no leads",
            run: "click",
        },
        {
            trigger: ".o-mail-Activity:contains('Кондиционер для офиса'):contains('касание 1, с предложением')",
            content: "Its first nurture touch is planned, and says what it should bring",
        },
    ],
});
