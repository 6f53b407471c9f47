import { registry } from "@web/core/registry";

// The done popup's buttons are found by place, not by label: 19 translates their aria-labels
// ("Done and Schedule Next" first, then "Done").

// A Russian salesperson's morning: the inbox says why each partner is due, in Russian...
registry.category("web_tour.tours").add("partner_cadence_russian_inbox_tour", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_menu_systray .fa-clock-o",
            content: "Open the activity inbox",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityGroup:contains('Контакт')",
            content: "Open the contacts with reminders",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Ирина Поздняя'), .o_data_row:contains('Ирина Поздняя') .o_data_cell",
            content: "Open the late partner",
            run: "click",
        },
        {
            // The title starts with the activity type's name as Odoo translates it ("Позвонить"
            // on 18, "Звонок" on 19); what follows is ours.
            trigger:
                ".o-mail-Activity:contains(' — Ирина Поздняя: просрочено на 61 день')" +
                ":contains('под угрозой'):contains('рекомендовал(а) Ольга Рекомендатель')",
            content: "The reminder says who, how late, what is at risk and on whose behalf",
        },
    ],
});

// ...and marking a nurture touch done asks first what new it brought.
registry.category("web_tour.tours").add("partner_cadence_russian_nurture_done_tour", {
    steps: () => [
        {
            trigger: ".o-mail-Activity .o-mail-Activity-markDone",
            content: "Mark the nurture touch done",
            run: "click",
        },
        {
            trigger: ".o-partner-cadence-whatIsNew:contains('Что нового принесло это касание?')",
            content: "The popup asks what new the touch brought",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone button.btn-primary:not(.mx-2):disabled",
            content: "Nothing can be marked done without it",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone textarea",
            content: "Write what the touch brought",
            run: "edit Кейс соседей: счёт за отопление меньше на 30%",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone button.btn-primary.mx-2:enabled",
            content: "Done, now that it says what was new",
            run: "click",
        },
        {
            trigger: ".o-mail-Message:contains('Кейс соседей')",
            content: "The touch and what it brought are in the chatter",
        },
    ],
});

// The same question in a list's Done: the activity column of the opportunities list.
registry.category("web_tour.tours").add("partner_cadence_list_nurture_done_tour", {
    steps: () => [
        {
            trigger: "i.o_optional_columns_dropdown_toggle",
            content: "Show the activity column",
            run: "click",
        },
        {
            trigger: "input[name='activity_ids']",
            run(actions) {
                if (!this.anchor.checked) {
                    actions.click();
                }
            },
        },
        {
            trigger: ".o_data_row:contains('Насосы для школы') .o-mail-ActivityButton",
            content: "Open the lead's activities from the list",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityListPopoverItem .o-mail-ActivityListPopoverItem-markAsDone",
            content: "Mark the nurture touch done",
            run: "click",
        },
        {
            trigger: ".o-partner-cadence-whatIsNew:contains('Что нового принесло это касание?')",
            content: "The list's Done asks what new the touch brought too",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone button.btn-primary:not(.mx-2):disabled",
            content: "Nothing can be marked done without it",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone textarea",
            run: "edit Прайс на обслуживание на три года",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone button.btn-primary.mx-2:enabled",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Насосы для школы')",
            content: "Back on the list",
        },
    ],
});

// My Activities, the list a salesperson works from: each reminder says why in Russian, and
// Done on a nurture touch asks what it brought before anything is saved.
registry.category("web_tour.tours").add("partner_cadence_my_activities_done_tour", {
    steps: () => [
        {
            trigger: ".o_data_row:contains('Ирина Поздняя') td[name=cadence_title]:contains('просрочено на')",
            content: "The late partner's reminder says how late, in Russian",
        },
        {
            trigger: ".o_list_table:not(:contains('Weekly partner'))",
            content: "No tier name in English",
        },
        {
            trigger: ".o_data_row:contains('Котёл для дачи') button[name=action_done]",
            content: "Done on the nurture touch",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=feedback] textarea",
            content: "Asked first what new the touch brought",
            run: "edit Сравнение котлов по расходу газа",
        },
        {
            trigger: ".modal button[name=action_done]",
            content: "Done",
            run: "click",
        },
        {
            trigger: ".o_list_table:not(:has(.o_data_row:contains('Котёл для дачи')))",
            content: "The touch left the list",
        },
        {
            trigger: ".o_searchview_facet:contains('Сегодня') .o_facet_remove",
            content: "Show the days ahead too",
            run: "click",
        },
        {
            trigger: ".o_data_row td[name=cadence_title]:contains('Ирина Поздняя'):contains('перенесено: день заполнен')",
            content: "Her warm introduction waits for the next day, and says so: one touch of a person a day",
        },
    ],
});
