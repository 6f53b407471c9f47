import { registry } from "@web/core/registry";

// A sales manager reading Russian or Romanian walks every list the addon adds, at Odoo's
// 1366 px: no column header may be cut off. Each screen: the menu section, the menu, a column
// to wait for, and a form list to measure in the first record when there is one.
const SCREENS = [
    ["crm.crm_menu_sales", "partner_cadence.crm_lead_nurtured_menu", "nurture_next_date"],
    ["crm.crm_menu_sales", "partner_cadence.partner_cadence_overdue_menu", "cadence_value_at_risk"],
    ["crm.crm_menu_sales", "partner_cadence.partner_cadence_touch_menu", "summary"],
    ["crm.crm_menu_sales", "partner_cadence.partner_cadence_direct_mail_menu", "letter_sent_date"],
    ["crm.crm_menu_sales", "partner_cadence.res_partner_referral_menu", "kind_id"],
    ["crm.crm_menu_sales", "partner_cadence.crm_competitor_menu", "client_count"],
    ["crm.crm_menu_sales", "partner_cadence.partner_cadence_prospect_sheet_line_menu", "preliminary_orders"],
    ["crm.crm_menu_report", "partner_cadence.partner_cadence_board_menu", "overdue_count"],
    ["crm.crm_menu_report", "partner_cadence.res_partner_referral_report_menu", "converted_count"],
    ["crm.crm_menu_report", "partner_cadence.res_partner_cadence_below_plan_menu", "cadence_target_gap"],
    ["crm.crm_menu_config", "partner_cadence.partner_cadence_tier_menu", "use_quota_period", "line_ids"],
    ["crm.crm_menu_config", "partner_cadence.partner_cadence_level_cell_menu", "tier_one_off_id"],
    ["crm.crm_menu_config", "partner_cadence.crm_nurture_phase_menu", "touch_purpose"],
];

function cutHeaders() {
    const cut = [...document.querySelectorAll(".o_list_table thead th[data-name] .text-truncate")]
        .filter((label) => label.scrollWidth > label.clientWidth + 1)
        .map((label) => `${label.closest("th").dataset.name} "${label.textContent.trim()}" needs ${label.scrollWidth}px`);
    // A list wider than the screen hides its last columns under the optional-columns toggle.
    const overflowing = [...document.querySelectorAll(".o_list_renderer")]
        .filter((list) => list.scrollWidth > list.clientWidth + 1)
        .map((list) => `the list needs ${list.scrollWidth - list.clientWidth}px more`);
    return [...cut, ...overflowing];
}

registry.category("web_tour.tours").add("partner_cadence_headers_tour", {
    steps: () => {
        const cut = [];
        return [
            ...SCREENS.flatMap(([section, menu, column, formList]) => [
                {
                    trigger: `.o_menu_sections [data-menu-xmlid='${section}']`,
                    content: `Open ${section}`,
                    run: "click",
                },
                {
                    trigger: `.dropdown-item[data-menu-xmlid='${menu}']`,
                    content: `Open ${menu}`,
                    run: "click",
                },
                {
                    trigger: `.o_list_table thead th[data-name='${column}']`,
                    content: `Measure the headers of ${menu}`,
                    run() {
                        cut.push(...cutHeaders().map((label) => `${menu}: ${label}`));
                    },
                },
                ...(formList
                    ? [
                          {
                              trigger: ".o_data_row:first-child .o_data_cell[name=name]",
                              content: `Open the first record of ${menu}`,
                              run: "click",
                          },
                          {
                              trigger: `.o_form_view .o_field_widget[name=${formList}] .o_list_table thead th[data-name]`,
                              content: `Measure the headers of its ${formList}`,
                              run() {
                                  cut.push(...cutHeaders().map((label) => `${menu} form: ${label}`));
                              },
                          },
                      ]
                    : []),
            ]),
            {
                trigger: ".o_list_table",
                content: "Every header read in full",
                run() {
                    if (cut.length) {
                        throw new Error(`cut-off headers: ${cut.join(" | ")}`);
                    }
                },
            },
        ];
    },
});
