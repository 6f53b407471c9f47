import { registry } from "@web/core/registry";

// A Russian sales manager merges the imported rows of the managers' prospect sheets into the base.
registry.category("web_tour.tours").add("partner_cadence_prospect_sheet_tour", {
    steps: () => [
        {
            trigger: ".o_list_renderer thead .o_list_record_selector input",
            content: "Select every row to merge",
            run: "click",
        },
        {
            trigger: ".o_control_panel button[name=action_merge]",
            content: "Merge them into the base",
            run: "click",
        },
        {
            trigger: ".o_notification:contains('Объединено с существующими партнёрами: 1, создано: 1, пропущено: 0')",
            content: "The result is reported",
        },
        {
            trigger: ".o_data_row:contains('Tour Tower') td[name=result_note]:contains('Создан контакт Tour Tower')",
            content: "Each row says what became of it",
        },
    ],
});
