from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
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

    def _tell_outcome(self, outcome, **values):
        reminder = self._reminders(self.realtor).with_env(self.env)
        action = reminder.action_call_outcome()
        wizard = self.env["partner.cadence.call.outcome"].browse(action["res_id"])
        wizard.write({"outcome": outcome, **values})
        wizard.action_apply()
        return reminder

    @users("cadence_salesman")
    def test_each_call_outcome_decides_what_comes_next(self):
        realtor = self.realtor.with_env(self.env)
        self.assertEqual(self._reminders(realtor).date_deadline, date(2026, 11, 17), "6 days overdue")

        self._tell_outcome("no_answer")
        self.assertEqual(realtor.cadence_unanswered_count, 1)
        self.assertEqual(self._reminders(realtor).date_deadline, date(2026, 11, 24), "tried again tomorrow")

        self._tell_outcome("message", note="Voicemail, asked to call back")
        self.assertEqual(realtor.cadence_unanswered_count, 2, "a message is not a contact")
        self.assertIn("Left a message.", realtor.message_ids[0].body)

        with self.assertRaisesRegex(ValidationError, "when to call back"):
            self._tell_outcome("call_back", call_back_date=date(2026, 11, 1))
        self._tell_outcome("call_back", call_back_date=date(2026, 12, 2))
        self.assertEqual(self._reminders(realtor).date_deadline, date(2026, 12, 2))
        self.assertEqual(realtor.cadence_unanswered_count, 2, "they answered, but no touch yet")

        self._tell_outcome("not_interested", note="Works with another agency")
        self.assertEqual(realtor.cadence_paused_until, date(2027, 1, 22), "rests as the resume rule says")
        self.assertIn("Not interested", realtor.message_ids[0].body)

        realtor.sudo().cadence_paused_until = False  # a manager resumes it
        self._tell_outcome("reached", note="Two new listings")
        self.assertEqual(realtor.last_touch_date, date(2026, 11, 23), "only a real contact is a touch")
        self.assertEqual(realtor.cadence_unanswered_count, 0)

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
