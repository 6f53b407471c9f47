from odoo import fields, models, tools
from odoo.tools import SQL


class PartnerCadenceBoard(models.Model):
    """The manager's week, one row per salesperson: what is overdue (how many reminders, how
    many days, what value is at risk), the people contacted this week against those needed for
    the team's planned deals (§2: 3 deals need 15 contacts), the leads being nurtured and the
    partners who stopped answering. One set-based query, whatever the size of the base."""

    _name = "partner.cadence.board"
    _description = "Cadence Board"
    _auto = False
    _order = "overdue_count desc, user_id"

    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    overdue_count = fields.Integer(string="Overdue Reminders", readonly=True)
    overdue_days = fields.Integer(
        string="Days Overdue", readonly=True, help="The days the overdue reminders are late, added up."
    )
    # A salesperson's row always has their company: values are in its currency, as crm's are.
    currency_id = fields.Many2one(related="company_id.currency_id")
    value_at_risk = fields.Monetary(
        string="Value at Risk", readonly=True, help="The value at risk of the partners whose reminders are overdue."
    )
    contacted_this_week = fields.Integer(
        string="People Contacted This Week", readonly=True, help="Distinct partners touched since Monday."
    )
    touches_this_week = fields.Integer(readonly=True)
    contacts_needed = fields.Integer(
        string="Contacts Needed per Week",
        readonly=True,
        help="The team's planned deals over the conversion rate of the settings, shared by its members.",
    )
    nurtured_leads = fields.Integer(string="Leads Being Nurtured", readonly=True)
    cycle_deals = fields.Integer(
        string="Deals in the B2B Cycle",
        readonly=True,
        help="Open opportunities with a step of the B2B cycle done.",
    )
    cycle_step_average = fields.Float(
        string="Average Cycle Step",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        help="How far, on average, those opportunities went in the cycle's eighteen steps.",
    )
    expert_wins = fields.Integer(
        string="Wins as Expert",
        readonly=True,
        help="Won opportunities this person took through the reinforced scheme as their expert.",
    )
    unanswered_partners = fields.Integer(
        string="Partners Not Answering", readonly=True, help="Partners whose last calls went unanswered."
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(view)s AS (
                    WITH membership AS (
                        SELECT member.user_id, MIN(member.crm_team_id) AS team_id
                          FROM crm_team_member member
                         WHERE member.active
                      GROUP BY member.user_id
                    ), reminders AS (
                        SELECT activity.user_id, activity.res_model, activity.res_id, activity.date_deadline
                          FROM mail_activity activity
                         WHERE activity.cadence_slot IS NOT NULL AND activity.active
                    ), overdue AS (
                        SELECT user_id, COUNT(*) AS reminders, SUM(CURRENT_DATE - date_deadline) AS days
                          FROM reminders
                         WHERE date_deadline < CURRENT_DATE
                      GROUP BY user_id
                    ), risk AS (
                        SELECT late.user_id, SUM(partner.cadence_value_at_risk) AS value
                          FROM (SELECT DISTINCT user_id, res_id FROM reminders
                                 WHERE res_model = 'res.partner' AND date_deadline < CURRENT_DATE) late
                          JOIN res_partner partner ON partner.id = late.res_id
                      GROUP BY late.user_id
                    ), week AS (
                        SELECT touch.user_id, COUNT(DISTINCT touch.partner_id) AS people, COUNT(*) AS touches
                          FROM partner_cadence_touch touch
                         WHERE touch.date >= date_trunc('week', CURRENT_DATE)::date
                      GROUP BY touch.user_id
                    ), nurtured AS (
                        SELECT user_id, COUNT(*) AS leads FROM crm_lead
                         WHERE nurture_state = 'running' AND active
                      GROUP BY user_id
                    ), cycle AS (
                        SELECT user_id, COUNT(*) AS deals, AVG(cadence_cycle_step) AS step FROM crm_lead
                         WHERE cadence_cycle_step > 0 AND active
                      GROUP BY user_id
                    ), expert AS (
                        SELECT lead.expert_id AS user_id, COUNT(*) AS wins
                          FROM crm_lead lead
                          JOIN crm_stage stage ON stage.id = lead.stage_id
                         WHERE lead.expert_id IS NOT NULL AND lead.active AND stage.is_won
                      GROUP BY lead.expert_id
                    ), unanswered AS (
                        SELECT user_id, COUNT(*) AS partners FROM res_partner
                         WHERE cadence_unanswered_count > 0 AND active
                      GROUP BY user_id
                    ), team_size AS (
                        SELECT crm_team_id AS team_id, COUNT(*) AS members FROM crm_team_member
                         WHERE active
                      GROUP BY crm_team_id
                    )
                    SELECT users.id AS id,
                           users.id AS user_id,
                           membership.team_id,
                           users.company_id,
                           COALESCE(overdue.reminders, 0) AS overdue_count,
                           COALESCE(overdue.days, 0) AS overdue_days,
                           COALESCE(risk.value, 0) AS value_at_risk,
                           COALESCE(week.people, 0) AS contacted_this_week,
                           COALESCE(week.touches, 0) AS touches_this_week,
                           COALESCE(CEIL(team.cadence_planned_deals * 100.0 / NULLIF(%(conversion)s, 0)
                                         / team_size.members), 0) AS contacts_needed,
                           COALESCE(nurtured.leads, 0) AS nurtured_leads,
                           COALESCE(cycle.deals, 0) AS cycle_deals,
                           COALESCE(cycle.step, 0) AS cycle_step_average,
                           COALESCE(expert.wins, 0) AS expert_wins,
                           COALESCE(unanswered.partners, 0) AS unanswered_partners
                      FROM res_users users
                 LEFT JOIN membership ON membership.user_id = users.id
                 LEFT JOIN crm_team team ON team.id = membership.team_id
                 LEFT JOIN team_size ON team_size.team_id = membership.team_id
                 LEFT JOIN overdue ON overdue.user_id = users.id
                 LEFT JOIN risk ON risk.user_id = users.id
                 LEFT JOIN week ON week.user_id = users.id
                 LEFT JOIN nurtured ON nurtured.user_id = users.id
                 LEFT JOIN cycle ON cycle.user_id = users.id
                 LEFT JOIN expert ON expert.user_id = users.id
                 LEFT JOIN unanswered ON unanswered.user_id = users.id
                     WHERE users.active AND NOT users.share
                       AND (membership.user_id IS NOT NULL OR overdue.user_id IS NOT NULL
                            OR week.user_id IS NOT NULL OR nurtured.user_id IS NOT NULL
                            OR expert.user_id IS NOT NULL)
                )
                """,
                view=SQL.identifier(self._table),
                conversion=SQL(
                    "(SELECT NULLIF(value, '')::numeric FROM ir_config_parameter WHERE key = %s)",
                    "partner_cadence.conversion_percent",
                ),
            )
        )
