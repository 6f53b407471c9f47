import { registry } from "@web/core/registry";
import { pickSelectionSteps } from "@partner_cadence/compat/compat";

// An admin gives one salesperson a smaller day than the company's, and their weekly window as
// an expert (§6), on their user form.
registry.category("web_tour.tours").add("partner_cadence_user_capacity_tour", {
    steps: () => [
        {
            trigger: ".o_notebook .nav-link[name=preferences]",
            content: "Open the salesperson's preferences",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=cadence_daily_capacity] input",
            content: "Their day holds twenty reminders",
            run: "edit 20",
        },
        ...pickSelectionSteps(
            ".o_field_widget[name=cadence_expert_window_day]",
            "Wednesday",
            "They take high-potential deals on Wednesdays"
        ),
        {
            trigger: ".o_field_widget[name=cadence_expert_window_hours] input",
            content: "Two hours a week",
            run: "edit 2",
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
