import { registry } from "@web/core/registry";
import { pickSelectionSteps } from "@partner_cadence/compat/compat";

// A Russian admin opening the settings for the first time reads what to set up first, the
// company's NPS as the server computes it, and the blocks of competitors, experts and
// seminars, in Russian.
registry.category("web_tour.tours").add("partner_cadence_russian_settings_tour", {
    steps: () => [
        {
            trigger:
                "#partner_cadence_getting_started .o_partner_cadence_steps li:first-child:contains('Уровни ритма: как часто')",
            content: "Getting Started: tiers first",
        },
        {
            trigger: "#partner_cadence_getting_started .o_partner_cadence_steps li:nth-child(4)",
            content: "Four steps in order",
        },
        {
            trigger: "#partner_cadence_nps .o_field_widget[name=partner_cadence_nps_last_year]:contains('100')",
            content: "The company's NPS reads as the server computes it (one promoter: 100), not 0",
        },
        {
            trigger: "#partner_cadence_competitors label:contains('Ближайших конкурентов')",
            content: "Competitors: how many nearest",
        },
        {
            trigger: "#partner_cadence_experts label:contains('Окно эксперта (часов в неделю)')",
            content: "Experts: the weekly window",
        },
        {
            trigger: "#partner_cadence_seminars:contains('Установите приложение «Опросы», чтобы пользоваться этим.')",
            content: "Seminars: the Surveys app is not installed here",
        },
    ],
});

// A Russian admin gives an expert their weekly window on the user form (§6).
registry.category("web_tour.tours").add("partner_cadence_russian_expert_window_tour", {
    steps: () => [
        {
            trigger: ".o_notebook .nav-link[name=preferences]",
            content: "Open the expert's preferences",
            run: "click",
        },
        ...pickSelectionSteps(".o_field_widget[name=cadence_expert_window_day]", "Четверг", "Thursdays"),
        {
            trigger: "label:contains('Часов эксперта в неделю')",
            content: "And the hours, in Russian",
        },
        {
            trigger: ".o_field_widget[name=cadence_expert_window_hours] input",
            run: "edit 2,5",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save",
            run: "click",
        },
        {
            trigger: ".o_form_button_save:not(:visible)",
            content: "Saved",
        },
    ],
});
