from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..domain import clients, economics
from ..domain.cadence import shift_months


class ResPartner(models.Model):
    """Existing clients (§7): when they will buy again, how much more they could buy, their
    ABC and XYZ classes, refreshed for the whole base in one pass (satisfaction: res_partner_nps,
    the calls that follow: res_partner_client_calls)."""

    # One capability of res.partner per file, each short enough to read at once: pylint-odoo
    # would rather have one class per model, the project asks for files under 400 lines.
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    cadence_purchase_count = fields.Integer(string="Purchases", readonly=True)
    cadence_last_purchase_date = fields.Date(string="Last Purchase", readonly=True, index="btree_not_null")
    cadence_repurchase_interval = fields.Integer(
        string="Usual Days Between Purchases", readonly=True, help="The median gap between the client's purchases."
    )
    cadence_repurchase_date = fields.Date(
        string="Next Purchase Expected",
        readonly=True,
        index="btree_not_null",
        help="The last purchase plus the usual gap; empty until the client bought often enough to tell.",
    )
    cadence_average_purchase = fields.Monetary(
        string="Average Purchase", currency_field="cadence_currency_id", readonly=True
    )
    cadence_purchases_12m = fields.Monetary(
        string="Purchases, Last 12 Months", currency_field="cadence_currency_id", readonly=True
    )
    cadence_last_year_purchases = fields.Monetary(
        string="Purchases Last Year", currency_field="cadence_currency_id", readonly=True
    )
    cadence_year_purchases = fields.Monetary(
        string="Purchases This Year", currency_field="cadence_currency_id", readonly=True
    )
    cadence_sales_target = fields.Monetary(
        string="Sales Plan for the Year",
        currency_field="cadence_currency_id",
        help="The client's individual sales plan; by default last year's purchases plus the up-sell share.",
    )
    cadence_target_gap = fields.Monetary(
        compute="_compute_cadence_target_gap",
        store=True,
        string="Below Plan By",
        currency_field="cadence_currency_id",
        help="What the client still has to buy this year to meet the plan.",
    )
    cadence_abc_class = fields.Selection(
        [("A", "A"), ("B", "B"), ("C", "C")],
        string="ABC Class",
        readonly=True,
        help="By share of revenue: A make the first 80%, B the next 15%, C the rest (thresholds in Settings).",
    )
    cadence_xyz_class = fields.Selection(
        [("X", "X"), ("Y", "Y"), ("Z", "Z")],
        string="XYZ Class",
        readonly=True,
        help="By regularity of monthly purchases over the last year: X steady, Y varying, Z irregular.",
    )
    cadence_segment_tier_id = fields.Many2one(
        "partner.cadence.tier",
        compute="_compute_cadence_segment_tier_id",
        string="Level Suggested by the Segment",
        help="The client priority level the admin mapped to this client's ABC and XYZ cell.",
    )
    cadence_wallet_buy_more = fields.Text(string="What Would Make Them Buy More")
    cadence_competitor_purchase_ids = fields.One2many(
        "res.partner.competitor.purchase", "partner_id", string="Buys from Competitors"
    )

    @api.depends("cadence_sales_target", "cadence_year_purchases")
    def _compute_cadence_target_gap(self):
        for partner in self:
            partner.cadence_target_gap = max(partner.cadence_sales_target - partner.cadence_year_purchases, 0.0)

    @api.depends("cadence_abc_class", "cadence_xyz_class")
    def _compute_cadence_segment_tier_id(self):
        tiers = self.env["partner.cadence.tier"].search([("segment_cells", "!=", False)])
        cells = [(tier, clients.segment_cells(tier.segment_cells) or set()) for tier in tiers]
        for partner in self:
            cell = f"{partner.cadence_abc_class or ''}{partner.cadence_xyz_class or ''}"
            partner.cadence_segment_tier_id = next((tier for tier, mapped in cells if cell in mapped), False)

    @api.constrains("cadence_sales_target")
    def _check_cadence_sales_target(self):
        if any(partner.cadence_sales_target < 0 for partner in self):
            raise ValidationError(self.env._("A sales plan cannot be negative."))

    @api.model
    def _get_purchase_history_query(self, since):
        """(client, day, amount) of every purchase since ``since``: won opportunities, and
        confirmed sale orders when the Sales app is installed (an opportunity that has a
        confirmed order is counted once, by its orders). Extend to add other sources."""
        won_leads = SQL(
            """
            SELECT partner.commercial_partner_id AS client, lead.date_closed::date AS day,
                   lead.expected_revenue AS amount
              FROM crm_lead lead
              JOIN crm_stage stage ON stage.id = lead.stage_id
              JOIN res_partner partner ON partner.id = lead.partner_id
             WHERE stage.is_won AND lead.active AND lead.date_closed >= %(since)s
            """,
            since=since,
        )
        orders = self.env.get("sale.order")
        if orders is None:
            return won_leads
        if "opportunity_id" in orders._fields:
            won_leads = SQL(
                "%s AND NOT EXISTS (SELECT 1 FROM sale_order so"
                " WHERE so.opportunity_id = lead.id AND so.state = 'sale')",
                won_leads,
            )
        return SQL(
            """
            %s
            UNION ALL
            SELECT partner.commercial_partner_id, so.date_order::date, so.amount_untaxed
              FROM sale_order so
              JOIN res_partner partner ON partner.id = so.partner_id
             WHERE so.state = 'sale' AND so.date_order >= %s
            """,
            won_leads,
            since,
        )

    @api.model
    def _refresh_cadence_clients(self):
        """Scheduled action step: each client's purchases, next expected purchase, sales plan,
        ABC and XYZ classes, in one set-based pass over the purchase history; then the
        repurchase reminders, in batches."""
        today = fields.Date.context_today(self)
        planner = self.env["partner.cadence.planner"]
        settings = planner._get_settings()
        since = shift_months(today, -settings.purchase_history_months)
        self.env.flush_all()
        history = defaultdict(list)
        for client, day, amount in self.env.execute_query(self._get_purchase_history_query(since)):
            history[client].append((day, float(amount or 0.0)))
        rows = self.env.execute_query(
            SQL(
                """
                SELECT id, cadence_purchase_count, cadence_last_purchase_date, cadence_repurchase_interval,
                       cadence_repurchase_date, cadence_average_purchase, cadence_last_year_purchases,
                       cadence_year_purchases, cadence_sales_target, cadence_abc_class, cadence_xyz_class,
                       cadence_purchases_12m
                  FROM res_partner
                 WHERE id = ANY(%s) OR cadence_purchase_count > 0
                """,
                list(history),
            )
        )
        year_start = today.replace(month=1, day=1)
        last_year_start = year_start.replace(year=year_start.year - 1)
        # ABC, XYZ and the share of wallet look at a year of purchases, month by month.
        months = economics.PERIODS_PER_YEAR["month"]
        window_start = shift_months(today.replace(day=1), 1 - months)
        window_revenue = {}
        values = {}
        for row in rows:
            partner_id, *old = row
            purchases = history.get(partner_id, [])
            forecast = clients.repurchase_forecast(
                [day for day, _amount in purchases], settings.repurchase_min_purchases
            )
            last_year = sum(amount for day, amount in purchases if last_year_start <= day < year_start)
            monthly = clients.monthly_amounts(purchases, window_start, months)
            window_revenue[partner_id] = sum(monthly)
            target = old[7] or clients.sales_target(last_year, settings.upsell_percent)
            values[partner_id] = [
                len(purchases),
                max((day for day, _amount in purchases), default=None),
                forecast[0] if forecast else 0,
                forecast[1] if forecast else None,
                sum(amount for _day, amount in purchases) / len(purchases) if purchases else 0.0,
                last_year,
                sum(amount for day, amount in purchases if day >= year_start),
                target,
                None,
                clients.xyz_class(monthly, settings.xyz_x_percent, settings.xyz_y_percent),
                sum(monthly),
            ]
        abc = clients.abc_classes(window_revenue, settings.abc_a_percent, settings.abc_b_percent)
        changes = []
        for partner_id, *old in rows:
            new = values[partner_id]
            new[8] = abc[partner_id] if window_revenue[partner_id] > 0 else None
            if [_normal(value) for value in new] != [_normal(value) for value in old]:
                changes.append((partner_id, new))
        for start in range(0, len(changes), settings.batch_size):
            planner._run_step(self._write_cadence_clients, changes[start : start + settings.batch_size])
        self._plan_cadence_client_calls([partner_id for partner_id, _new in changes], today, settings)

    @api.model
    def _write_cadence_clients(self, changes):
        """Store ``changes`` ((partner id, values in _refresh_cadence_clients' order)); a
        partner a user is saving right now is left to the next run (SKIP LOCKED)."""
        columns = (
            "cadence_purchase_count",
            "cadence_last_purchase_date",
            "cadence_repurchase_interval",
            "cadence_repurchase_date",
            "cadence_average_purchase",
            "cadence_last_year_purchases",
            "cadence_year_purchases",
            "cadence_sales_target",
            "cadence_abc_class",
            "cadence_xyz_class",
            "cadence_purchases_12m",
        )
        types = (
            "int",
            "date",
            "int",
            "date",
            "numeric",
            "numeric",
            "numeric",
            "numeric",
            "varchar",
            "varchar",
            "numeric",
        )
        rows = self.env.execute_query(
            SQL(
                """
                WITH change(id, %s) AS (VALUES %s),
                     free AS (SELECT partner.id FROM res_partner partner JOIN change ON change.id = partner.id
                              FOR UPDATE OF partner SKIP LOCKED)
                UPDATE res_partner partner SET %s
                  FROM change JOIN free ON free.id = change.id
                 WHERE partner.id = change.id
             RETURNING partner.id
                """,
                SQL(", ").join(SQL.identifier(column) for column in columns),
                SQL(", ").join(
                    SQL(
                        "(%s, %s)",
                        partner_id,
                        SQL(", ").join(SQL("%s::%s", value, SQL(kind)) for value, kind in zip(new, types, strict=True)),
                    )
                    for partner_id, new in changes
                ),
                SQL(", ").join(
                    SQL("%s = change.%s", SQL.identifier(column), SQL.identifier(column)) for column in columns
                ),
            )
        )
        written = self.browse(row[0] for row in rows)
        written.invalidate_recordset(list(columns))
        # The gap to the plan follows through the ORM, its one writer.
        written.modified(["cadence_year_purchases", "cadence_sales_target"])
        self.env.flush_all()

    @api.model
    def _get_wallet_known_percent(self):
        """The share of clients whose total purchases of the category, and so share of wallet,
        is known; None without clients."""
        clients_count = self.search_count([("cadence_purchase_count", ">", 0)])
        if not clients_count:
            return None
        known = self.search_count([("cadence_purchase_count", ">", 0), ("cadence_wallet_total", ">", 0)])
        return round(100 * known / clients_count)


def _normal(value):
    """A value as both Python and the database give it, for comparing old and new."""
    if value is None or value is False:
        return None
    if isinstance(value, float) or type(value).__name__ == "Decimal":
        return round(float(value), 2)
    return value
