import { registry } from "@web/core/registry";

// An admin slows the weekly tier down to every two weeks...
registry.category("web_tour.tours").add("partner_cadence_tier_interval_tour", {
    steps: () => [
        {
            trigger: ".o_data_row:contains('Weekly partner') .o_data_cell[name=name]",
            content: "Open the weekly tier",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=interval_number] input",
            content: "Every two weeks instead of every week",
            run: "edit 2",
        },
        {
            trigger: ".o_field_widget[name=unanswered_limit] input",
            content: "Rest a partner after five unanswered calls in a row",
            run: "edit 5",
        },
        {
            trigger: ".o_field_widget[name=segment_cells] input",
            content: "Suggest it for steady top clients",
            run: "edit AX",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save the tier",
            run: "click",
        },
        {
            trigger: ".o_form_button_save:not(:visible)",
            content: "The tier is saved",
        },
    ],
});

// ...and the salesperson finds the overdue reminder moved to its new due date.
registry.category("web_tour.tours").add("partner_cadence_replanned_reminder_tour", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_menu_systray i[aria-label='Activities']",
            content: "Open the activity inbox",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityGroup:contains('Contact')",
            content: "Open the contacts with reminders",
            run: "click",
        },
        {
            trigger: ".o_searchview_facet:contains('Late Activities') .o_facet_remove",
            content: "The reminder is no longer late: show all the contacts with activities",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Tour Realtor'), .o_data_row:contains('Tour Realtor') .o_data_cell",
            content: "Open the partner",
            run: "click",
        },
        {
            trigger: ".o-mail-Activity:contains('Call Tour Realtor'):contains('Due in 4 days')",
            content: "The reminder follows the new rhythm: last touch ten days ago, due in four days",
        },
    ],
});
