from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import tagged

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestCadenceTouches(PartnerCadenceCommon):
    def _meeting(self, start, partner):
        return self.env["calendar.event"].create(
            {
                "name": "Coffee with the realtor",
                "start": start,
                "stop": start.replace(hour=start.hour + 1),
                "partner_ids": [Command.link(partner.id)],
            }
        )

    def test_after_done_the_cadence_tab_says_when_the_next_reminder_comes(self):
        self.realtor.cadence_tier_id = self.tier_monthly
        self.assertFalse(self.realtor.cadence_next_touch_notice, "a reminder is open: it says it all")
        self._reminders(self.realtor).action_feedback(feedback="Listed two flats")
        self.realtor.invalidate_recordset(["cadence_next_touch_notice"])
        self.assertEqual(self.realtor.next_touch_date, date(2026, 12, 23))
        self.assertEqual(
            self.realtor.cadence_next_touch_notice,
            "Next touch due on 12/23/2026: its reminder reaches the inbox on 12/16/2026.",
        )
        # An ask for referrals left open is no touch: the notice stays.
        self.realtor.activity_schedule(
            "mail.mail_activity_data_todo", date(2026, 11, 23), user_id=self.salesman.id, cadence_slot="ask_referrals"
        )
        self.realtor.invalidate_recordset(["cadence_next_touch_notice"])
        self.assertIn("Next touch due on 12/23/2026", self.realtor.cadence_next_touch_notice)

    def test_a_past_meeting_is_a_touch_dated_by_the_meeting(self):
        self._meeting(datetime(2026, 11, 20, 9, 0), self.realtor)
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 20))
        self.assertEqual(self.realtor.next_touch_date, date(2026, 11, 27))
        self.assertEqual(self._reminders(self.realtor).date_deadline, date(2026, 11, 27))

    def test_each_touch_says_what_it_brought(self):
        self._reminders(self.realtor).action_feedback(feedback="<p>Sent the <b>new listing</b> of the week</p>")
        self._meeting(datetime(2026, 11, 20, 9, 0), self.realtor)
        brought = {touch.origin: touch.summary for touch in self.realtor.cadence_touch_ids}
        self.assertEqual(brought["reminder"], "Sent the *new listing* of the week")
        self.assertEqual(brought["meeting"], "Coffee with the realtor")

    def test_tier_lines_are_shown_by_what_they_ask(self):
        self.assertEqual(self.level_1.line_ids.mapped("display_name"), ["Meeting: 5", "Call: 5"])
        self.assertEqual(self.level_5.line_ids[0].display_name, "Meeting: 1 in total")

    def test_a_future_meeting_counts_once_it_has_started(self):
        self._meeting(datetime(2026, 11, 25, 9, 0), self.realtor)
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 10))
        with freeze_time("2026-11-25 11:00:00"):
            self.env["partner.cadence.planner"]._cron_plan_partners()
            self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 25))
        self.assertEqual(len(self.realtor.cadence_touch_ids.filtered(lambda t: t.origin == "meeting")), 1)

    def test_an_email_is_a_touch_but_an_internal_note_is_not(self):
        self.realtor.message_post(
            body="Internal: she prefers mornings", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 10))
        self.realtor.message_post(body="Here is our new offer", message_type="comment", subtype_xmlid="mail.mt_comment")
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 23))
        self.assertEqual(self.realtor.cadence_touch_ids[:1].origin, "email")

    def test_an_email_on_a_lead_touches_its_customer(self):
        lead = self.env["crm.lead"].create({"name": "Flat in Botanica", "partner_id": self.realtor.id})
        lead.message_post(body="Visit confirmed", message_type="comment", subtype_xmlid="mail.mt_comment")
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 23))

    def test_a_call_logged_after_the_fact_is_dated_when_it_happened(self):
        call = self.realtor.activity_schedule(
            "mail.mail_activity_data_todo", date_deadline=date(2026, 11, 19), user_id=self.salesman.id
        )
        call.action_done()
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 19))

    def test_logged_touches_do_not_reset_the_clock_when_the_setting_is_off(self):
        self.env["ir.config_parameter"].sudo().set_param("partner_cadence.logged_touches_reset", False)
        self._meeting(datetime(2026, 11, 20, 9, 0), self.realtor)
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 10))
        self.assertEqual(self.realtor.cadence_touch_ids[:1].origin, "meeting", "still recorded")
        self._reminders(self.realtor).action_done()
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 23))

    def test_turning_logged_touches_on_in_settings_moves_the_last_touch_to_them(self):
        self._set_cadence_settings(logged_touches_reset=False)
        self._meeting(datetime(2026, 11, 20, 9, 0), self.realtor)
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 10))
        self._set_cadence_settings(logged_touches_reset=True)
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 20))
        self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertReminders(self.realtor, [(date(2026, 11, 27), self.salesman, self.call_type)])

    def test_a_last_touch_typed_by_hand_is_a_touch_and_can_be_corrected(self):
        self.realtor.last_touch_date = date(2026, 11, 21)
        self.assertEqual(self.realtor.cadence_touch_ids[:1].mapped("date"), [date(2026, 11, 21)])
        # A typing mistake corrected: the date typed before goes, the new one stands.
        self.realtor.last_touch_date = date(2026, 11, 18)
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 18))
        self.assertNotIn(date(2026, 11, 21), self.realtor.cadence_touch_ids.mapped("date"))
        # A real contact recorded since is not undone by typing an older date.
        self._meeting(datetime(2026, 11, 20, 9, 0), self.realtor)
        self.realtor.last_touch_date = date(2026, 11, 19)
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 20))

    def test_pause_until_a_date(self):
        self.realtor.cadence_paused_until = date(2026, 12, 7)
        self.assertEqual(self.realtor.next_touch_date, date(2026, 12, 7))
        self.assertEqual(self._reminders(self.realtor).date_deadline, date(2026, 12, 7))

    def test_do_not_contact_removes_the_reminders(self):
        reminder = self._reminders(self.realtor)
        self.realtor.cadence_do_not_contact = True
        self.assertFalse(reminder.exists())
        self.assertFalse(self.realtor.next_touch_date)
        self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertFalse(self._reminders(self.realtor))
        self.realtor.cadence_do_not_contact = False
        self.assertEqual(self._reminders(self.realtor).date_deadline, date(2026, 11, 17))

    def test_working_days_only_skips_weekends_and_public_holidays(self):
        self.env["ir.config_parameter"].sudo().set_param("partner_cadence.weekdays_only", True)
        calendar = self.company.resource_calendar_id
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Independence day (test)",
                "calendar_id": calendar.id,
                "date_from": fields.Datetime.to_datetime("2026-11-30 00:00:00"),
                "date_to": fields.Datetime.to_datetime("2026-11-30 23:59:59"),
            }
        )
        # Last touch on Saturday 21 November: a week later is Saturday 28, then Sunday, then
        # the holiday on Monday 30: due on Tuesday 1 December.
        partner = self._create_partner("Weekend Realtor", self.tier_weekly, date(2026, 11, 21), self.salesman)
        self.assertEqual(partner.next_touch_date, date(2026, 12, 1))

    def test_the_plan_cron_can_be_switched_off_in_settings(self):
        cron = self.env.ref("partner_cadence.ir_cron_plan_partner_touches")
        settings = self.env["res.config.settings"].create({"partner_cadence_plan_partners_active": False})
        settings.execute()
        self.assertFalse(cron.active)
        self.env["res.config.settings"].create({"partner_cadence_plan_partners_active": True}).execute()
        self.assertTrue(cron.active)

    def test_asking_for_referrals_is_not_a_touch(self):
        self.env["ir.config_parameter"].sudo().set_param("partner_cadence.ask_referrals_days", 90)
        quarterly = self._create_partner(
            "Rare Realtor", self.tier_quarterly, date(2026, 8, 1), self.salesman, since=date(2026, 8, 1)
        )
        call = quarterly.cadence_schedule_ids.filtered(lambda schedule: schedule.kind == "touch")
        ask = quarterly.cadence_schedule_ids.filtered(lambda schedule: schedule.kind == "ask_referrals")
        call_due = call.next_due_date
        self.assertEqual(call_due, date(2026, 11, 1))
        quarterly._register_cadence_touch(
            date(2026, 11, 23), self.env.ref("partner_cadence.mail_activity_type_ask_referrals"), origin="activity"
        )
        self.assertEqual(quarterly.last_touch_date, date(2026, 8, 1), "no contact of the cadence")
        self.assertEqual(call.next_due_date, call_due, "the quarterly call is still due")
        self.assertEqual(ask.last_touch_date, date(2026, 11, 23), "only the ask's own clock moves")

    def test_one_off_clients_are_not_asked_for_referrals_again_and_again(self):
        self.env["ir.config_parameter"].sudo().set_param("partner_cadence.ask_referrals_days", 90)
        self.realtor._sync_cadence_schedules()
        self.level_5.asks_referrals = False  # as shipped
        one_off = self._create_partner("Seasonal Client", self.level_5, date(2026, 11, 1), self.salesman)
        self.assertFalse(one_off.cadence_schedule_ids.filtered(lambda schedule: schedule.kind == "ask_referrals"))
        self.assertTrue(self.realtor.cadence_schedule_ids.filtered(lambda schedule: schedule.kind == "ask_referrals"))
