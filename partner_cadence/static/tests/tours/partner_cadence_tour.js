import { registry } from "@web/core/registry";

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
            trigger: ".o-mail-Activity:contains('Weekly partner'):contains('days overdue') .o-mail-Activity-markDone",
            content: "Mark the cadence reminder done",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone button[aria-label='Done']",
            content: "Confirm: the call happened",
            run: "click",
        },
        {
            trigger: ".o-mail-Activity:contains('Weekly partner'):contains('Due in 7 days')",
            content: "The next touch is planned a week from today",
        },
        {
            trigger: ".o-mail-Message:contains('Weekly partner')",
            content: "The done touch is in the chatter",
        },
    ],
});

// A salesperson calls an overdue partner, nobody answers: the call is noted, not counted.
registry.category("web_tour.tours").add("partner_cadence_no_answer_tour", {
    steps: () => [
        {
            trigger: ".o-mail-Activity:contains('Weekly partner') .o-mail-Activity-noAnswer",
            content: "Nobody answered the call",
            run: "click",
        },
        {
            trigger: ".o-mail-Message:contains('No answer (1 in a row)')",
            content: "The attempt is noted in the chatter",
        },
        {
            trigger: ".o-mail-Activity:contains('Weekly partner'):contains('days overdue')",
            content: "The call is still to make",
        },
    ],
});
