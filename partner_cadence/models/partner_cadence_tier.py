from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..domain import bounds
from ..domain.cadence import QUOTA_PERIODS, IntervalUnit
from ..domain.classification import TierRule
from ..domain.clients import segment_cells

INBOUND_FREQUENCY_SELECTION = [
    ("daily", "Every day"),
    ("weekly_monthly", "Weekly to monthly"),
    ("rare", "Rarely"),
    ("very_rare", "Very rarely / not their main line"),
]
# Labels of their own, not the potential's "High" and "Low": Russian and Romanian agree the
# adjective with the noun, and standing and potential differ in gender there.
FINANCIAL_STANDING_SELECTION = [("high", "High standing"), ("average", "Average standing"), ("low", "Low standing")]
RELATIONSHIP_SELECTION = [
    ("new", "New"),
    ("loyal_rare", "Loyal, rarely buying"),
    ("loyal", "Loyal"),
    ("one_off", "One-off or seasonal"),
]
# What the suggestion of a qualified partner reads of the tiers.
SUGGESTION_FIELDS = {"inbound_frequency", "sequence", "active", "company_id"}


class PartnerCadenceTier(models.Model):
    """A cadence policy: how often, and by which kinds of touch, its partners are contacted.

    The four partner tiers of the methodology are "one call per week / month / two months /
    quarter"; the five client priority levels are "N meetings and M calls per quota period".
    """

    _name = "partner.cadence.tier"
    _description = "Cadence Tier"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    interval_number = fields.Integer(
        string="Period",
        required=True,
        default=1,
        help="The period over which the touches of each line are spread.",
    )
    interval_unit = fields.Selection(
        [
            (IntervalUnit.DAY.value, "Days"),
            (IntervalUnit.WEEK.value, "Weeks"),
            (IntervalUnit.MONTH.value, "Months"),
        ],
        string="Period Unit",
        required=True,
        default=IntervalUnit.MONTH.value,
    )
    use_quota_period = fields.Boolean(
        string="Per Quota Period",
        help="The period is the quota period of the CRM settings, and follows it when it changes.",
    )
    line_ids = fields.One2many("partner.cadence.tier.line", "tier_id", string="Cadence Lines", copy=True)
    segment_cells = fields.Char(
        string="Suggested for ABC/XYZ Cells",
        help='Clients in these cells of the ABC and XYZ segmentation are suggested this level, e.g. "AX, AY, BX".',
    )
    asks_referrals = fields.Boolean(
        string="Ask for Referrals Periodically",
        default=True,
        help="Its partners get a reminder to ask for colleagues and third parties at the interval of the "
        "settings; the first contacts ask anyway. Off for one-off clients.",
    )
    unanswered_limit = fields.Integer(
        string="Pause After Unanswered Calls",
        help="After this many calls in a row nobody answered, the partner rests until the resume delay "
        "of the settings has passed; 0 never pauses.",
    )
    description = fields.Text(
        translate=True,
        help="Who belongs to this tier: how often target clients call them, or what kind of client they are.",
    )
    level_cell_ids = fields.One2many(
        "partner.cadence.level.cell",
        "tier_id",
        string="Suggested For Clients",
        help="The pairs of financial standing and relationship of the client level grid that suggest this level.",
    )
    inbound_frequency = fields.Selection(
        INBOUND_FREQUENCY_SELECTION,
        string="Suggested For Inbound Calls",
        help="Partners whose target clients call them this often are suggested this tier.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share the tier between companies.",
    )
    partner_count = fields.Integer(compute="_compute_partner_count", string="Partners")
    replan_requested_at = fields.Datetime(
        readonly=True,
        copy=False,
        help="Changed since its partners were last planned: the scheduled action re-plans them.",
    )

    @api.constrains("segment_cells")
    def _check_segment_cells(self):
        for tier in self:
            if segment_cells(tier.segment_cells) is None:
                raise ValidationError(
                    self.env._(
                        "%(tier)s: ABC/XYZ cells are a letter A, B or C then X, Y or Z, such as AX or BZ.",
                        tier=tier.name,
                    )
                )

    @api.constrains("interval_number", "interval_unit")
    def _check_interval_number(self):
        for tier in self:
            if tier.interval_number > 0 and bounds.period_too_long(tier.interval_number, tier.interval_unit):
                raise ValidationError(
                    self.env._(
                        "The tier %(tier)s has a period longer than planning reaches (about five years).",
                        tier=tier.name,
                    )
                )
            if tier.interval_number <= 0:
                raise ValidationError(
                    self.env._(
                        "The tier %(tier)s needs a positive period, not %(number)s.",
                        tier=tier.name,
                        number=tier.interval_number,
                    )
                )

    @api.constrains("line_ids")
    def _check_line_ids(self):
        for tier in self:
            if not tier.line_ids:
                raise ValidationError(self.env._("The tier %(tier)s needs at least one cadence line.", tier=tier.name))

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group([("cadence_tier_id", "in", self.ids)], ["cadence_tier_id"], ["__count"])
        )
        for tier in self:
            tier.partner_count = counts.get(tier, 0)

    @api.model_create_multi
    def create(self, vals_list):
        quota_period = self._get_quota_period()
        for vals in vals_list:
            if vals.get("use_quota_period"):
                vals.update(quota_period)
        tiers = super().create(vals_list)
        if any(vals.get("inbound_frequency") for vals in vals_list):
            tiers._resuggest_partners()
        return tiers

    def write(self, vals):
        if vals.get("use_quota_period"):
            vals = {**vals, **self._get_quota_period()}
        result = super().write(vals)
        if {"interval_number", "interval_unit", "use_quota_period", "asks_referrals"} & vals.keys():
            self._request_replan()
        if SUGGESTION_FIELDS & vals.keys():
            self._resuggest_partners()
        return result

    def _resuggest_partners(self):
        """The suggestion of every qualified partner reads the tiers: which inbound frequency
        suggests which tier, in which order, for which company. Re-derive it."""
        partners = self.env["res.partner"]
        self.env["partner.cadence.planner"]._rederive(
            "res.partner",
            partners._get_cadence_answered_domain(),
            ["cadence_inbound_frequency", "cadence_financial_standing"],
        )

    @api.model
    def _get_quota_period(self):
        """The quota period of the settings, as tier field values."""
        code = self.env["partner.cadence.planner"]._get_settings().quota_period
        number, unit = QUOTA_PERIODS.get(code, QUOTA_PERIODS["quarter"])
        return {"interval_number": number, "interval_unit": unit.value}

    @api.model
    def _apply_quota_period(self):
        """Move the tiers that follow the quota period onto the period now set."""
        tiers = self.with_context(active_test=False).search([("use_quota_period", "=", True)])
        if tiers:
            tiers.write(self._get_quota_period())

    def _request_replan(self):
        """Re-plan these tiers' partners in the scheduled action, triggered now, not in the
        request that changed the tier: the tiers are marked, whatever their partners' number."""
        if not self:
            return
        self.env.flush_all()
        # Only tiers with partners (on it as their tier, or as their client level beside a
        # partner tier): a tier nobody follows has nothing to re-plan.
        self.env.cr.execute(
            SQL(
                """
                UPDATE partner_cadence_tier tier
                   SET replan_requested_at = clock_timestamp() AT TIME ZONE 'UTC'
                 WHERE tier.id IN %s
                   AND EXISTS (SELECT 1 FROM res_partner partner
                                WHERE partner.cadence_tier_id = tier.id OR partner.cadence_client_level_id = tier.id)
                """,
                tuple(self.ids),
            )
        )
        if not self.env.cr.rowcount:
            return
        self.invalidate_recordset(["replan_requested_at"])
        # Absent while the module installs: its data creates tiers before the action.
        cron = self.env.ref("partner_cadence.ir_cron_plan_partner_touches", raise_if_not_found=False)
        if cron:
            cron.sudo()._trigger()

    def _get_suggestion_rule(self):
        """This tier as a plain rule for the domain's matcher."""
        self.ensure_one()
        return TierRule(
            tier_id=self.id,
            sequence=self.sequence,
            inbound_frequency=self.inbound_frequency or None,
        )

    def action_open_partners(self):
        self.ensure_one()
        # Called over RPC too: an action about a record is for those who may read it.
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("contacts.action_contacts")
        action["domain"] = [("cadence_tier_id", "=", self.id)]
        action["context"] = {"default_cadence_tier_id": self.id}
        return action
