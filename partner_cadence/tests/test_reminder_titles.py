from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged, users
from odoo.tools import format_amount

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestReminderTitles(PartnerCadenceCommon):
    """The inbox says why: who to contact, how late, what is at risk, on whose behalf, as of
    the reader's today and in the reader's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.referrer = cls._create_partner("Olga Referrer", None, None, cls.salesman)
        # On her tier since her last call: due on 24 September, 60 days late on 23 November,
        # when the pass plans her call.
        cls.late = cls._create_partner(
            "Irina Late",
            cls.tier_monthly,
            date(2026, 8, 24),
            cls.salesman,
            since=date(2026, 8, 24),
            cadence_value_manual=10000,
        )
        cls.late._plan_cadence_reminders()
        cls.late.referred_by_id = cls.referrer
        cls.env["res.partner"]._refresh_cadence_values()

    def _title(self, reminder):
        # Computed anew for each request: its day, its reader.
        reminder.invalidate_recordset(["cadence_title"])
        (data,) = reminder.with_env(self.env).activity_format()["mail.activity"]
        return data["summary"]

    @users("cadence_salesman")
    def test_a_late_reminder_says_who_how_late_what_is_at_risk_and_on_whose_behalf(self):
        reminder = self._reminders(self.late)
        amount = format_amount(self.env, self.late.cadence_value_at_risk, self.late.cadence_currency_id)
        self.assertGreater(self.late.cadence_value_at_risk, 0)
        self.assertEqual(
            self._title(reminder), f"Call Irina Late: 60 days late, {amount} at risk, on behalf of Olga Referrer"
        )
        self.assertEqual(reminder.summary, "Monthly partner", "the stored summary is left as planned")

    @users("cadence_salesman")
    def test_my_activities_the_list_column_and_the_done_line_say_why(self):
        """Every place a salesperson reads a reminder: My Activities (list and kanban read
        cadence_title), a list's activity column (activity_summary), the chatter's done line."""
        reminder = self._reminders(self.late).with_env(self.env)
        title = self._title(reminder)
        self.assertIn("60 days late", title)
        self.assertEqual(reminder.cadence_title, title)
        self.assertEqual(self.late.with_env(self.env).activity_summary, title)
        reminder.action_feedback(feedback="Talked about the spring listings")
        done_line = self.late.message_ids[0].body
        self.assertIn("60 days late", done_line)

    @users("cadence_salesman")
    def test_a_russian_reader_reads_the_title_in_russian(self):
        self._activate_translations()
        self.env.user.lang = "ru_RU"
        reminder = self._reminders(self.late).with_env(self.env(context={"lang": "ru_RU"}))
        self.assertIn("60 дней", reminder.cadence_title)
        self.assertNotIn("late", reminder.cadence_title)

    @users("cadence_salesman")
    def test_the_title_follows_the_calendar(self):
        reminder = self._reminders(self.late)
        with freeze_time("2026-11-24 10:00:00"):
            self.assertIn("61 days late", self._title(reminder))
        with freeze_time("2026-09-20 10:00:00"):
            self.assertNotIn("late", self._title(reminder))

    @users("cadence_salesman")
    def test_a_reminder_due_today_names_only_who_to_call(self):
        on_time = self._create_partner("Pavel OnTime", self.tier_weekly, date(2026, 11, 16), self.salesman)
        self.assertEqual(self._title(self._reminders(on_time)), "Call Pavel OnTime")

    def test_a_recommender_the_reader_may_not_see_is_not_named(self):
        other_company = self.env["res.company"].create({"name": "Other Agency"})
        self.referrer.company_id = other_company
        reader = new_test_user(self.env, login="cadence_reader", groups="sales_team.group_sale_salesman")
        reminder = self._reminders(self.late).with_user(reader)
        (data,) = reminder.activity_format()["mail.activity"]
        self.assertNotIn("Olga", data["summary"])
        self.assertIn("60 days late", data["summary"])

    def test_other_activities_keep_their_summary(self):
        todo = self.late.activity_schedule("mail.mail_activity_data_todo", summary="Send the brochure")
        self.assertEqual(self._title(todo), "Send the brochure")

    @users("cadence_salesman")
    def test_a_title_says_what_is_owed_this_period_and_what_the_first_contact_must_bring(self):
        tier = self.env["partner.cadence.tier"].sudo().create(self._tier_values("Thrice Weekly", (self.call_type, 3)))
        busy = self._create_partner("Vera Busy", tier, None, self.salesman)
        self.assertEqual(self._title(self._reminders(busy)), "Call Vera Busy: 0 of 3 this period")
        unknown = self._create_partner("Ion Unknown", self.tier_weekly, None, self.salesman, phone=False)
        call_back = self._reminders(unknown, "partner_cadence.mail_activity_type_first_contact")
        # §1: the first contact asks for more than the mandatory three: what is still unknown.
        self.assertEqual(
            self._title(call_back),
            "First contact with Ion Unknown: ask for phone, also ask: deal volume, clients coming without an offer, "
            "team size, colleagues, third parties",
        )
        unknown.write({"phone": "+373 69 000 321", "cadence_deal_count": 4, "cadence_team_size": 6})
        self.env["res.partner.referral"].create(
            {
                "referrer_id": unknown.id,
                "referred_id": self._create_partner("Olga Colleague").id,
                "kind_id": self.env.ref("partner_cadence.res_partner_referral_kind_colleague").id,
            }
        )
        call = self._reminders(unknown)
        self.assertEqual(
            self._title(call), "Call Ion Unknown: also ask: clients coming without an offer, third parties"
        )
        unknown._register_cadence_touch(date(2026, 11, 23), self.call_type, origin="activity")
        self.assertNotIn("also ask", self._title(self._reminders(unknown)), "asked at the first contact")
