from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged, users

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestBadInput(PartnerCadenceCommon):
    """Bad input is refused on entry, in words, with nothing half-saved and no crash later."""

    def test_far_and_future_dates_are_refused(self):
        for field_name, day, message in (
            ("last_touch_date", date(9999, 12, 31), "in the future"),
            ("last_touch_date", date(2200, 1, 1), "in the future"),
            ("last_touch_date", date(1, 1, 1), "before 1900"),
            ("cadence_paused_until", date(9999, 12, 31), "too far ahead"),
            ("cadence_paused_until", date(1, 1, 1), "before 1900"),
        ):
            with self.subTest(field=field_name, day=day), self.assertRaisesRegex(ValidationError, message):
                with self.env.cr.savepoint():
                    self.realtor.write({field_name: day})
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 10))
        self.assertFalse(self.realtor.cadence_touch_ids.filtered(lambda touch: touch.date > date(2026, 11, 23)))
        self.realtor.cadence_paused_until = date(2027, 3, 1)
        self.assertEqual(self.realtor.next_touch_date, date(2027, 3, 1))

    def test_periods_beyond_planning_reach_are_refused(self):
        # Settings beyond it: test_settings.test_every_number_out_of_its_range_is_refused...
        with self.assertRaisesRegex(ValidationError, "longer than planning reaches"), self.env.cr.savepoint():
            self.tier_weekly.interval_number = 1_000_000
        self.env["partner.cadence.planner"]._cron_plan_partners()

    def test_rules_hold_on_every_path(self):
        with self.assertRaisesRegex(UserError, "at least one cadence line"), self.env.cr.savepoint():
            self.tier_weekly.line_ids.unlink()
        question = self.env["crm.lead.marker.question"].search([("active", "=", True)], limit=1)
        with self.assertRaisesRegex(UserError, "needs answer options"), self.env.cr.savepoint():
            question.option_ids.unlink()
        intensive = self.env.ref("partner_cadence.crm_nurture_phase_intensive")
        for days in (5, 90):
            with self.subTest(days=days), self.assertRaisesRegex(ValidationError, "21 to 30"):
                with self.env.cr.savepoint():
                    intensive.duration_days = days
        self.assertEqual(intensive.duration_days, 30)

    def test_wildcards_in_recommended_names_match_only_themselves(self):
        self._create_partner("Anything At All", email="any@example.com")
        wizard = Form(self.env["res.partner.referral.wizard"].with_context(default_partner_id=self.realtor.id))
        for name, email in (("%", False), ("Someone", "%@example.com"), ("_nything At All", False)):
            with wizard.line_ids.new() as line:
                line.name, line.email = name, email
        wizard.save().action_record()
        referred = self.realtor.referral_given_ids.referred_id
        self.assertEqual(sorted(referred.mapped("name")), ["%", "Someone", "_nything At All"])

    def test_names_stay_text_in_reminder_notes(self):
        newcomer = self._create_partner("Nina Newcomer", user=self.salesman)
        self.realtor.name = '<a href="https://evil.example">Elena</a><img src=x>'
        self.env["res.partner.referral"].create({"referrer_id": self.realtor.id, "referred_id": newcomer.id})
        call = newcomer.activity_search(["partner_cadence.mail_activity_type_warm_intro"])
        self.assertNotIn("<a", call.note)
        self.assertNotIn("<img", call.note)
        self.assertIn("&lt;a href=", call.note)

    def test_moving_a_reminder_onto_an_open_type_says_why(self):
        tier = self.env["partner.cadence.tier"].create(
            self._tier_values("Calls and meetings", (self.call_type, 1), (self.meeting_type, 1))
        )
        self.realtor.cadence_tier_id = tier
        with self.assertRaisesRegex(UserError, "already has an open"):
            self._reminders(self.realtor).activity_type_id = self.meeting_type


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestForgery(PartnerCadenceCommon):
    """Touches and engine flags come from the engine, not from a user's hand."""

    @users("cadence_salesman")
    def test_a_salesperson_cannot_forge_touches(self):
        with self.assertRaises(AccessError):
            self.env["partner.cadence.touch"].create(
                {"partner_id": self.realtor.id, "date": date(2026, 11, 23), "origin": "reminder"}
            )

    @users("cadence_salesman")
    def test_a_salesperson_cannot_set_engine_flags(self):
        realtor = self.realtor.with_env(self.env)
        with self.assertRaises(AccessError):
            self.env["mail.activity"].create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "res_id": realtor.id,
                    "activity_type_id": self.meeting_type.id,
                    "cadence_slot": f"touch:{self.meeting_type.id}",
                }
            )
        reminder = self._reminders(realtor)
        for forged in ({"cadence_slot": False}, {"cadence_reminder": False}, {"nurture_touch": True}):
            with self.assertRaises(AccessError):
                reminder.write(forged)
        reminder.write({"date_deadline": date(2026, 11, 25)})
        self.assertEqual(reminder.date_deadline, date(2026, 11, 25), "other fields stay the salesperson's")

    @users("cadence_manager")
    def test_a_manager_may_remove_a_mistaken_touch_but_not_write_one(self):
        touch = self.realtor.with_env(self.env).cadence_touch_ids[:1]
        with self.assertRaises(AccessError):
            touch.date = date(2026, 11, 22)
        touch.unlink()
        self.assertFalse(touch.exists())
