from odoo import api, fields, models
from odoo.tools import SQL

from ..domain import clients
from ..domain.reminders import Reminder, slot

NPS_FOLLOW_UP = "nps_follow_up"


class ResPartner(models.Model):
    """Satisfaction (§7): each client's latest NPS score, from a done survey call or from
    Odoo's Surveys app when it is installed, and the follow-up it asks for."""

    # One capability of res.partner per file, each short enough to read at once: pylint-odoo
    # would rather have one class per model, the project asks for files under 400 lines.
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    cadence_nps_score = fields.Integer(string="NPS Score", readonly=True)
    cadence_nps_date = fields.Date(string="NPS Date", readonly=True)
    cadence_nps_group = fields.Selection(
        [(clients.PROMOTER, "Promoter"), (clients.NEUTRAL, "Neutral"), (clients.DETRACTOR, "Detractor")],
        string="NPS Group",
        compute="_compute_cadence_nps_group",
        store=True,
    )

    @api.depends("cadence_nps_score", "cadence_nps_date")
    def _compute_cadence_nps_group(self):
        settings = self.env["partner.cadence.planner"]._get_settings()
        for partner in self:
            partner.cadence_nps_group = partner.cadence_nps_date and clients.nps_group(
                partner.cadence_nps_score, settings.nps_promoter_min, settings.nps_neutral_min
            )

    def _record_nps_score(self, score, day):
        """Record a survey's score; promoters are asked for referrals, detractors called by
        their account manager, through the engine's follow-up slot. A new score is a new
        reason: it replaces the follow-up of the previous one, whose text it contradicts."""
        self.sudo().write({"cadence_nps_score": score, "cadence_nps_date": day})
        self._drop_cadence_reminders([slot(NPS_FOLLOW_UP)])
        follow_up_type = {
            clients.PROMOTER: "partner_cadence.mail_activity_type_ask_referrals",
            clients.DETRACTOR: "mail.mail_activity_data_call",
        }
        wanted = {}
        for partner in self:
            xmlid = follow_up_type.get(partner.cadence_nps_group)
            wanted[partner.id, slot(NPS_FOLLOW_UP)] = (
                None if not xmlid else Reminder(self.env["ir.model.data"]._xmlid_to_res_id(xmlid), day, None)
            )

        self.env["res.partner"]._ensure_cadence_reminders(wanted, day)

    def _describe_cadence_slot(self, reminder_slot, format_day):
        """A promoter is asked for referrals, a detractor called: both calls quote the score."""
        if reminder_slot != slot(NPS_FOLLOW_UP):
            return super()._describe_cadence_slot(reminder_slot, format_day)
        if self.cadence_nps_group == clients.PROMOTER:
            return self.env._("Promoter: ask for referrals"), [
                self.env._(
                    "%(client)s gave %(score)s out of 10: ask who else could use our service.",
                    client=self.name,
                    score=self.cadence_nps_score,
                )
            ]
        return self.env._("Detractor: call %(client)s", client=self.name), [
            self.env._(
                "%(client)s gave %(score)s out of 10: find out what went wrong before a competitor does.",
                client=self.name,
                score=self.cadence_nps_score,
            )
        ]

    @api.model
    def _get_nps_survey_questions_domain(self):
        """The Surveys app's questions whose answer is a client's NPS score: scale questions
        from 0 to 10 ("how likely are you to recommend us?"). Extend to narrow them down."""
        return [("question_type", "=", "scale"), ("scale_min", "=", 0), ("scale_max", "=", clients.NPS_MAX)]

    @api.model
    def _refresh_cadence_survey_scores(self):
        """Scheduled action step: the NPS scores clients gave in surveys completed since their
        last recorded score, when the Surveys app is installed; rerun, it records nothing."""
        if "survey.user_input.line" not in self.env:
            return 0
        self.env.flush_all()
        questions = self.env["survey.question"].sudo()._search(self._get_nps_survey_questions_domain())
        rows = self.env.execute_query(
            SQL(
                """
                SELECT client.id, answer.end_datetime::date, line.value_scale,
                       client.cadence_nps_date, client.cadence_nps_score
                  FROM survey_user_input_line line
                  JOIN survey_user_input answer ON answer.id = line.user_input_id
                  JOIN res_partner person ON person.id = answer.partner_id
                  JOIN res_partner client ON client.id = person.commercial_partner_id
                 WHERE line.question_id IN %s
                   AND line.answer_type = 'scale' AND NOT COALESCE(line.skipped, FALSE)
                   AND answer.state = 'done' AND NOT COALESCE(answer.test_entry, FALSE)
                   AND answer.end_datetime IS NOT NULL
                   AND (client.cadence_nps_date IS NULL OR answer.end_datetime::date >= client.cadence_nps_date)
                """,
                questions.subselect(),
            )
        )
        known = {row[0]: (row[3], row[4]) for row in rows if row[3]}
        changes = clients.new_survey_scores([row[:3] for row in rows], known)
        by_answer = {}
        for client_id, answer in changes.items():
            by_answer.setdefault(answer, []).append(client_id)
        planner = self.env["partner.cadence.planner"]
        batch_size = planner._get_settings().batch_size
        recorded = 0
        for (day, score), client_ids in sorted(by_answer.items()):
            for start in range(0, len(client_ids), batch_size):
                recorded += planner._run_step(
                    self._record_survey_scores, client_ids[start : start + batch_size], score, day
                )
        return recorded

    @api.model
    def _record_survey_scores(self, client_ids, score, day):
        """One batch of the survey pass: the clients a user is saving right now are left to the
        next run (SKIP LOCKED), which finds their answer again."""
        planner = self.env["partner.cadence.planner"]
        clients = planner._claim("res.partner", [("id", "in", client_ids)], 0, len(client_ids))
        clients._record_nps_score(score, day)
        return len(clients)

    @api.model
    def _get_company_nps(self, date_from, date_to):
        """The net promoter score of the clients surveyed between the two dates, or None."""
        settings = self.env["partner.cadence.planner"]._get_settings()
        scores = self.search([("cadence_nps_date", ">=", date_from), ("cadence_nps_date", "<=", date_to)]).mapped(
            "cadence_nps_score"
        )
        return clients.net_promoter_score(scores, settings.nps_promoter_min, settings.nps_neutral_min)
