import { registry } from "@web/core/registry";

// A salesperson picks two contacts in the list and starts direct mail: their letters reach
// the inbox today.
registry.category("web_tour.tours").add("partner_cadence_direct_mail_start_tour", {
    steps: () => [
        {
            trigger: ".o_list_renderer tr:contains('Tour Letter A') td.o_list_record_selector input",
            content: "Pick a first contact",
            run: "click",
        },
        {
            trigger: ".o_list_renderer tr:contains('Tour Letter B') td.o_list_record_selector input",
            content: "And a second one",
            run: "click",
        },
        {
            trigger: ".o_cp_action_menus button",
            content: "Open the actions",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .dropdown-item:contains('Start Direct Mail')",
            content: "Start direct mail on them",
            run: "click",
        },
        {
            trigger: ".o_notification:contains('2 added to your direct mail')",
            content: "Both are on the list",
        },
    ],
});

// The salesperson opens their direct-mail list and sees both letters to send.
registry.category("web_tour.tours").add("partner_cadence_direct_mail_list_tour", {
    steps: () => [
        {
            trigger: ".o_data_row:contains('Tour Letter A'):contains('Letter to Send')",
            content: "The first letter is to send",
        },
        {
            trigger: ".o_data_row:contains('Tour Letter B'):contains('Letter to Send')",
            content: "The second too",
        },
    ],
});
