import { registry } from "@web/core/registry";

// A Russian sales manager with no other right reads the team's week: the board's row of a
// salesperson with one call three days late, the overdue partner behind it, and the team's
// planning. Every figure is the one the server computes, none of them a 0 that is not 0.
const SALESMAN_ROW = ".o_list_table .o_data_row:contains('Tour Salesman')";
const REALTOR_ROW = ".o_list_table .o_data_row:contains('Tour Realtor')";

// A step that fails when the cell of ``trigger`` reads no digit but zeros.
function notZero(trigger, content, what) {
    return {
        trigger,
        content,
        run() {
            const text = this.anchor.textContent;
            if (!/[1-9]/.test(text)) {
                throw new Error(`${what} reads "${text.trim()}"`);
            }
        },
    };
}

function menu(section, item, content) {
    return [
        {
            trigger: `.o_menu_sections [data-menu-xmlid='${section}']`,
            content: `Open ${section}`,
            run: "click",
        },
        {
            trigger: `.dropdown-item[data-menu-xmlid='${item}']`,
            content,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("partner_cadence_manager_week_tour", {
    steps: () => [
        ...menu("crm.crm_menu_report", "partner_cadence.partner_cadence_board_menu", "Open the cadence board"),
        {
            trigger: `${SALESMAN_ROW} td[name=overdue_count]:contains('1')`,
            content: "One overdue reminder",
        },
        {
            trigger: `${SALESMAN_ROW} td[name=overdue_days]:contains('3')`,
            content: "Three days late in all",
        },
        notZero(`${SALESMAN_ROW} td[name=value_at_risk]`, "Value at risk is not 0", "the board's value at risk"),
        {
            trigger: `${SALESMAN_ROW} td[name=contacts_needed]:contains('15')`,
            content: "Three deals a week at one contact in five: fifteen people to contact",
        },
        ...menu("crm.crm_menu_sales", "partner_cadence.partner_cadence_overdue_menu", "Open Overdue Partners"),
        {
            trigger: ".o_list_table th[data-name=cadence_days_late]:contains('Дней просрочки')",
            content: "The list shows what it sorts by: days late",
        },
        {
            trigger: `${REALTOR_ROW} td[name=cadence_days_late]:contains('3')`,
            content: "The realtor is three days late",
        },
        notZero(
            `${REALTOR_ROW} td[name=cadence_value_at_risk]`,
            "Its value at risk is not 0",
            "the partner's value at risk"
        ),
        ...menu("crm.crm_menu_config", "crm.crm_team_config", "Open the sales teams"),
        {
            trigger: ".o_data_row:contains('Отдел риелторов') td[name=name]",
            content: "Open the realtors' team",
            run: "click",
        },
        {
            trigger: ".o_notebook a.nav-link[name=partner_cadence_planning]",
            content: "Open the team's planning",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=cadence_planned_deals] input",
            content: "Three deals planned a week, as Settings say",
            run() {
                const value = this.anchor.value;
                if (value !== "3") {
                    throw new Error(`deals planned read "${value}"`);
                }
            },
        },
        {
            trigger: ".o_field_widget[name=cadence_required_contacts]:contains('15')",
            content: "Fifteen contacts needed",
        },
        {
            trigger: ".o_field_widget[name=cadence_clients_needed]:contains('6')",
            content: "A plan of 30,000 at 5,000 a deal: six clients a month",
        },
        {
            trigger:
                ".o_field_widget[name=crm_team_member_ids] th[data-name=cadence_required_contacts]:contains('Нужно контактов')",
            content: "The members' two columns say what each counts",
        },
        {
            trigger:
                ".o_field_widget[name=crm_team_member_ids] th[data-name=cadence_contacts_this_week]:contains('Связались за неделю')",
            content: "Done",
        },
    ],
});
