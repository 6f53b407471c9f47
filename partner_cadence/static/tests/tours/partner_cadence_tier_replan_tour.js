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

// A Russian salesperson applies the tier a partner's answers suggest: the new rhythm counts
// from today, so the partner is not late at once; once called, the Cadence tab says when the
// next touch is due and when its reminder will come.
registry.category("web_tour.tours").add("partner_cadence_apply_suggested_tier_tour", {
    steps: () => [
        {
            trigger: ".o_notebook a.nav-link:contains('Ритм контактов')",
            content: "Open the partner's cadence",
            run: "click",
        },
        {
            trigger: ".o-mail-Activity:contains('Павел Редкий'):contains('просрочено на 53')",
            content: "Weekly by hand, the partner is 53 days late",
        },
        {
            trigger: ".o_field_widget[name=cadence_suggested_tier_id]:contains('Ежемесячный партнёр')",
            content: "Its answers suggest the monthly tier",
        },
        {
            trigger: "button[name=action_apply_suggested_tier]",
            content: "Apply the suggested tier",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(button[name=action_apply_suggested_tier]))",
            content: "The suggestion is applied: nothing left to apply",
        },
        {
            // Odoo's own date line reads "Просрочено на" on 19, "дней просрочки" on 18.
            trigger:
                ".o-mail-Activity:contains('Павел Редкий'):not(:contains('просроч')):not(:contains('Просроч'))",
            content: "The reminder follows the new tier: due today, not late",
        },
        {
            trigger: ".o-mail-Activity:contains('Павел Редкий') .o-mail-Activity-markDone",
            content: "The call is made: mark it done",
            run: "click",
        },
        {
            // Found by place: 19 translates the buttons' aria-labels.
            trigger: ".o-mail-ActivityMarkAsDone button.btn-primary.mx-2",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=cadence_next_touch_notice]:contains('Следующее касание')" +
                ":contains('напоминание появится во входящих')",
            content: "The Cadence tab says when the next touch is due and when its reminder comes",
        },
    ],
});
