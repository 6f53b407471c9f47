import datetime
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .. import compat
from ..domain import economics
from ..domain.b2b_cycle import STAGE_FIRST_STEPS


class CrmTeam(models.Model):
    """Planning by the methodology: contacts needed for the deals planned, clients needed for
    the sales plan, against the people actually contacted this week (§2)."""

    _inherit = "crm.team"

    cadence_planned_deals = fields.Integer(
        string="Deals Planned per Week",
        default=lambda self: self.env["partner.cadence.planner"]._get_settings().planned_deals,
    )
    cadence_required_contacts = fields.Integer(
        compute="_compute_cadence_planning",
        string="Contacts Needed per Week",
        help="Deals planned divided by the conversion rate of the settings.",
    )
    cadence_contacts_this_week = fields.Integer(
        compute="_compute_cadence_planning",
        string="Contacts This Week",
        help="Distinct partners and leads the team's members contacted since Monday, whatever the number of "
        "touches with each: the methodology counts people.",
    )
    cadence_sales_plan = fields.Monetary(string="Monthly Sales Plan", currency_field="currency_id")
    cadence_average_deal = fields.Monetary(
        string="Average Deal",
        currency_field="currency_id",
        help="The deal the plan counts on; left empty, the average won deal of the value window.",
    )
    cadence_average_won_deal = fields.Monetary(
        compute="_compute_cadence_average_won_deal",
        string="Average Won Deal",
        currency_field="currency_id",
        help="The team's won opportunities closed within the value window of the settings, on average.",
    )
    cadence_clients_needed = fields.Integer(
        compute="_compute_cadence_planning",
        string="Clients Needed per Month",
        help="The sales plan divided by the average deal.",
    )

    @api.constrains("cadence_planned_deals", "cadence_sales_plan", "cadence_average_deal")
    def _check_cadence_planning(self):
        for team in self:
            if team.cadence_planned_deals < 0 or team.cadence_sales_plan < 0 or team.cadence_average_deal < 0:
                raise ValidationError(self.env._("%(team)s: planning figures cannot be negative.", team=team.name))

    @api.model
    def _get_conversion_percent(self):
        return self.env["partner.cadence.planner"]._get_settings().conversion_percent

    @api.model
    def _get_week_contact_counts(self, users):
        """How many distinct people each of ``users`` contacted since Monday: {user id: count}.

        Partners touched count once each, whatever the number of touches; leads without a
        customer, contacted through their done activities, count too.
        """
        today = fields.Date.context_today(self)
        monday = today - datetime.timedelta(days=today.weekday())
        contacted = defaultdict(set)
        for user, partner in (
            self.env["partner.cadence.touch"]
            .sudo()
            ._read_group([("user_id", "in", users.ids), ("date", ">=", monday)], ["user_id", "partner_id"])
        ):
            contacted[user.id].add(("res.partner", partner.id))
        author_users = {user.partner_id.id: user.id for user in users}
        lead_rows = (
            self.env["mail.message"]
            .sudo()
            ._read_group(
                [
                    ("model", "=", "crm.lead"),
                    ("mail_activity_type_id", "!=", False),
                    ("author_id", "in", list(author_users)),
                    ("date", ">=", datetime.datetime.combine(monday, datetime.time.min)),
                ],
                ["author_id", "res_id"],
            )
        )
        leads = self.env["crm.lead"].sudo().browse({res_id for _author, res_id in lead_rows}).exists()
        without_customer = set(leads.filtered(lambda lead: not lead.partner_id).ids)
        for author, res_id in lead_rows:
            if res_id in without_customer:
                contacted[author_users[author.id]].add(("crm.lead", res_id))
        return {user_id: len(people) for user_id, people in contacted.items()}

    def _compute_cadence_average_won_deal(self):
        window = self.env["partner.cadence.planner"]._get_settings().value_window_months
        since = fields.Date.subtract(fields.Date.context_today(self), months=window)
        averages = dict(
            self.env["crm.lead"]
            .sudo()
            ._read_group(
                [("team_id", "in", self.ids), ("stage_id.is_won", "=", True), ("date_closed", ">=", since)],
                ["team_id"],
                ["expected_revenue:avg"],
            )
        )
        for team in self:
            team.cadence_average_won_deal = averages.get(team, 0.0)

    @api.depends(
        "cadence_planned_deals",
        "cadence_sales_plan",
        "cadence_average_deal",
        "cadence_average_won_deal",
        "crm_team_member_ids",
    )
    def _compute_cadence_planning(self):
        conversion = self._get_conversion_percent()
        counts = self._get_week_contact_counts(self.crm_team_member_ids.user_id)
        for team in self:
            team.cadence_required_contacts = (
                economics.required_contacts(team.cadence_planned_deals, conversion) if 0 < conversion <= 100 else 0
            )
            team.cadence_contacts_this_week = sum(counts.get(user.id, 0) for user in team.crm_team_member_ids.user_id)
            average = team.cadence_average_deal or team.cadence_average_won_deal
            team.cadence_clients_needed = (
                economics.clients_needed(team.cadence_sales_plan, average) if average > 0 else 0
            )

    def _get_cycle_stage_names(self):
        """The names of the pipeline stages of the B2B cycle, by the step each starts at."""
        names = (
            self.env._("Relationship"),
            self.env._("Decision Makers"),
            self.env._("Needs"),
            self.env._("Proposal"),
            self.env._("Negotiation"),
            self.env._("Contract"),
        )
        return dict(zip(STAGE_FIRST_STEPS, names, strict=True))

    def action_adopt_cycle_stages(self):
        """Add the B2B cycle's stages to the team's pipeline (§5), before the won stage; the
        team keeps its own. Adopting again adds only what is missing."""
        self.check_access("write")
        Stage = self.env["crm.stage"]
        won = Stage.search([("is_won", "=", True)], order="sequence", limit=1)
        for team in self:
            own = set(Stage.search([(compat.STAGE_TEAMS, "=", team.id)]).mapped("name"))
            first_sequence = (won.sequence or 70) - len(STAGE_FIRST_STEPS)
            Stage.create(
                [
                    {"name": name, "sequence": first_sequence + index, **compat.stage_team_values(team)}
                    for index, name in enumerate(team._get_cycle_stage_names().values())
                    if name not in own
                ]
            )
        return True


class CrmTeamMember(models.Model):
    _inherit = "crm.team.member"

    cadence_required_contacts = fields.Integer(
        compute="_compute_cadence_planning", string="Contacts Needed per Week", help="The team's need, shared evenly."
    )
    cadence_contacts_this_week = fields.Integer(
        compute="_compute_cadence_planning",
        string="Contacts This Week",
        help="Distinct partners and leads contacted since Monday.",
    )

    def _compute_cadence_planning(self):
        counts = self.env["crm.team"]._get_week_contact_counts(self.user_id)
        for member in self:
            members = len(member.crm_team_id.crm_team_member_ids) or 1
            member.cadence_required_contacts = -(-member.crm_team_id.cadence_required_contacts // members)
            member.cadence_contacts_this_week = counts.get(member.user_id.id, 0)
