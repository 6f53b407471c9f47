from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..domain import economics


class ResPartner(models.Model):
    """What a partner is worth and what an untouched month costs (DOMAIN.md sections 4, 7):
    value, share of wallet, up-sell, value at risk, refreshed by the planner."""

    # One capability of res.partner per file, each short enough to read at once: pylint-odoo
    # would rather have one class per model, the project asks for files under 400 lines.
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    cadence_currency_id = fields.Many2one("res.currency", compute="_compute_cadence_currency_id")

    cadence_value_manual = fields.Monetary(
        string="Value Set by Hand",
        currency_field="cadence_currency_id",
        help="Replaces the revenue of won opportunities as the partner's value.",
    )

    cadence_won_revenue = fields.Monetary(
        string="Won Revenue",
        currency_field="cadence_currency_id",
        readonly=True,
        default=0.0,
        help="The revenue of the partner's won opportunities over the value window of the settings.",
    )

    cadence_value = fields.Monetary(
        string="Partner Value",
        compute="_compute_cadence_value",
        store=True,
        currency_field="cadence_currency_id",
        help="The value set by hand, or else the revenue of won opportunities over the value window.",
    )

    cadence_value_at_risk = fields.Monetary(
        string="Value at Risk",
        currency_field="cadence_currency_id",
        readonly=True,
        # Never NULL, so that the overdue list ordered by it puts the unvalued last.
        default=0.0,
        help="Months overdue x monthly loss x the partner's value.",
    )

    cadence_wallet_total = fields.Monetary(
        string="Total Category Purchases",
        currency_field="cadence_currency_id",
        help="What the client buys of the category in a year, from us and from competitors.",
    )

    cadence_share_of_wallet = fields.Float(
        compute="_compute_cadence_wallet", string="Share of Wallet (%)", digits=(16, 1)
    )

    cadence_upsell_potential = fields.Monetary(
        compute="_compute_cadence_wallet",
        string="Up-sell Potential",
        currency_field="cadence_currency_id",
        help="What the client still buys from competitors.",
    )

    def _compute_cadence_currency_id(self):
        for partner in self:
            partner.cadence_currency_id = (partner.company_id or self.env.company).currency_id

    @api.depends("cadence_value_manual", "cadence_won_revenue")
    def _compute_cadence_value(self):
        for partner in self:
            partner.cadence_value = partner.cadence_value_manual or partner.cadence_won_revenue

    @api.depends("cadence_value", "cadence_wallet_total")
    def _compute_cadence_wallet(self):
        for partner in self:
            share = economics.share_of_wallet(partner.cadence_value or 0.0, partner.cadence_wallet_total)
            partner.cadence_share_of_wallet = share or 0.0
            partner.cadence_upsell_potential = max(partner.cadence_wallet_total - partner.cadence_value, 0.0)

    @api.constrains("cadence_deal_count", "cadence_team_size", "cadence_value_manual", "cadence_wallet_total")
    def _check_cadence_qualification(self):
        for partner in self:
            if partner.cadence_deal_count < 0:
                raise ValidationError(
                    self.env._("%(partner)s: a number of deals cannot be negative.", partner=partner.name)
                )
            if partner.cadence_team_size < 0:
                raise ValidationError(self.env._("%(partner)s: a team size cannot be negative.", partner=partner.name))
            if partner.cadence_value_manual < 0 or partner.cadence_wallet_total < 0:
                raise ValidationError(
                    self.env._("%(partner)s: a value or a purchase total cannot be negative.", partner=partner.name)
                )
            if partner.cadence_wallet_total and partner.cadence_value > partner.cadence_wallet_total:
                raise ValidationError(
                    self.env._(
                        "%(partner)s: the total category purchases (%(total)s) cannot be below what they buy "
                        "from us (%(ours)s): a share of wallet above 100%% is impossible.",
                        partner=partner.name,
                        total=partner.cadence_wallet_total,
                        ours=partner.cadence_value,
                    )
                )

    @api.model
    def _refresh_cadence_values(self):
        """Once a day: each tiered partner's value (won revenue over the window, or set by hand)
        and value at risk. Both slide with the calendar, so no write can keep them current."""
        today = fields.Date.context_today(self)
        settings = self.env["partner.cadence.planner"]._get_settings()
        window_start = economics.revenue_window_start(today, settings.value_window_months)
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT partner.id, partner.cadence_value_manual, COALESCE(won.revenue, 0), partner.next_touch_date,
                       partner.cadence_won_revenue, partner.cadence_value, partner.cadence_value_at_risk
                  FROM res_partner partner
             LEFT JOIN (SELECT lead.partner_id, SUM(lead.expected_revenue) AS revenue
                          FROM crm_lead lead
                          JOIN crm_stage stage ON stage.id = lead.stage_id
                         WHERE stage.is_won AND lead.active AND lead.date_closed >= %s
                      GROUP BY lead.partner_id) won ON won.partner_id = partner.id
                 WHERE won.revenue IS NOT NULL
                    OR partner.cadence_won_revenue <> 0
                    OR partner.cadence_value_manual <> 0
                    OR partner.cadence_value_at_risk <> 0
                """,
                window_start,
            )
        )
        changes = []
        for partner_id, manual, revenue, next_touch, old_revenue, old_value, old_risk in rows:
            value = manual or revenue
            risk = economics.value_at_risk(value, next_touch, today, settings.monthly_loss_percent)
            old = (old_revenue or 0.0, old_value or 0.0, old_risk or 0.0)
            if any(round(new, 2) != round(was, 2) for new, was in zip((revenue, value, risk), old, strict=True)):
                changes.append(SQL("(%s, %s::numeric, %s::numeric, %s::numeric)", partner_id, revenue, value, risk))
        planner = self.env["partner.cadence.planner"]
        for start in range(0, len(changes), settings.batch_size):
            # A partner a user is saving right now is left to the next run (SKIP LOCKED).
            batch = changes[start : start + settings.batch_size]
            planner._run_step(
                self.env.execute_query,
                SQL(
                    """
                    WITH change(id, revenue, value, risk) AS (VALUES %s),
                         free AS (SELECT partner.id FROM res_partner partner JOIN change ON change.id = partner.id
                                  FOR UPDATE OF partner SKIP LOCKED)
                    UPDATE res_partner partner
                       SET cadence_won_revenue = change.revenue, cadence_value = change.value,
                           cadence_value_at_risk = change.risk
                      FROM change JOIN free ON free.id = change.id
                     WHERE partner.id = change.id
                    """,
                    SQL(", ").join(batch),
                ),
            )
        self.invalidate_model(["cadence_won_revenue", "cadence_value", "cadence_value_at_risk"])
