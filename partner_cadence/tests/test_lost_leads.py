import ast
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartnerCadenceCommon

LOST_ON = date(2026, 11, 20)


@tagged("post_install", "-at_install")
class TestLostLeads(PartnerCadenceCommon):
    """§4: a lost lead is not the end. Lost for a reason that means "not now", a nurtured lead
    goes on in long-term nurturing (the last phase's educational touches, monthly as shipped);
    a reason that means "never" stops it; restoring it or a salesperson's click restarts it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["crm.lead.marker.question"].search([]).active = False
        cls.too_expensive = cls.env.ref("crm.lost_reason_1")
        cls.spam = cls.env.ref("partner_cadence.crm_lost_reason_spam")

    def _nurtured_lead(self, name="Sky Business Centre"):
        with freeze_time("2026-11-02"):
            lead = self.env["crm.lead"].create({"name": name, "user_id": self.salesman.id, "expected_revenue": 5000})
            self.env["crm.lead"]._cron_plan_lead_touches()
        self.assertEqual(lead.nurture_state, "running")
        return lead

    def _open_touch(self, leads):
        return self.env["mail.activity"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "in", leads.ids), ("nurture_touch", "=", True)]
        )

    def _lose(self, lead, reason):
        """Lost as a salesperson loses a lead: crm's lost wizard, with a reason."""
        wizard = (
            self.env["crm.lead.lost"]
            .with_user(self.salesman)
            .create({"lead_ids": lead.ids, "lost_reason_id": reason.id})
        )
        wizard.action_lost_reason_apply()

    def test_lost_for_not_now_goes_on_with_monthly_educational_touches(self):
        lead = self._nurtured_lead()
        with freeze_time(LOST_ON):
            self._lose(lead, self.too_expensive)
            self.assertFalse(lead.active)
            self.assertEqual(lead.nurture_state, "running")
            self.assertEqual(lead.nurture_long_term_date, LOST_ON)
            self.assertEqual(lead.nurture_phase, self.env.ref("partner_cadence.crm_nurture_phase_monthly"))
            touch = self._open_touch(lead)
            self.assertEqual(len(touch), 1, "a lost lead that continues has an open nurture touch")
            self.assertEqual(touch.date_deadline, date(2026, 12, 20), "a month after the loss")
            self.assertEqual(touch.user_id, self.salesman)
        with freeze_time("2026-12-21"):
            title = touch.with_user(self.salesman).cadence_title
            self.assertIn("long-term, lost: Too expensive", title)
            self.assertIn("bring news or a case", title)
            self.assertIn("1 day late", title)
            touch.with_user(self.salesman).action_feedback(feedback="Sent the new price list and a case study")
            self.assertEqual(lead.nurture_last_touch_date, date(2026, 12, 21))
            self.assertEqual(self._open_touch(lead).date_deadline, date(2027, 1, 21), "monthly from the touch")
        # The salesperson's inbox leads to it, though crm hides lost leads.
        with freeze_time("2027-01-21"):
            groups = self.env["res.users"].with_user(self.salesman)._get_activity_groups()
            lead_group = next(group for group in groups if group["model"] == "crm.lead")
            self.assertEqual(lead_group["today_count"], 1)
            shown = (
                self.env["crm.lead"]
                .with_user(self.salesman)
                .search([("activity_user_id", "=", self.salesman.id), *lead_group["domain"]])
            )
            self.assertIn(lead, shown)
            nurtured = self.env.ref("partner_cadence.crm_lead_nurtured_action")
            listed = self.env["crm.lead"].with_user(self.salesman)
            self.assertIn(lead, listed.search(ast.literal_eval(nurtured.domain)))
            self.assertNotIn("active_test", nurtured.context, "the forms it opens search archived records as usual")

    def test_lost_for_never_or_without_a_reason_stops(self):
        spam, archived = self._nurtured_lead("Spam Ltd"), self._nurtured_lead("Archived Ltd")
        with freeze_time(LOST_ON):
            self._lose(spam, self.spam)
            archived.with_user(self.salesman).action_archive()
        for lead in spam | archived:
            self.assertEqual(lead.nurture_state, "stopped")
            self.assertFalse(lead.nurture_long_term_date)
            self.assertFalse(self._open_touch(lead))
        self.assertEqual(spam.nurture_stop_reason, "Lost: Spam.")
        with freeze_time("2027-02-01"):
            self.env["crm.lead"]._cron_plan_lead_touches()
        self.assertFalse(self._open_touch(spam | archived), "the planner leaves them stopped")

    def test_restoring_goes_back_to_the_phase_its_age_puts_it_in(self):
        long_term, stopped = self._nurtured_lead(), self._nurtured_lead("Spam Ltd")
        with freeze_time(LOST_ON):
            self._lose(long_term, self.too_expensive)
            self._lose(stopped, self.spam)
        with freeze_time("2026-11-25"):
            (long_term | stopped).with_user(self.salesman).toggle_active()
            for lead in long_term | stopped:
                self.assertTrue(lead.active)
                self.assertEqual(lead.nurture_state, "running")
                self.assertFalse(lead.nurture_long_term_date)
                self.assertEqual(lead.nurture_phase, self.env.ref("partner_cadence.crm_nurture_phase_intensive"))
                self.assertEqual(len(self._open_touch(lead)), 1)

    def test_a_salesperson_starts_a_lost_lead_again(self):
        lead = self._nurtured_lead()
        with freeze_time(LOST_ON):
            self._lose(lead, self.spam)
        with freeze_time("2026-12-01"):
            lead.with_user(self.salesman).action_start_nurture()
            self.assertFalse(lead.active)
            self.assertEqual(lead.nurture_state, "running")
            self.assertEqual(lead.nurture_long_term_date, date(2026, 12, 1))
            self.assertEqual(self._open_touch(lead).date_deadline, date(2027, 1, 1))

    def test_a_won_lead_is_not_nurtured_again(self):
        lead = self._nurtured_lead()
        lead.action_set_won()
        self.assertEqual(lead.nurture_state, "stopped")
        with self.assertRaisesRegex(UserError, "is won"):
            lead.with_user(self.salesman).action_start_nurture()

    def test_the_admin_says_which_reason_does_what(self):
        first, second = self._nurtured_lead(), self._nurtured_lead("Vila Verde Café")
        with freeze_time(LOST_ON):
            self._lose(first, self.too_expensive)
        # The admin decides "too expensive" means never: the lead lost for it stops now, and
        # the next lead lost for it stops too.
        with freeze_time("2026-11-21"):
            self.too_expensive.with_user(self.manager).cadence_after_loss = "stop"
            self.assertEqual(first.nurture_state, "stopped")
            self.assertFalse(self._open_touch(first))
            self._lose(second, self.too_expensive)
            self.assertEqual(second.nurture_state, "stopped")

    def test_a_lost_lead_reads_in_russian(self):
        self._activate_translations()
        self.salesman.lang = "ru_RU"
        lead = self._nurtured_lead()
        with freeze_time(LOST_ON):
            self._lose(lead, self.too_expensive)
        with freeze_time("2026-12-21"):
            title = self._open_touch(lead).with_user(self.salesman).with_context(lang="ru_RU").cadence_title
        self.assertIn("долгосроч", title)
        self.assertNotIn("long-term", title)
