import { registry } from "@web/core/registry";

// An admin gives one salesperson a smaller day than the company's, on their user form.
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
