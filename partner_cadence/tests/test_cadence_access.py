from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged, users

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23")
class TestCadenceAccess(PartnerCadenceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Other Realty Group"})
        cls.other_user = new_test_user(
            cls.env,
            login="cadence_other_company",
            groups="sales_team.group_sale_manager",
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )
        cls.private_tier = cls.env["partner.cadence.tier"].create(
            cls._tier_values("Main company only", (cls.call_type, 1), company_id=cls.company.id)
        )
        cls.realtor.company_id = cls.company
        cls.portal_user = new_test_user(cls.env, login="cadence_portal", groups="base.group_portal")

    @users("cadence_salesman")
    def test_salesman_sees_and_completes_own_reminder(self):
        partner = self.realtor.with_env(self.env)
        reminder = self._reminders(partner)
        self.assertEqual(reminder.user_id, self.env.user)
        my_reminders = self.env["mail.activity"].search(
            [("user_id", "=", self.env.uid), ("cadence_reminder", "=", True)]
        )
        self.assertIn(reminder, my_reminders)
        reminder.action_done()
        self.assertEqual(partner.last_touch_date, date(2026, 11, 23))
        self.assertEqual(self._reminders(partner).date_deadline, date(2026, 11, 30))

    @users("cadence_salesman")
    def test_salesman_reads_tiers_but_cannot_edit_them(self):
        tier = self.tier_weekly.with_env(self.env)
        self.assertEqual(tier.interval_unit, "week")
        with self.assertRaises(AccessError):
            tier.interval_number = 3
        with self.assertRaises(AccessError):
            self.env["partner.cadence.tier"].create(self._tier_values("Mine", (self.call_type, 1)))
        with self.assertRaises(AccessError):
            tier.line_ids.touch_count = 3

    @users("cadence_salesman")
    def test_salesman_sets_the_tier_of_a_partner(self):
        partner = self.realtor.with_env(self.env)
        partner.cadence_tier_id = self.tier_monthly
        self.assertEqual(partner.next_touch_date, date(2026, 12, 10))

    @users("cadence_manager")
    def test_manager_edits_tiers(self):
        self.tier_weekly.with_env(self.env).interval_number = 2
        self.env["partner.cadence.planner"].sudo()._cron_plan_partners()
        self.assertEqual(self.realtor.next_touch_date, date(2026, 11, 24))

    @users("cadence_other_company")
    def test_other_company_does_not_see_company_tier(self):
        visible = self.env["partner.cadence.tier"].search([])
        self.assertNotIn(self.private_tier, visible)
        self.assertIn(self.tier_weekly, visible)
        self.assertNotIn(self.private_tier.line_ids, self.env["partner.cadence.tier.line"].search([]))

    @users("cadence_other_company")
    def test_other_company_does_not_see_schedules_and_touches(self):
        self.assertFalse(self.env["partner.cadence.schedule"].search([("partner_id", "=", self.realtor.id)]))
        self.assertFalse(self.env["partner.cadence.touch"].search([("partner_id", "=", self.realtor.id)]))

    @users("cadence_salesman")
    def test_salesman_sees_the_quota_and_history_of_a_partner(self):
        partner = self.realtor.with_env(self.env)
        self.assertEqual(partner.cadence_schedule_ids.touch_count, 1)
        self.assertEqual(partner.cadence_touch_ids.mapped("origin"), ["manual"])
        with self.assertRaises(AccessError):
            partner.cadence_touch_ids.unlink()

    @users("cadence_portal")
    def test_portal_user_cannot_read_tiers(self):
        with self.assertRaises(AccessError):
            self.env["partner.cadence.tier"].search([])
