from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestMerge(PartnerCadenceCommon):
    """Odoo's partner and lead merges keep every activity and merge the cadence."""

    def _merge_partners(self, partners, destination):
        self.env["base.partner.merge.automatic.wizard"].create({})._merge(partners.ids, destination)

    def test_merging_two_partners_on_a_cadence_keeps_their_other_activities(self):
        twin = self._create_partner("Elena Realtor (twin)", self.tier_weekly, date(2026, 11, 12), self.salesman)
        self.assertEqual(len(self._reminders(self.realtor)), 1)
        self.assertEqual(len(self._reminders(twin)), 1)
        todo = twin.activity_schedule(
            "mail.mail_activity_data_todo", summary="Send the contract", user_id=self.salesman.id
        )
        self._merge_partners(self.realtor | twin, self.realtor)
        self.assertFalse(twin.exists())
        self.assertTrue(todo.exists(), "the unrelated to-do survives the merge")
        self.assertEqual(todo.res_id, self.realtor.id)
        self.assertEqual(len(self._reminders(self.realtor)), 1, "one open cadence call on the merged partner")
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 12), "the latest touch of the two")
        self.assertEqual(self._reminders(self.realtor).date_deadline, date(2026, 11, 19))

    def test_a_meeting_both_attended_stays_one_touch(self):
        twin = self._create_partner("Elena Realtor (twin)", self.tier_weekly, date(2026, 11, 10), self.salesman)
        self.env["calendar.event"].create(
            {
                "name": "Coffee with both",
                "start": datetime(2026, 11, 20, 9, 0),
                "stop": datetime(2026, 11, 20, 10, 0),
                "partner_ids": [Command.link(self.realtor.id), Command.link(twin.id)],
            }
        )
        twin._register_cadence_touch(date(2026, 11, 18))
        self._merge_partners(self.realtor | twin, self.realtor)
        meetings = self.realtor.cadence_touch_ids.filtered(lambda touch: touch.origin == "meeting")
        self.assertEqual(len(meetings), 1)
        self.assertIn(date(2026, 11, 18), self.realtor.cadence_touch_ids.mapped("date"), "the twin's touch moved")

    def test_merging_two_nurtured_leads_keeps_one_open_touch_and_the_other_activities(self):
        leads = self.env["crm.lead"].create(
            [
                {"name": "Sky Centre", "email_from": "ion@example.com", "user_id": self.salesman.id},
                {"name": "Sky Centre (again)", "email_from": "ion@example.com", "user_id": self.salesman.id},
            ]
        )
        self.env["crm.lead"]._cron_plan_lead_touches()
        touches = self.env["mail.activity"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "in", leads.ids), ("nurture_touch", "=", True)]
        )
        self.assertEqual(len(touches), 2)
        todo = leads[1].activity_schedule("mail.mail_activity_data_todo", summary="Call back", user_id=self.salesman.id)
        merged = leads._merge_opportunity(auto_unlink=False)
        open_touches = self.env["mail.activity"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", merged.id), ("nurture_touch", "=", True)]
        )
        self.assertEqual(len(open_touches), 1)
        self.assertEqual(todo.res_id, merged.id)

    def test_merging_keeps_a_warm_introduction_only_the_merged_partner_had(self):
        twin = self._create_partner("Elena Realtor (twin)", self.tier_weekly, date(2026, 11, 12), self.salesman)
        recommender = self._create_partner("Ion Recommender", self.tier_weekly, date(2026, 11, 12), self.salesman)
        self.env["res.partner.referral"].create({"referrer_id": recommender.id, "referred_id": twin.id})
        introduction = twin._get_cadence_reminders(["warm_intro"])
        self.assertEqual(len(introduction), 1)
        self._merge_partners(self.realtor | twin, self.realtor)
        self.assertTrue(introduction.exists(), "the only warm introduction moves, it is not dropped")
        self.assertEqual(introduction.res_id, self.realtor.id)
        self.assertEqual(len(self._reminders(self.realtor)), 1, "and still one open cadence call")
