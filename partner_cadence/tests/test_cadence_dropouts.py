from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.partner_cadence import compat

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestCadenceDropouts(PartnerCadenceCommon):
    """No partner silently drops out of the cadence, whatever path Odoo takes."""

    def test_a_kept_done_reminder_still_plans_the_next_one(self):
        # 18 keeps a done activity when its type says so, 19 keeps every one: archived, either way.
        self.call_type.write(compat.ACTIVITY_TYPE_KEEPS_DONE)
        reminder = self._reminders(self.realtor)
        reminder.action_done()
        self.assertFalse(reminder.active, "kept, archived")
        self.assertEqual(self._reminders(self.realtor).date_deadline, date(2026, 11, 30))
        self.assertEqual(len(self._reminders(self.realtor)), 1)

    def test_deleting_a_tier_line_in_use_removes_its_reminders(self):
        tier = self.env["partner.cadence.tier"].create(
            self._tier_values("Calls and meetings", (self.call_type, 1), (self.meeting_type, 1))
        )
        self.realtor.cadence_tier_id = tier
        meeting_line = tier.line_ids.filtered(lambda line: line.activity_type_id == self.meeting_type)
        self.assertTrue(self._reminders(self.realtor, "mail.mail_activity_data_meeting"))
        meeting_line.unlink()
        self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertFalse(self._reminders(self.realtor, "mail.mail_activity_data_meeting"))
        self.assertTrue(self._reminders(self.realtor), "the other line's reminder stays")

    def test_archiving_a_salesperson_by_write_hands_their_reminders_on(self):
        self.assertEqual(self._reminders(self.realtor).user_id, self.salesman)
        self.salesman.write({"active": False})
        self.assertEqual(self._reminders(self.realtor).user_id, self.default_user)

    def test_archiving_a_salesperson_hands_their_nurture_touches_on(self):
        lead = self.env["crm.lead"].create({"name": "Nurtured lead", "user_id": self.salesman.id})
        self.env["crm.lead"]._cron_plan_lead_touches()
        touch = self.env["mail.activity"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id), ("nurture_touch", "=", True)]
        )
        self.assertEqual(touch.user_id, self.salesman)
        self.salesman.write({"active": False})
        self.assertEqual(touch.user_id, self.default_user)
        touch.unlink()
        lead._plan_nurture()
        new_touch = self.env["mail.activity"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id), ("nurture_touch", "=", True)]
        )
        self.assertEqual(new_touch.user_id, self.default_user, "planned for whoever is responsible now")

    def test_archiving_an_expert_or_a_new_owner_hands_their_reminders_to_the_lead(self):
        lead = self.env["crm.lead"].create({"name": "Handed lead", "user_id": self.salesman.id})
        lead.account_manager_id = self.manager
        lead.pipeline_role = "selling"
        lead.action_hand_off()
        hand_off = lead._get_cadence_reminders(["hand_off"])
        self.assertEqual(hand_off.user_id, self.manager)
        self.manager.write({"active": False})
        self.assertEqual(hand_off.user_id, self.salesman, "the lead's salesperson takes it")
        self.salesman.action_archive()
        self.assertTrue(hand_off.exists(), "not deleted with the archived user")
        self.assertEqual(hand_off.user_id, self.default_user)

    def test_every_planned_reminder_has_one_slot_and_keeps_it(self):
        lead = self.env["crm.lead"].create({"name": "Slot lead", "user_id": self.salesman.id})
        lead.pipeline_role = "qualification"
        lead.action_hand_off()
        lead.account_manager_id = self.manager
        lead.action_hand_off()
        self.assertEqual(len(lead._get_cadence_reminders(["hand_off"])), 1)
        self.assertEqual(self._reminders(self.realtor).cadence_slot, f"touch:{self.call_type.id}")
