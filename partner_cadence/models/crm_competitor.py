from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..domain.competitors import analysis_gaps, too_many_nearest, win_rate


class CrmCompetitor(models.Model):
    """A competitor (§1: single out the nearest ones, know their main strengths and weaknesses,
    and decide what to do about each). The deals it took part in or took from us, and the
    clients who buy from it, point here."""

    _name = "crm.competitor"
    _description = "Competitor"
    _order = "nearest desc, sequence, name, id"
    _check_company_auto = True

    # ------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Contact", check_company=True, help="The competitor's company in the contacts."
    )
    nearest = fields.Boolean(help="One of the few nearest competitors, whose every move we follow.")
    point_ids = fields.One2many("crm.competitor.point", "competitor_id", string="Strengths and Weaknesses")
    strength_ids = fields.One2many(
        "crm.competitor.point",
        "competitor_id",
        string="Strengths",
        domain=[("kind", "=", "strength")],
        context={"default_kind": "strength"},
    )
    weakness_ids = fields.One2many(
        "crm.competitor.point",
        "competitor_id",
        string="Weaknesses",
        domain=[("kind", "=", "weakness")],
        context={"default_kind": "weakness"},
    )
    analysis_todo = fields.Char(
        compute="_compute_analysis_todo",
        string="Still to Find",
        help="The main strengths and weaknesses not yet recorded, against the number in Settings.",
    )
    won_count = fields.Integer(compute="_compute_deal_figures", string="Won Against Them")
    lost_count = fields.Integer(compute="_compute_deal_figures", string="Lost to Them")
    win_rate = fields.Float(
        compute="_compute_deal_figures",
        string="Win Rate (%)",
        help="Deals won among the decided deals this competitor took part in.",
    )
    client_count = fields.Integer(compute="_compute_client_count", string="Clients Buying from Them")

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("point_ids.kind")
    def _compute_analysis_todo(self):
        wanted = self.env["partner.cadence.planner"]._get_settings().competitor_points
        for competitor in self:
            kinds = competitor.point_ids.mapped("kind")
            strengths, weaknesses = analysis_gaps(kinds.count("strength"), kinds.count("weakness"), wanted)
            parts = []
            if strengths:
                parts.append(self.env._("strengths: %(count)s", count=strengths))
            if weaknesses:
                parts.append(self.env._("weaknesses: %(count)s", count=weaknesses))
            competitor.analysis_todo = ", ".join(parts)

    def _compute_deal_figures(self):
        rows = self.env["crm.competitor.report"]._read_group(
            [("competitor_id", "in", self.ids)], ["competitor_id"], ["won_count:sum", "lost_count:sum"]
        )
        figures = {competitor.id: (won, lost) for competitor, won, lost in rows}
        for competitor in self:
            won, lost = figures.get(competitor.id, (0, 0))
            competitor.won_count = won
            competitor.lost_count = lost
            competitor.win_rate = win_rate(won, lost) or 0.0

    def _compute_client_count(self):
        rows = self.env["res.partner.competitor.purchase"]._read_group(
            [("competitor_id", "in", self.ids)], ["competitor_id"], ["partner_id:count_distinct"]
        )
        counts = {competitor.id: count for competitor, count in rows}
        for competitor in self:
            competitor.client_count = counts.get(competitor.id, 0)

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("nearest", "active", "company_id")
    def _check_nearest(self):
        limit = self.env["partner.cadence.planner"]._get_settings().competitors_nearest
        for company in {competitor.company_id for competitor in self if competitor.nearest and competitor.active}:
            count = self.search_count([("nearest", "=", True), ("company_id", "=", company.id)])
            if too_many_nearest(count, limit):
                raise ValidationError(
                    self.env._(
                        "Single out the %(limit)s nearest competitors: unmark one before marking another.",
                        limit=limit,
                    )
                )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_open_deals(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("partner_cadence.crm_competitor_report_action")
        action["domain"] = [("competitor_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_open_clients(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("contacts.action_contacts")
        action["domain"] = [("cadence_competitor_purchase_ids.competitor_id", "=", self.id)]
        action["context"] = {}
        return action
