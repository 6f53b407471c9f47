from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL

from ..domain.prospects import lead_from_answers
from .sql_indexes import ensure_partial_unique_index

SEMINAR_SURVEY = "partner_cadence.survey_seminar"
SEMINAR_ANSWER_INDEX = "crm_lead_cadence_seminar_answer_uniq"


class CrmLead(models.Model):
    """Seminars as a source of prospects (§6): with the Surveys app installed, the attendees
    answer a short questionnaire, and each completed answer becomes a lead of the Seminar
    source with the answers in its chatter. The addon reads the app without depending on it,
    as it reads NPS surveys."""

    # One capability of crm.lead per file, as crm_lead_nurture.py.
    _inherit = "crm.lead"  # pylint: disable=consider-merging-classes-inherited

    cadence_seminar_answer_id = fields.Integer(
        string="Seminar Answer",
        readonly=True,
        copy=False,
        help="The seminar questionnaire's answer this lead came from (at most one lead each).",
    )

    def init(self):
        result = super().init()
        # A planner retried after a kill finds the answers it already turned into leads.
        ensure_partial_unique_index(
            self.env.cr,
            SEMINAR_ANSWER_INDEX,
            self._table,
            ["cadence_seminar_answer_id"],
            "cadence_seminar_answer_id IS NOT NULL",
        )
        return result

    # ------------------------------------------------------------
    # THE QUESTIONNAIRE
    # ------------------------------------------------------------

    def _get_seminar_questions(self):
        """(key, question type, lead field or None, title) of the shipped questionnaire, in the
        reader's language; answers to a question with no lead field, or to questions an admin
        added, reach the chatter only."""
        _ = self.env._
        return (
            ("name", "char_box", "contact_name", _("Your name")),
            ("company", "char_box", "partner_name", _("Your company")),
            ("phone", "char_box", "phone", _("Your phone")),
            ("email", "char_box", "email_from", _("Your e-mail")),
            ("need", "text_box", None, _("What would you like to improve in your business?")),
        )

    @api.model
    def _get_seminar_survey(self, create=False):
        """The seminar questionnaire, created the first time an admin asks for it (``create``);
        None while the Surveys app is not installed."""
        if "survey.survey" not in self.env:
            return None
        survey = self.env.ref(SEMINAR_SURVEY, raise_if_not_found=False)
        if survey or not create:
            return survey
        questions = self._get_seminar_questions()
        survey = (
            self.env["survey.survey"]
            .sudo()
            .create(
                {
                    "title": self.env._("Seminar: tell us about you"),
                    "access_mode": "public",
                    "question_and_page_ids": [
                        (
                            0,
                            0,
                            {
                                "title": title,
                                "question_type": kind,
                                "constr_mandatory": key == "name",
                                "validation_email": key == "email",
                                "sequence": index,
                            },
                        )
                        for index, (key, kind, _field, title) in enumerate(questions)
                    ],
                }
            )
        )
        data = [{"xml_id": SEMINAR_SURVEY, "record": survey, "noupdate": True}]
        data += [
            {"xml_id": f"{SEMINAR_SURVEY}_question_{key}", "record": question, "noupdate": True}
            for (key, *_rest), question in zip(questions, survey.question_ids.sorted("sequence"), strict=True)
        ]
        self.env["ir.model.data"]._update_xmlids(data)
        return survey

    # ------------------------------------------------------------
    # ANSWERS TO LEADS
    # ------------------------------------------------------------

    @api.model
    def _create_seminar_leads(self):
        """Scheduled action step: each completed answer to the seminar questionnaire not yet
        turned into a lead becomes one (test entries are not). Rerun, it creates nothing."""
        survey = self._get_seminar_survey()
        if not survey:
            return 0
        self.env.flush_all()
        answer_ids = [
            row[0]
            for row in self.env.execute_query(
                SQL(
                    """
                    SELECT answer.id FROM survey_user_input answer
                     WHERE answer.survey_id = %s AND answer.state = 'done'
                       AND NOT COALESCE(answer.test_entry, FALSE)
                       AND NOT EXISTS (SELECT 1 FROM crm_lead lead WHERE lead.cadence_seminar_answer_id = answer.id)
                  ORDER BY answer.id
                    """,
                    survey.id,
                )
            )
        ]
        planner = self.env["partner.cadence.planner"]
        batch_size = planner._get_settings().batch_size
        return sum(
            planner._run_step(self._create_seminar_leads_of, answer_ids[start : start + batch_size])
            for start in range(0, len(answer_ids), batch_size)
        )

    @api.model
    def _create_seminar_leads_of(self, answer_ids):
        """One batch: the answers are claimed (another planner skips them) and those still
        without a lead get theirs."""
        planner = self.env["partner.cadence.planner"]
        answers = planner._claim("survey.user_input", [("id", "in", answer_ids)], 0, len(answer_ids))
        converted = (
            self.sudo().with_context(active_test=False).search([("cadence_seminar_answer_id", "in", answers.ids)])
        )
        done = set(converted.mapped("cadence_seminar_answer_id"))
        answers = answers.filtered(lambda answer: answer.id not in done)
        questions = {}
        field_of = {}
        for key, _kind, field, _title in self._get_seminar_questions():
            question = self.env.ref(f"{SEMINAR_SURVEY}_question_{key}", raise_if_not_found=False)
            if question:
                questions[question] = key
                if field:
                    field_of[key] = field
        source = self.env.ref("partner_cadence.utm_source_seminar", raise_if_not_found=False)
        vals_list = []
        for answer in answers:
            given = {
                questions[line.question_id]: line.display_name
                for line in answer.user_input_line_ids
                if line.question_id in questions and not line.skipped
            }
            values, who = lead_from_answers(given, field_of)
            vals_list.append(
                {
                    **values,
                    "name": self.env._("Seminar: %(who)s", who=who or answer.partner_id.name or answer.survey_id.title),
                    "type": "lead",
                    "partner_id": answer.partner_id.id,
                    "source_id": source.id if source else False,
                    "cadence_seminar_answer_id": answer.id,
                }
            )
        leads = self.sudo().create(vals_list)
        for lead, answer in zip(leads, answers, strict=True):
            lead.message_post(body=self._get_seminar_answers_note(answer), subtype_xmlid="mail.mt_note")
        return len(leads)

    def _get_seminar_answers_note(self, answer):
        """The attendee's answers, question by question, as a chatter note."""
        items = Markup().join(
            Markup("<li><b>%s</b>: %s</li>") % (line.question_id.title, line.value_text_box or line.display_name)
            for line in answer.user_input_line_ids.sorted(lambda line: (line.question_id.sequence, line.id))
            if not line.skipped
        )
        return Markup("<p>%s</p><ul>%s</ul>") % (self.env._("Answers given at the seminar:"), items)
