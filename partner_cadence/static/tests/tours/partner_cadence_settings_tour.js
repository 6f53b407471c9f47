import { registry } from "@web/core/registry";
import { reloadingStep } from "@partner_cadence/compat/compat";

// Saving the settings reloads them (the whole page on 18, the settings view on 19): the step
// that saves marks the settings view first, and the next step waits for a view without the
// mark, so it never acts on the view being left.
async function saveAndWaitForReload(helpers) {
    document.querySelector(".o_form_view").classList.add("o_partner_cadence_saving");
    await helpers.click();
}

// An admin opens Settings, reads the company's figures, saves without changing anything,
// then changes the planning horizon and a salesperson's day, and finds them kept after the reload.
registry.category("web_tour.tours").add("partner_cadence_settings_tour", {
    steps: () => [
        {
            trigger: "#partner_cadence_getting_started .o_partner_cadence_steps li:nth-child(4)",
            content: "A first-time admin reads what to set up first, in four steps",
        },
        {
            trigger: "#partner_cadence_plan_partners .o_field_boolean input:checked",
            content: "The partner planner shows as switched on",
        },
        {
            trigger: "#partner_cadence_nurture .o_field_widget[name=partner_cadence_plan_leads_active] input:checked",
            content: "So does the lead planner",
        },
        {
            trigger: "#partner_cadence_nurture .o_field_widget[name=partner_cadence_nurture_window_days] input:value(30)",
            content: "The intensive window shows the phase's 30 days",
        },
        {
            trigger: "#partner_cadence_nps .o_field_widget[name=partner_cadence_nps_last_year]",
            content: "The company's NPS reads as the server computes it (one promoter: 100), not 0",
            run() {
                const shown = this.anchor.textContent.trim();
                if (shown !== "100") {
                    throw new Error(`NPS shown as "${shown}"`);
                }
            },
        },
        reloadingStep({
            trigger: ".o_form_button_save",
            content: "Save without changing anything",
            run: saveAndWaitForReload,
        }),
        {
            trigger:
                ".o_form_view:not(.o_partner_cadence_saving) #partner_cadence_plan_partners .o_field_boolean input:checked",
            content: "After the reload, the planner is still on",
        },
        {
            trigger: "#partner_cadence_horizon .o_field_widget[name=partner_cadence_horizon_days] input",
            content: "Put reminders in the inbox nine days ahead",
            run: "edit 9",
        },
        {
            trigger: "#partner_cadence_daily_capacity .o_field_widget[name=partner_cadence_daily_capacity] input:value(40)",
            content: "A salesperson's day holds forty reminders, as shipped",
            run: "edit 30",
        },
        reloadingStep({
            trigger: ".o_form_button_save",
            content: "Save the new horizon and day",
            run: saveAndWaitForReload,
        }),
        {
            trigger:
                ".o_form_view:not(.o_partner_cadence_saving) #partner_cadence_horizon .o_field_widget[name=partner_cadence_horizon_days] input:value(9)",
            content: "After the reload, the horizon is kept",
        },
        {
            trigger: "#partner_cadence_daily_capacity .o_field_widget[name=partner_cadence_daily_capacity] input:value(30)",
            content: "And so is the day's capacity",
        },
        {
            trigger: "#partner_cadence_nurture .o_field_widget[name=partner_cadence_nurture_on_create] input:checked",
            content: "Every new lead is nurtured, as shipped",
        },
        {
            trigger: "#partner_cadence_own_products .o_field_widget[name=partner_cadence_own_products_team_size] input:value(10)",
            content: "A team of ten makes a prospect for our products, as shipped",
        },
        {
            trigger: "#partner_cadence_competitors .o_field_widget[name=partner_cadence_competitors_nearest] input:value(3)",
            content: "Three nearest competitors, as shipped",
        },
        {
            trigger: "#partner_cadence_competitors .o_field_widget[name=partner_cadence_competitor_points] input:value(5)",
            content: "Five strengths and five weaknesses of each, as shipped",
        },
        {
            trigger: "#partner_cadence_experts .o_field_widget[name=partner_cadence_expert_window_hours] input:value(3.00)",
            content: "An expert's weekly window lasts three hours, as shipped",
        },
        {
            trigger: "#partner_cadence_seminars:contains('Install the Surveys app to use it.')",
            content: "Seminar answers need the Surveys app, which this database does not have",
        },
        {
            trigger: "#partner_cadence_competitors button:contains('Competitors')",
            content: "Open the competitors",
            run: "click",
        },
        {
            trigger: "th[data-name=analysis_todo]:contains('Still to Find')",
            content: "Each competitor says what is still to find",
        },
        {
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            content: "Back to Settings",
            run: "click",
        },
        {
            trigger: "#partner_cadence_nurture button:contains('Lost Reasons')",
            content: "Say which lost reasons mean 'not now'",
            run: "click",
        },
        {
            trigger: "th[data-name=cadence_after_loss]:contains('After the Loss')",
            content: "Each reason says what becomes of a lost lead's nurturing",
        },
    ],
});
