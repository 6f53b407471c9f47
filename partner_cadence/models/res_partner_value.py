from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..domain import economics


class ResPartner(models.Model):
    """What a partner is worth and what an untouched month costs (§4 and §7):
    value, share of wallet, up-sell, value at risk, refreshed by the planner."""

    # One capability of res.partner per file, each short enough to read at once: pylint-odoo
    # would rather have one class per model, the project asks for files under 400 lines.
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # Stored, so that the amounts in it sum up in pivots and graphs: 19 sums a monetary field
    # only when its currency is stored (18 sums any). A partner shared by every company counts
    # in the main company's currency.
    cadence_currency_id = fields.Many2one("res.currency", compute="_compute_cadence_currency_id", store=True)

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
        help="The revenue of won opportunities over the value window of the settings: the partner's own, and "
        "those of the leads and customers it recommended (a realtor rarely buys, it sends buyers).",
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
        help="What the client could buy more in a year: the up-sell share of the settings (15-20%) of what they "
        "buy from us, at most what they buy elsewhere.",
    )

    def write(self, vals):
        result = super().write(vals)
        if "cadence_value_manual" in vals:
            self._refresh_cadence_values(self)
        return result

    @api.depends("company_id.currency_id")
    def _compute_cadence_currency_id(self):
        main_currency = self.env["res.company"].sudo()._get_main_company().currency_id
        for partner in self:
            partner.cadence_currency_id = partner.company_id.currency_id or main_currency

    @api.depends("cadence_value_manual", "cadence_won_revenue")
    def _compute_cadence_value(self):
        for partner in self:
            partner.cadence_value = partner.cadence_value_manual or partner.cadence_won_revenue

    def _get_cadence_yearly_purchases(self):
        """What the client buys from us in a year: the value typed by hand, else the purchases
        of the last twelve months, whatever the value window."""
        self.ensure_one()
        return self.cadence_value_manual or self.cadence_purchases_12m

    @api.depends("cadence_value_manual", "cadence_purchases_12m", "cadence_wallet_total")
    def _compute_cadence_wallet(self):
        upsell_percent = self.env["partner.cadence.planner"]._get_settings().upsell_percent
        for partner in self:
            yearly = partner._get_cadence_yearly_purchases()
            share = economics.share_of_wallet(yearly, partner.cadence_wallet_total)
            partner.cadence_share_of_wallet = share or 0.0
            partner.cadence_upsell_potential = economics.upsell_potential(
                yearly, partner.cadence_wallet_total, upsell_percent
            )

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
            if partner.cadence_wallet_total and partner._get_cadence_yearly_purchases() > partner.cadence_wallet_total:
                raise ValidationError(
                    self.env._(
                        "%(partner)s: the total category purchases (%(total)s) cannot be below what they buy "
                        "from us (%(ours)s): a share of wallet above 100%% is impossible.",
                        partner=partner.name,
                        total=partner.cadence_wallet_total,
                        ours=partner._get_cadence_yearly_purchases(),
                    )
                )

    @api.model
    def _refresh_cadence_values(self, partners=None):
        """Each partner's won revenue over the value window and value at risk: the one writer
        of both. The scheduled action refreshes every partner once a day (both slide with the
        calendar), in batches it commits; a touch or a typed value refreshes its ``partners``
        at once, inside the user's request. The value itself is the ORM's to compute from
        them."""
        today = fields.Date.context_today(self)
        settings = self.env["partner.cadence.planner"]._get_settings()
        window_start = economics.revenue_window_start(today, settings.value_window_months)
        self.env.flush_all()
        only = SQL() if partners is None else SQL("AND partner.id = ANY(%s)", partners.ids)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT partner.id, partner.cadence_value_manual, COALESCE(won.revenue, 0), partner.next_touch_date,
                       partner.cadence_won_revenue, partner.cadence_value_at_risk
                  FROM res_partner partner
             LEFT JOIN (SELECT credited.partner_id, SUM(credited.revenue) AS revenue
                          FROM (SELECT lead.partner_id,
                                       COALESCE(lead.referred_by_id, customer.referred_by_id,
                                                company.referred_by_id) AS referrer_id,
                                       lead.expected_revenue AS revenue
                                  FROM crm_lead lead
                                  JOIN crm_stage stage ON stage.id = lead.stage_id
                             LEFT JOIN res_partner customer ON customer.id = lead.partner_id
                             LEFT JOIN res_partner company ON company.id = customer.commercial_partner_id
                                 WHERE stage.is_won AND lead.active AND lead.date_closed >= %s) deal
                         CROSS JOIN LATERAL (VALUES (deal.partner_id, deal.revenue),
                                                    (NULLIF(deal.referrer_id, deal.partner_id), deal.revenue))
                                    AS credited(partner_id, revenue)
                         WHERE credited.partner_id IS NOT NULL
                      GROUP BY credited.partner_id) won ON won.partner_id = partner.id
                 WHERE (won.revenue IS NOT NULL
                        OR partner.cadence_won_revenue <> 0
                        OR partner.cadence_value_manual <> 0
                        OR partner.cadence_value_at_risk <> 0) %s
                """,
                window_start,
                only,
            )
        )
        changes = []
        for partner_id, manual, revenue, next_touch, old_revenue, old_risk in rows:
            risk = economics.value_at_risk(manual or revenue, next_touch, today, settings.monthly_loss_percent)
            if round(revenue, 2) != round(old_revenue or 0.0, 2) or round(risk, 2) != round(old_risk or 0.0, 2):
                changes.append((partner_id, revenue, risk, round(revenue, 2) != round(old_revenue or 0.0, 2)))
        if partners is not None:
            self._write_cadence_values(changes, skip_locked=False)
            return
        planner = self.env["partner.cadence.planner"]
        for start in range(0, len(changes), settings.batch_size):
            planner._run_step(self._write_cadence_values, changes[start : start + settings.batch_size], True)

    @api.model
    def _write_cadence_values(self, changes, skip_locked):
        """Store ``changes`` (partner id, revenue, risk, revenue changed); a partner a user is
        saving right now is left to the next run when ``skip_locked``."""
        if not changes:
            return
        lock = SQL("FOR UPDATE OF partner SKIP LOCKED") if skip_locked else SQL()
        rows = self.env.execute_query(
            SQL(
                """
                WITH change(id, revenue, risk) AS (VALUES %s),
                     free AS (SELECT partner.id FROM res_partner partner JOIN change ON change.id = partner.id %s)
                UPDATE res_partner partner
                   SET cadence_won_revenue = change.revenue, cadence_value_at_risk = change.risk
                  FROM change JOIN free ON free.id = change.id
                 WHERE partner.id = change.id
             RETURNING partner.id
                """,
                SQL(", ").join(
                    SQL("(%s, %s::numeric, %s::numeric)", partner_id, revenue, risk)
                    for partner_id, revenue, risk, _changed in changes
                ),
                lock,
            )
        )
        written = {row[0] for row in rows}
        self.browse(written).invalidate_recordset(["cadence_won_revenue", "cadence_value_at_risk"])
        # The value follows the revenue through the ORM, its one writer.
        self.browse(
            partner_id for partner_id, _revenue, _risk, changed in changes if changed and partner_id in written
        ).modified(["cadence_won_revenue"])
        self.env.flush_all()
