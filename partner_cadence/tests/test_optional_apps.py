"""Existing clients with the Sales and Surveys apps installed, which the addon reads without
depending on them. setup/test runs this file on a database of its own with both apps."""

import dataclasses
import threading
from datetime import date, datetime
from unittest import SkipTest
from unittest.mock import patch

from freezegun import freeze_time

from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, tagged
from odoo.tests.common import get_db_name

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestOptionalApps(PartnerCadenceCommon):
    """Purchases from confirmed sale orders (§7) and NPS scores from completed surveys."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "sale.order" not in cls.env or "survey.user_input" not in cls.env:
            raise SkipTest("needs the Sales and Surveys apps (setup/test installs them on a database of its own)")
        cls.client = cls._create_partner("Irina Client", None, None, cls.salesman, is_company=True)
        cls.buyer = cls._create_partner("Ion Buyer", None, None, cls.salesman, parent_id=cls.client.id)
        cls.product = cls.env["product.product"].create({"name": "Heat pump service", "list_price": 1000.0})
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "How did we do?",
                "access_mode": "public",
                "question_and_page_ids": [
                    Command.create({"title": "How likely are you to recommend us?", "question_type": "scale"}),
                    Command.create(
                        {"title": "How was the delivery?", "question_type": "scale", "scale_min": 1, "scale_max": 5}
                    ),
                ],
            }
        )
        cls.nps_question, cls.other_question = cls.survey.question_ids

    def _order(self, amount, day, confirm=True, opportunity=None):
        with freeze_time(datetime.combine(day, datetime.min.time())):
            order = self.env["sale.order"].create(
                {
                    "partner_id": self.buyer.id,
                    "opportunity_id": opportunity.id if opportunity else False,
                    "order_line": [
                        Command.create({"product_id": self.product.id, "product_uom_qty": 1, "price_unit": amount})
                    ],
                }
            )
            if confirm:
                order.action_confirm()
        return order

    def _answer(self, score, day, partner=None, test_entry=False, other_score=None):
        with freeze_time(datetime.combine(day, datetime.min.time())):
            answer = self.env["survey.user_input"].create(
                {"survey_id": self.survey.id, "partner_id": (partner or self.buyer).id, "test_entry": test_entry}
            )
            answer._save_lines(self.nps_question, score)
            if other_score is not None:
                answer._save_lines(self.other_question, other_score)
            answer._mark_done()
        return answer

    def test_confirmed_orders_are_purchases_and_an_opportunity_counts_once(self):
        won = self.env["crm.lead"].create(
            {
                "name": "Pumps for the office",
                "partner_id": self.client.id,
                "type": "opportunity",
                "expected_revenue": 9999,
            }
        )
        won.action_set_won()
        won.date_closed = datetime(2026, 9, 1)
        self._order(4000, date(2026, 9, 2), opportunity=won)
        self._order(1000, date(2026, 3, 1))
        self._order(1500, date(2026, 6, 1))
        self._order(777, date(2026, 10, 1), confirm=False)
        self.env["res.partner"]._refresh_cadence_clients()
        self.assertEqual(self.client.cadence_purchase_count, 3, "the won opportunity counted once, by its order")
        self.assertEqual(self.client.cadence_year_purchases, 6500, "a quotation is not a purchase")
        self.assertEqual(self.client.cadence_last_purchase_date, date(2026, 9, 2))
        # Gaps of 92 and 93 days: the next purchase is expected 92 days after the last.
        self.assertEqual(self.client.cadence_repurchase_date, date(2026, 12, 3))
        call = self.client._get_cadence_reminders(["repurchase"])
        self.assertEqual((call.date_deadline, call.user_id), (date(2026, 11, 26), self.salesman))

    def test_a_completed_survey_gives_the_client_its_score_once(self):
        self._answer(9, date(2026, 11, 20), other_score=2)
        self._answer(0, date(2026, 11, 21), test_entry=True)
        self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertEqual(
            (self.client.cadence_nps_score, self.client.cadence_nps_date, self.client.cadence_nps_group),
            (9, date(2026, 11, 20), "promoter"),
            "the 0-10 question of the completed survey, not the 1-5 one nor a test entry",
        )
        ask = self.client._get_cadence_reminders(["nps_follow_up"])
        self.assertEqual(ask.activity_type_id, self.env.ref("partner_cadence.mail_activity_type_ask_referrals"))
        self.assertEqual(self.env["res.partner"]._refresh_cadence_survey_scores(), 0, "read again, nothing changes")
        self.assertEqual(len(self.client._get_cadence_reminders(["nps_follow_up"])), 1)

    def test_the_latest_score_counts_from_a_call_or_a_survey(self):
        self._answer(10, date(2026, 11, 2))
        self.client.activity_schedule(act_type_xmlid="partner_cadence.mail_activity_type_nps_survey").action_feedback(
            feedback="4, the installers came late"
        )
        self.assertEqual(self.env["res.partner"]._refresh_cadence_survey_scores(), 0, "an older survey changes nothing")
        self.assertEqual((self.client.cadence_nps_score, self.client.cadence_nps_group), (4, "detractor"))
        call = self.client._get_cadence_reminders(["nps_follow_up"])
        self.assertEqual((call.activity_type_id, call.user_id), (self.call_type, self.salesman))
        with freeze_time("2026-12-01 10:00:00"):
            self._answer(9, date(2026, 12, 1))
            self.env["res.partner"]._refresh_cadence_survey_scores()
            self.assertEqual((self.client.cadence_nps_score, self.client.cadence_nps_group), (9, "promoter"))
            follow_up = self.client._get_cadence_reminders(["nps_follow_up"])
            self.assertEqual(len(follow_up), 1, "one follow-up, now an ask for referrals")
            self.assertEqual(
                follow_up.activity_type_id, self.env.ref("partner_cadence.mail_activity_type_ask_referrals")
            )


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestSeminarAnswers(PartnerCadenceCommon):
    """Seminars as a source of prospects (§6): with the Surveys app, the attendees' completed
    answers to the shipped questionnaire become leads of the Seminar source."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "survey.user_input" not in cls.env:
            raise SkipTest("needs the Surveys app (setup/test installs it on a database of its own)")

    def _answer(self, values, test_entry=False, done=True):
        survey = self.env["crm.lead"]._get_seminar_survey()
        answer = self.env["survey.user_input"].create({"survey_id": survey.id, "test_entry": test_entry})
        for key, value in values.items():
            answer._save_lines(self.env.ref(f"partner_cadence.survey_seminar_question_{key}"), value)
        if done:
            answer._mark_done()
        return answer

    def test_completed_answers_become_leads_once(self):
        action = self.env["res.config.settings"].create({}).action_partner_cadence_seminar_survey()
        survey = self.env["survey.survey"].browse(action["res_id"])
        self.assertEqual(len(survey.question_ids), 5)
        self.assertEqual(
            self.env["res.config.settings"].create({}).action_partner_cadence_seminar_survey()["res_id"],
            survey.id,
            "created once",
        )
        answer = self._answer(
            {
                "name": "Vera Lungu",
                "company": "Hotel <b>Codru</b>",
                "phone": "+373 69 555 010",
                "email": "vera@codru.example.com",
                "need": "Lower heating bills in winter",
            }
        )
        self._answer({"name": "Test Person"}, test_entry=True)
        self._answer({"name": "Left Halfway"}, done=False)
        self.assertEqual(self.env["crm.lead"]._create_seminar_leads(), 1)
        lead = self.env["crm.lead"].search([("cadence_seminar_answer_id", "=", answer.id)])
        self.assertEqual(
            (lead.contact_name, lead.partner_name, lead.phone, lead.email_from, lead.type),
            ("Vera Lungu", "Hotel <b>Codru</b>", "+373 69 555 010", "vera@codru.example.com", "lead"),
        )
        self.assertEqual(lead.source_id, self.env.ref("partner_cadence.utm_source_seminar"))
        self.assertEqual(lead.name, "Seminar: Vera Lungu")
        self.assertTrue(lead.nurture_start_date, "nurtured like every new lead")
        note = lead.message_ids.filtered(lambda message: "Answers given at the seminar" in message.body)
        self.assertIn("Lower heating bills in winter", note.body)
        self.assertIn("Hotel &lt;b&gt;Codru&lt;/b&gt;", note.body, "what attendees type stays text")
        self.assertEqual(self.env["crm.lead"]._create_seminar_leads(), 0, "read again, nothing new")


@tagged("post_install", "-at_install")
class TestSeminarRace(BaseCase):
    """Two lead planners at once, each in its own transaction and thread, on committed answers:
    every answer becomes exactly one lead."""

    ANSWERS = 40

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        with cls.registry.cursor() as cr:
            if "survey.user_input" not in api.Environment(cr, SUPERUSER_ID, {}):
                raise SkipTest("needs the Surveys app (setup/test installs it on a database of its own)")
        cls.addClassCleanup(cls._remove_race_data)

    @classmethod
    def _remove_race_data(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            answers = env["survey.user_input"].search([("email", "=like", "race-%@example.com")])
            leads = (
                env["crm.lead"]
                .with_context(active_test=False)
                .search([("cadence_seminar_answer_id", "in", answers.ids)])
            )
            env["mail.activity"].search([("res_model", "=", "crm.lead"), ("res_id", "in", leads.ids)]).unlink()
            leads.unlink()
            answers.unlink()

    def test_two_planners_turn_each_answer_into_one_lead(self):
        self._remove_race_data()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            survey = env["crm.lead"]._get_seminar_survey(create=True)
            question = env.ref("partner_cadence.survey_seminar_question_name")
            answer_ids = []
            for index in range(self.ANSWERS):
                answer = env["survey.user_input"].create({"survey_id": survey.id, "email": f"race-{index}@example.com"})
                answer._save_lines(question, f"Race Attendee {index}")
                answer._mark_done()
                answer_ids.append(answer.id)

        def planner():
            with self.registry.cursor() as cr:
                api.Environment(cr, SUPERUSER_ID, {})["crm.lead"]._create_seminar_leads()

        # Small batches, so that the two planners interleave.
        planner_model = self.registry["partner.cadence.planner"]
        settings = planner_model._get_settings
        small = patch.object(
            planner_model, "_get_settings", lambda model: dataclasses.replace(settings(model), batch_size=5)
        )

        barrier = threading.Barrier(2)
        errors = []

        def run():
            try:
                barrier.wait(timeout=30)
                planner()
            except Exception as error:  # reported by the assertion below
                errors.append(error)

        threads = [threading.Thread(target=run) for _ in range(2)]
        with small:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
        self.assertFalse(errors)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            leads = env["crm.lead"].search([("cadence_seminar_answer_id", "in", answer_ids)])
            self.assertEqual(sorted(leads.mapped("cadence_seminar_answer_id")), answer_ids, "each answer once")
