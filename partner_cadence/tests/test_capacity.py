from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import users

from .common import PartnerCadenceCommon


@freeze_time("2026-11-23")
class TestDailyCapacity(PartnerCadenceCommon):
    """A day that fits the person: a salesperson's day holds at most their capacity of
    reminders, the most valuable kept; the rest move day by day, saying so; never two touches
    of one person on one day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("partner_cadence.daily_capacity", 2)
        with freeze_time("2026-11-10"):
            # Like the realtor, each was put on its tier at its last call, on the 10th: a weekly
            # call due on the 17th, planned that day (a week ahead) into a day that holds two.
            cls.others = cls.env["res.partner"]
            for number in range(4):
                cls.others |= cls._create_partner(f"Weekly {number}", cls.tier_weekly, date(2026, 11, 10), cls.salesman)
        cls.partners = cls.realtor | cls.others

    def _deadlines(self):
        return {reminder.res_id: reminder.date_deadline for reminder in self._reminders(self.partners)}

    def _per_day(self):
        deadlines = list(self._deadlines().values())
        return {day: deadlines.count(day) for day in set(deadlines)}

    def test_a_full_day_moves_the_least_valuable_on_and_says_so(self):
        self.assertEqual(self._per_day(), {date(2026, 11, 17): 2, date(2026, 11, 18): 2, date(2026, 11, 19): 1})
        # The nightly pass plans anew the most valuable first: the dearest keeps today.
        dear = self.others[-1]
        dear.cadence_value_manual = 50_000
        self.assertGreater(dear.cadence_value_at_risk, 0)
        self._reminders(self.partners).unlink()
        self.env["partner.cadence.planner"]._cron_plan_partners()
        deadlines = self._deadlines()
        self.assertEqual(deadlines[dear.id], date(2026, 11, 17))
        self.assertEqual(self._per_day(), {date(2026, 11, 17): 2, date(2026, 11, 24): 2, date(2026, 11, 25): 1})
        moved = self._reminders(self.partners).filtered(lambda reminder: reminder.date_deadline > date(2026, 11, 23))
        for reminder in moved.with_user(self.salesman):
            self.assertEqual(reminder.cadence_due_date, date(2026, 11, 17))
            self.assertIn("due 17 Nov, moved to fit the day", reminder.cadence_title)
        # Planned for their due date, on a day that had room: a rerun leaves them there.
        self.assertEqual(self.env["partner.cadence.planner"]._cron_plan_partners(), 0)
        self.assertEqual(self._deadlines(), deadlines)

    def test_raising_the_capacity_brings_the_moved_reminders_back(self):
        self._set_cadence_settings(daily_capacity=10)
        self.assertEqual(self._per_day(), {date(2026, 11, 17): 5})

    def test_many_moved_reminders_are_handed_to_the_scheduled_action(self):
        activities = self.env["mail.activity"]
        moved = activities.search([("cadence_moved", "=", True), ("res_id", "in", self.partners.ids)])
        self.assertEqual(set(moved.mapped("date_deadline")), {date(2026, 11, 18), date(2026, 11, 19)})
        self.assertEqual(
            activities.search([("cadence_moved", "!=", True), ("res_id", "in", self.partners.ids)]),
            self._reminders(self.partners) - moved,
        )
        # More moved reminders than a request re-places: the save returns at once, the
        # scheduled action brings them back.
        self.env["ir.config_parameter"].sudo().set_param("partner_cadence.batch_size", 2)
        self._set_cadence_settings(daily_capacity=10)
        self.assertEqual(self._per_day(), {date(2026, 11, 17): 2, date(2026, 11, 18): 2, date(2026, 11, 19): 1})
        self.assertTrue(self.env["partner.cadence.rederivation"].search([("model_name", "=", "mail.activity")]))
        self.env["partner.cadence.rederivation"]._run_pending()
        self.assertEqual(self._per_day(), {date(2026, 11, 17): 5})
        self.assertFalse(moved.filtered("cadence_moved"))
        self.assertFalse(self.env["partner.cadence.rederivation"].search([]))

    def test_no_cap_when_the_capacity_is_0(self):
        self._set_cadence_settings(daily_capacity=0)
        self.assertEqual(self._per_day(), {date(2026, 11, 17): 5})

    def test_a_users_own_capacity_comes_first(self):
        self.salesman.cadence_daily_capacity = 4
        self.assertEqual(self._per_day(), {date(2026, 11, 17): 4, date(2026, 11, 24): 1})
        with self.assertRaises(ValidationError):
            self.salesman.cadence_daily_capacity = -1
        with self.assertRaises(ValidationError):
            self.salesman.cadence_daily_capacity = 1001

    def test_never_two_touches_of_one_person_on_one_day(self):
        self._set_cadence_settings(daily_capacity=0)
        partner = self._create_partner("Ion Busy", user=self.salesman)
        partner.activity_schedule("mail.mail_activity_data_todo", date(2026, 11, 23), user_id=self.salesman.id)
        # Recommended today: a warm introduction call, planned for today.
        partner.referred_by_id = self.realtor
        intro = partner.activity_ids.filtered(lambda activity: activity.cadence_slot == "warm_intro")
        self.assertEqual(intro.date_deadline, date(2026, 11, 23), "a to-do made by hand takes no one's day")
        # On a weekly tier, last called on the 16th: due today too; the call waits a day.
        partner.write({"cadence_tier_id": self.tier_weekly.id, "last_touch_date": date(2026, 11, 16)})
        reminder = self._reminders(partner)
        self.assertEqual((reminder.cadence_due_date, reminder.date_deadline), (date(2026, 11, 23), date(2026, 11, 24)))
        self.assertIn("moved to fit the day", reminder.with_user(self.salesman).cadence_title)

    @users("cadence_salesman")
    def test_the_date_due_by_the_rhythm_is_the_engines_and_the_day_the_admins(self):
        reminder = self._reminders(self.realtor).with_user(self.env.user)
        with self.assertRaises(AccessError):
            reminder.write({"cadence_due_date": date(2026, 12, 1)})
        with self.assertRaises(AccessError):
            # Not env.user: that record is sudo.
            self.env["res.users"].browse(self.env.uid).write({"cadence_daily_capacity": 1000})
