import { registry } from "@web/core/registry";
import { editDateSteps } from "@partner_cadence/compat/compat";

// A salesperson starts the day in the activity inbox: opens the overdue partner, calls,
// marks the reminder done, and finds the next touch already planned a week later.
registry.category("web_tour.tours").add("partner_cadence_touch_done_tour", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_menu_systray i[aria-label='Activities']",
            content: "Open the activity inbox",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityGroup:contains('Contact')",
            content: "Open the contacts with reminders due",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Tour Realtor'), .o_data_row:contains('Tour Realtor') .o_data_cell",
            content: "Open the overdue partner",
            run: "click",
        },
        {
            trigger: ".o-mail-Activity:contains('Call Tour Realtor'):contains('days overdue') .o-mail-Activity-markDone",
            content: "Mark the cadence reminder done",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone button[aria-label='Done']",
            content: "Confirm: the call happened",
            run: "click",
        },
        {
            trigger: ".o-mail-Activity:contains('Call Tour Realtor'):contains('Due in 7 days')",
            content: "The next touch is planned a week from today",
        },
        {
            trigger: ".o-mail-Message:contains('Call Tour Realtor')",
            content: "The done touch is in the chatter",
        },
    ],
});

// A Russian salesperson calls an overdue partner, nobody answers: the call is noted, not
// counted, and tried again tomorrow.
registry.category("web_tour.tours").add("partner_cadence_no_answer_tour", {
    steps: () => [
        {
            trigger: ".o-mail-Activity:contains('Tour Realtor'):contains('просрочено на 3') .o-mail-Activity-callOutcome",
            content: "Say how the call went",
            run: "click",
        },
        {
            trigger: ".modal .modal-title:contains('Итог звонка')",
            content: "The dialog reads in Russian",
        },
        {
            trigger: ".modal .o_field_widget[name=outcome] input[data-value=no_answer]",
            content: "Nobody answered",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_apply]",
            content: "Save the outcome",
            run: "click",
        },
        {
            trigger: ".o-mail-Message:contains('Нет ответа (подряд: 1)')",
            content: "The attempt is noted in the chatter",
        },
        {
            // Odoo's own date line reads "Просрочено на" on 19, "дней просрочки" on 18.
            trigger: ".o-mail-Activity:contains('Tour Realtor'):not(:contains('просроч')):not(:contains('Просроч'))",
            content: "The call is tried again, no longer overdue",
        },
    ],
});

// A salesperson types when they last spoke with a partner: it is a touch, and the reminder
// follows it (a weekly partner touched three days ago is due in four).
registry.category("web_tour.tours").add("partner_cadence_last_touch_typed_tour", {
    steps: () => [
        {
            trigger: ".o_notebook .nav-link:contains('Cadence')",
            content: "Open the partner's cadence",
            run: "click",
        },
        ...editDateSteps(
            "last_touch_date",
            luxon.DateTime.now().minus({ days: 3 }).toFormat("MM/dd/yyyy"),
            "The last call was three days ago"
        ),
        {
            trigger: ".o_field_widget[name=cadence_paused_until] input",
            content: "Leave the date field",
            run: "click",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save the partner",
            run: "click",
        },
        {
            trigger: ".o_form_button_save:not(:visible)",
            content: "The partner is saved",
        },
        {
            trigger: ".o-mail-Activity:contains('Call Tour Realtor'):contains('Due in 4 days')",
            content: "The reminder follows the touch typed by hand",
        },
    ],
});
