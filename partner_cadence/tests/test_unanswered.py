from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged, users

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestUnanswered(PartnerCadenceCommon):
    """§6: when to stop after unanswered calls, and when to try again."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tier_weekly.unanswered_limit = 3

    @users("cadence_salesman")
    def test_unanswered_calls_pause_the_partner_until_the_resume_date(self):
        realtor = self.realtor.with_env(self.env)
        reminder = self._reminders(realtor)
        reminder.action_no_answer()
        reminder.action_no_answer()
        self.assertEqual(realtor.cadence_unanswered_count, 2)
        self.assertFalse(realtor.cadence_touch_ids.filtered(lambda touch: touch.date == date(2026, 11, 23)))
        self.assertEqual(self._reminders(realtor), reminder, "the reminder stays open")
        reminder.action_no_answer()
        self.assertEqual(realtor.cadence_paused_until, date(2027, 1, 22), "60 days from today")
        self.assertEqual(realtor.cadence_unanswered_count, 0)
        self.assertEqual(self._reminders(realtor).date_deadline, date(2027, 1, 22), "tried again then")
        self.assertIn("No answer 3 times in a row", realtor.message_ids[0].body)

    def test_a_real_contact_resets_the_count(self):
        reminder = self._reminders(self.realtor)
        reminder.action_no_answer()
        self.assertEqual(self.realtor.cadence_unanswered_count, 1)
        reminder.action_done()
        self.assertEqual(self.realtor.cadence_unanswered_count, 0)

    def test_unanswered_nurture_touches_pause_the_lead_and_the_planner_resumes_it(self):
        self.env.ref("partner_cadence.crm_nurture_phase_intensive").unanswered_limit = 2
        lead = self.env["crm.lead"].create({"name": "Silent lead", "user_id": self.salesman.id})
        lead.action_start_nurture()
        touch = lead._get_cadence_reminders(["nurture"])
        touch.action_no_answer()
        touch.action_no_answer()
        self.assertEqual((lead.nurture_state, lead.nurture_resume_date), ("paused", date(2027, 1, 22)))
        self.assertFalse(lead._get_cadence_reminders(["nurture"]), "no touch while paused")
        with freeze_time("2027-01-22"):
            self.env["crm.lead"]._cron_plan_lead_touches()
        self.assertEqual(lead.nurture_state, "running")
        self.assertTrue(lead._get_cadence_reminders(["nurture"]))
