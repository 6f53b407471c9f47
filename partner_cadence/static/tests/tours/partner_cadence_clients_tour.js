import { registry } from "@web/core/registry";

// A Russian salesperson calls a client for the NPS survey, is asked the score in the done
// popup, and finds the client marked a promoter with a reminder to ask for referrals.
registry.category("web_tour.tours").add("partner_cadence_nps_tour", {
    steps: () => [
        {
            trigger: ".o-mail-Activity:contains('порекомендуют') .o-mail-Activity-markDone",
            content: "Mark the survey call done",
            run: "click",
        },
        {
            trigger: ".o-partner-cadence-asksScore:contains('Что ответил клиент, от 0 до 10?')",
            content: "The popup asks for the client's answer from 0 to 10 up front",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone textarea",
            content: "Words alone are not an answer",
            run: "edit очень доволен монтажниками",
        },
        {
            // Found by place: 19 translates the buttons' aria-labels.
            trigger: ".o-mail-ActivityMarkAsDone button.btn-primary.mx-2:disabled",
            content: "Done waits for the score",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone textarea",
            content: "Write what the client answered",
            run: "edit 9, очень доволен монтажниками",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone button.btn-primary.mx-2:enabled",
            run: "click",
        },
        {
            trigger: ".o-mail-Activity:contains('Промоутер: попросите рекомендации')",
            content: "A promoter is asked for referrals",
        },
        {
            trigger: ".o_notebook a.nav-link:contains('Потенциал клиента')",
            content: "Open the client's potential",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=cadence_nps_group]:contains('Промоутер')",
            content: "The client is a promoter",
        },
    ],
});

// In CRM, a sales manager opens the clients furthest below plan from the reporting menu, opens the
// first one, then looks at the base by ABC and XYZ.
registry.category("web_tour.tours").add("partner_cadence_below_plan_tour", {
    steps: () => [
        {
            trigger: ".o_menu_sections button:contains('Reporting')",
            content: "Open CRM's reports",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Clients Below Plan')",
            content: "Open the clients below plan",
            run: "click",
        },
        {
            trigger: ".o_data_row:first .o_data_cell[name=complete_name]:contains('Tour Client')",
            content: "The client furthest below plan comes first",
            run: "click",
        },
        {
            trigger: ".o_notebook a.nav-link:contains('Client Potential')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=cadence_target_gap]:contains('8,500')",
            content: "Its gap to the plan is shown",
        },
        {
            trigger: ".o_menu_sections button:contains('Reporting')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('ABC and XYZ Segments')",
            content: "Open the segments",
            run: "click",
        },
        {
            trigger: ".o_pivot .o_pivot_header_cell_closed:contains('A')",
            content: "Clients are grouped by ABC class",
        },
    ],
});

// A Russian salesperson opens a past client who stopped buying: the call says to win them back
// and when they last bought, the client's potential says when the call came due, and the call
// is done with what the client said.
registry.category("web_tour.tours").add("partner_cadence_winback_tour", {
    steps: () => [
        {
            trigger: ".o-mail-Activity:contains('Вернуть клиента Пекарня Нистру: просрочено на 20 дней, последняя покупка')",
            content: "The call says why: a past client, and when they last bought",
        },
        {
            trigger: ".o_notebook a.nav-link:contains('Потенциал клиента')",
            content: "Open the client's potential",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=cadence_winback_date]",
            content: "It says by when a purchase was expected before the call",
        },
        {
            trigger: ".o-mail-Activity:contains('Вернуть клиента') .o-mail-Activity-markDone",
            content: "Mark the call done",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone textarea",
            content: "Write what the client said",
            run: "edit Перешли к конкуренту из-за цены: отправить новый прайс",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone button.btn-primary.mx-2",
            content: "Done",
            run: "click",
        },
        {
            trigger: ".o-mail-Message:contains('Перешли к конкуренту')",
            content: "The chatter keeps what the client said",
        },
    ],
});
