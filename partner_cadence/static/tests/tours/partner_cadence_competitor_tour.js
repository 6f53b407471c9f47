import { registry } from "@web/core/registry";
import { pickLostReasonSteps } from "@partner_cadence/compat/compat";

// A Russian salesperson records a competitor (§1): its main strengths and weaknesses and what
// we do about each; the form says how many are still to find.
registry.category("web_tour.tours").add("partner_cadence_competitor_tour", {
    steps: () => [
        {
            trigger: ".o_menu_sections button:contains('Продажи')",
            content: "Open the Sales menu",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Конкуренты')",
            content: "Open the competitors",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            content: "A new competitor",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Юг Дома",
        },
        {
            trigger: ".o_field_widget[name=strength_ids] .o_field_x2many_list_row_add a",
            content: "A strength",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=strength_ids] .o_selected_row .o_field_widget[name=name] input",
            run: "edit Низкие цены",
        },
        {
            trigger: ".o_field_widget[name=strength_ids] .o_selected_row .o_field_widget[name=response] input",
            content: "And what we do about it",
            run: "edit Годовой договор по фиксированной цене",
        },
        {
            trigger: ".o_field_widget[name=weakness_ids] .o_field_x2many_list_row_add a",
            content: "A weakness",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=weakness_ids] .o_selected_row .o_field_widget[name=name] input",
            run: "edit Долго отвечают",
        },
        {
            trigger: ".o_form_button_save",
            content: "Save",
            run: "click",
        },
        {
            trigger: ".o_form_button_save:not(:visible)",
            content: "The competitor is saved",
        },
        {
            trigger: ".o_field_widget[name=analysis_todo]:contains('сильных сторон: 4, слабых сторон: 4')",
            content: "Four strengths and four weaknesses are still to find",
        },
        {
            trigger: "label:contains('Осталось выяснить')",
            content: "Said in Russian",
        },
    ],
});

// A Russian salesperson loses a deal to a competitor in crm's Lost dialog, then reads the deals
// won and lost per competitor in the reports.
registry.category("web_tour.tours").add("partner_cadence_lost_to_competitor_tour", {
    steps: () => [
        {
            trigger: ".o_field_widget[name=competitor_ids] .badge:contains('Норд Риэлти')",
            content: "The deal competes with Nord",
        },
        {
            trigger: ".o_form_statusbar button[data-hotkey=l]",
            content: "Mark it lost",
            run: "click",
        },
        ...pickLostReasonSteps("Слишком дорого", "Too expensive"),
        {
            trigger: ".modal .o_field_widget[name=lost_competitor_id] input",
            content: "Lost to Nord",
            run: "edit Норд",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Норд Риэлти')",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_lost_reason_apply]",
            content: "Confirm",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name=lost_competitor_id] input:value(Норд Риэлти)",
            content: "The deal says whom it was lost to",
        },
        {
            trigger: ".o_menu_sections button:contains('Отчет')",
            content: "Open CRM's reports",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Сделки по конкурентам')",
            content: "Open the deals per competitor",
            run: "click",
        },
        {
            trigger: ".o_pivot tr:contains('Норд Риэлти')",
            content: "Nord is listed with the deal it took",
        },
        {
            trigger: ".o_pivot th:contains('Проиграно им')",
            content: "With the deals lost to it",
        },
    ],
});

// A Russian salesperson notes what a client buys from a competitor and what it gives them (§7).
registry.category("web_tour.tours").add("partner_cadence_buys_from_competitor_tour", {
    steps: () => [
        {
            trigger: ".o_notebook a.nav-link[name=partner_cadence_client]",
            content: "Open the client's potential",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=cadence_competitor_purchase_ids] .o_field_x2many_list_row_add a",
            content: "What they buy elsewhere",
            run: "click",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name=competitor_id] input",
            run: "edit Норд",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Норд Риэлти')",
            run: "click",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name=products] input",
            run: "edit Аренда",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name=offers] input",
            run: "edit Меньшая комиссия",
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
        {
            trigger: ".o_field_widget[name=cadence_competitor_purchase_ids] th:contains('Что они дают клиенту')",
            content: "Said in Russian",
        },
    ],
});

// From a competitor, a Russian salesperson opens the deals it took part in and its clients.
registry.category("web_tour.tours").add("partner_cadence_competitor_buttons_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .oe_stat_button[name=action_open_deals]:contains('Выиграно / проиграно')",
            content: "Open the deals won and lost against it",
            run: "click",
        },
        {
            trigger: ".o_pivot tr:contains('Норд Риэлти')",
            content: "Its deals",
        },
        {
            trigger: ".o_breadcrumb a:contains('Норд Риэлти')",
            content: "Back to the competitor",
            run: "click",
        },
        {
            trigger: ".o_form_view .oe_stat_button[name=action_open_clients]",
            content: "Open the clients who buy from it",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Клиент Гранит'), .o_data_row:contains('Клиент Гранит')",
            content: "The client who buys from it",
        },
    ],
});
