import { registry } from "@web/core/registry";

// A Russian salesperson works from the largest down: the nurtured leads come by potential,
// then company size, and so do the overdue partners, each list showing the size it sorts by.
registry.category("web_tour.tours").add("partner_cadence_largest_first_tour", {
    steps: () => [
        {
            trigger:
                ".o_data_row:first:contains('Обслуживание: Бизнес-центр Панорама')" +
                " .o_data_cell[name=cadence_company_size]:contains('Крупная')",
            content: "The large company's lead comes first, and says why",
        },
        {
            trigger: ".o_data_row:eq(1):contains('Котёл: Кафе Вила Верде')",
            content: "The small café's lead comes after it",
        },
        {
            trigger: ".o_menu_sections button:contains('Продажи')",
            content: "Open the sales menu",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Просроченные партнёры')",
            content: "Open the overdue partners",
            run: "click",
        },
        {
            trigger:
                ".o_data_row:first:contains('Агентство Большое, Лидия Крупная')" +
                " .o_data_cell[name=cadence_company_size]:contains('Крупная')",
            content: "The large agency's realtor comes first, though less is at risk with her",
        },
        {
            trigger: "th[data-name=cadence_company_size]:contains('Размер')",
            content: "The column says what the list sorts by",
        },
    ],
});
