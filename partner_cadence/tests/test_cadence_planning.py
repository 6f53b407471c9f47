from datetime import date
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23")
class TestCadencePlanning(PartnerCadenceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-11-23"):
            cls.due_soon = cls._create_partner("Andrei Soon", cls.tier_monthly, date(2026, 10, 28), cls.salesman)
            cls.later = cls._create_partner("Irina Later", cls.tier_monthly, date(2026, 11, 20), cls.salesman)
            cls.untiered = cls._create_partner("Oleg Untiered", None, date(2026, 1, 1), cls.salesman)

    def test_next_touch_date_follows_tier_and_last_touch(self):
        self.assertEqual(self.realtor.next_touch_date, date(2026, 11, 17))
        self.assertEqual(self.due_soon.next_touch_date, date(2026, 11, 28))
        self.assertEqual(self.later.next_touch_date, date(2026, 12, 20))
        self.assertFalse(self.untiered.next_touch_date)

    def test_a_new_tier_counts_lateness_from_today_and_its_reminder_says_so(self):
        with freeze_time("2026-10-20"):
            partner = self._create_partner("Pavel Monthly", self.tier_monthly, date(2026, 10, 20), self.salesman)
        partner._plan_cadence_reminders()  # what last night's pass did: the call is 3 days late
        reminder = self._reminders(partner)
        self.assertEqual((reminder.date_deadline, reminder.summary), (date(2026, 11, 20), self.tier_monthly.name))
        # Weekly from today: its rhythm asked for a call on 27 October, but it applies from today.
        partner.cadence_tier_id = self.tier_weekly
        self.assertEqual(partner.next_touch_date, date(2026, 11, 23))
        self.assertEqual(partner.cadence_days_late, 0)
        self.assertEqual(self._reminders(partner), reminder, "the same reminder, moved")
        self.assertEqual((reminder.date_deadline, reminder.summary), (date(2026, 11, 23), self.tier_weekly.name))

    def test_a_partner_recorded_with_its_last_touch_keeps_its_rhythm(self):
        """An import, a contact entered after the fact: its rhythm was already running."""
        imported = self._create_partner("Imported Realtor", self.tier_weekly, date(2026, 11, 10), self.salesman)
        self.assertEqual(imported.next_touch_date, date(2026, 11, 17))
        # The same partner put on a tier only now is late from now on.
        untiered = self._create_partner("Untiered Realtor", None, date(2026, 11, 10), self.salesman)
        untiered.cadence_tier_id = self.tier_weekly
        self.assertEqual(untiered.next_touch_date, date(2026, 11, 23))

    def test_month_end_touch_is_due_at_the_end_of_february(self):
        with freeze_time("2027-02-01"):
            partner = self._create_partner("Month End", self.tier_monthly, date(2027, 1, 31), self.salesman)
            self.assertEqual(partner.next_touch_date, date(2027, 2, 28))
        with freeze_time("2028-02-01"):
            partner.last_touch_date = date(2028, 1, 31)
            self.assertEqual(partner.next_touch_date, date(2028, 2, 29))

    def test_cron_twice_gives_one_reminder_per_due_partner(self):
        partners = self.realtor | self.due_soon | self.later | self.untiered
        self._reminders(partners).unlink()
        # The scheduled action's own code, twice, in this test's transaction: 19's "Run
        # Manually" (method_direct_trigger) runs a job in a transaction of its own.
        action = self.env.ref("partner_cadence.ir_cron_plan_partner_touches").ir_actions_server_id
        action.run()
        action.run()
        reminders = self._reminders(partners)
        self.assertEqual(
            sorted((r.res_id, r.date_deadline, r.user_id) for r in reminders),
            sorted(
                [
                    (self.realtor.id, date(2026, 11, 17), self.salesman),
                    (self.due_soon.id, date(2026, 11, 28), self.salesman),
                ]
            ),
        )
        self.assertTrue(all(reminders.mapped("automated")))
        self.assertEqual(reminders.mapped("res_name"), [p.display_name for p in self.realtor | self.due_soon])

    def test_partner_without_tier_gets_nothing(self):
        self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertFalse(self.untiered.activity_ids)
        self.assertFalse(self.untiered.cadence_schedule_ids)

    def test_reminder_beyond_horizon_waits(self):
        self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertFalse(self._reminders(self.later))
        with freeze_time("2026-12-14"):
            self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertEqual(self._reminders(self.later).date_deadline, date(2026, 12, 20))

    def test_cron_resumes_in_batches(self):
        partners = self.env["res.partner"]
        for index in range(5):
            partners |= self._create_partner(
                f"Batch Realtor {index}", self.tier_weekly, date(2026, 11, 1), self.salesman
            )
        self._reminders(partners).unlink()
        self.env["ir.config_parameter"].set_param("partner_cadence.batch_size", 2)
        planned = self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertEqual(planned, 5)
        self.assertEqual(len(self._reminders(partners)), 5)

    def test_reminder_says_why_it_is_due(self):
        reminder = self._reminders(self.realtor)
        self.assertEqual(reminder.summary, "Weekly partner")
        self.assertEqual(reminder.cadence_title, "Call Elena Realtor: 6 days late")
        # Its note holds only what stays true until it is done: nothing more for a plain touch.
        self.assertFalse(reminder.note)

    def test_done_sets_last_touch_and_plans_next(self):
        reminder = self._reminders(self.realtor)
        with freeze_time("2026-11-24"):
            reminder.with_user(self.salesman).action_done()
        self.assertEqual(self.realtor.last_touch_date, date(2026, 11, 24))
        self.assertEqual(self.realtor.next_touch_date, date(2026, 12, 1))
        follow_up = self._reminders(self.realtor)
        self.assertEqual(len(follow_up), 1)
        self.assertNotEqual(follow_up, reminder)
        self.assertEqual(follow_up.date_deadline, date(2026, 12, 1))
        touch = self.realtor.cadence_touch_ids.filtered(lambda t: t.origin == "reminder")
        self.assertEqual((touch.date, touch.activity_type_id), (date(2026, 11, 24), self.call_type))

    def test_any_done_activity_on_a_partner_is_a_touch(self):
        todo = self.due_soon.activity_schedule("mail.mail_activity_data_todo", user_id=self.salesman.id)
        todo.with_user(self.salesman).action_feedback(feedback="Met at the agency")
        self.assertEqual(self.due_soon.last_touch_date, date(2026, 11, 23))
        self.assertEqual(self.due_soon.next_touch_date, date(2026, 12, 23))
        # The open reminder moves to the new due date rather than a second one appearing.
        self.assertEqual(self._reminders(self.due_soon).mapped("date_deadline"), [date(2026, 12, 23)])

    def test_an_older_touch_never_moves_the_clock_back(self):
        self.later._register_cadence_touch(date(2026, 11, 1))
        self.assertEqual(self.later.last_touch_date, date(2026, 11, 20))

    def test_tier_change_reschedules_and_removal_drops_the_reminder(self):
        reminder = self._reminders(self.realtor)
        self.realtor.cadence_tier_id = self.tier_quarterly
        self.assertEqual(reminder.date_deadline, date(2027, 2, 10))
        self.realtor.cadence_tier_id = False
        self.assertFalse(reminder.exists())
        self.assertFalse(self.realtor.next_touch_date)

    def test_tier_interval_change_is_replanned_by_the_triggered_action(self):
        reminder = self._reminders(self.realtor)
        cron = self.env.ref("partner_cadence.ir_cron_plan_partner_touches")
        with self.assertQueryCount(__system__=12):
            # The tier is marked, whatever the number of its partners.
            self.tier_weekly.interval_number = 2
        self.assertTrue(self.tier_weekly.replan_requested_at)
        self.assertEqual(reminder.date_deadline, date(2026, 11, 17), "not in the manager's request")
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]), "the action is triggered")
        self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertEqual(reminder.date_deadline, date(2026, 11, 24))
        self.assertFalse(self.tier_weekly.replan_requested_at)

    def test_a_tier_changed_again_during_the_run_stays_marked(self):
        self.tier_weekly.interval_number = 2
        Partner = type(self.env["res.partner"])
        original = Partner._replan_partners

        def changed_meanwhile(partner_model, partners):
            self.tier_weekly.interval_number = 3
            return original(partner_model, partners)

        with patch.object(Partner, "_replan_partners", changed_meanwhile):
            self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertTrue(self.tier_weekly.replan_requested_at, "the second change waits for the next run")
        self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertFalse(self.tier_weekly.replan_requested_at)
        self.assertEqual(self.realtor.next_touch_date, date(2026, 12, 1), "three weeks after the 10th")

    def test_a_reminder_planned_meanwhile_elsewhere_is_left_to_it(self):
        other = self._create_partner("Other Realtor", self.tier_weekly, date(2026, 11, 10), self.salesman)
        existing = self._reminders(self.realtor)
        self._reminders(other).unlink()
        model_id = self.env["ir.model"]._get_id("res.partner")
        created = self.env["res.partner"]._create_cadence_reminders(
            [
                {
                    "res_model_id": model_id,
                    "res_id": partner.id,
                    "activity_type_id": self.call_type.id,
                    "user_id": self.salesman.id,
                    "automated": True,
                    "cadence_slot": f"touch:{self.call_type.id}",
                }
                for partner in (self.realtor, other)
            ]
        )
        self.assertEqual(created.mapped("res_id"), [other.id], "the one already open is not doubled")
        self.assertEqual(self._reminders(self.realtor), existing)
        self.assertEqual(len(self._reminders(other)), 1)

    def test_reminder_goes_to_company_salesperson_then_default_user(self):
        company = self._create_partner("Casa Agency", None, None, self.manager, is_company=True)
        employee = self._create_partner("Andrei Agent", self.tier_weekly, None, None, parent_id=company.id)
        orphan = self._create_partner("Oana Orphan", self.tier_weekly)
        self.assertEqual(self._reminders(employee).user_id, self.manager)
        self.assertEqual(self._reminders(orphan).user_id, self.default_user)
        self.assertEqual(self._reminders(orphan).date_deadline, date(2026, 11, 23))
        company.user_id = self.salesman
        self.assertEqual(self._reminders(employee).user_id, self.salesman)

    def test_archived_salesperson_does_not_lose_the_cadence(self):
        self.assertEqual(self._reminders(self.realtor).user_id, self.salesman)
        self.salesman.action_archive()
        reminder = self._reminders(self.realtor)
        self.assertEqual(reminder.user_id, self.default_user)
        self.assertEqual(reminder.date_deadline, date(2026, 11, 17))

    def test_archived_partner_gets_no_reminder(self):
        self.realtor.action_archive()
        archived = self.realtor.with_context(active_test=False)
        self.assertFalse(self._reminders(archived))
        self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertFalse(self._reminders(archived))

    @mute_logger("odoo.sql_db")
    def test_database_refuses_a_second_open_reminder(self):
        existing = self._reminders(self.realtor)
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            existing.copy({"cadence_slot": existing.cadence_slot})

    def test_planning_again_plans_nothing_and_finds_the_open_reminder(self):
        existing = self._reminders(self.realtor)
        schedule = self.realtor.cadence_schedule_ids
        self.assertEqual(schedule._plan_reminders(), 0)
        self.assertEqual(self.env["partner.cadence.planner"]._cron_plan_partners(), 0)
        self.assertEqual(self._reminders(self.realtor), existing)
        self.assertEqual(schedule.activity_id, existing)

    def test_killed_run_resumes_without_losing_or_duplicating(self):
        partners = self.env["res.partner"]
        for index in range(4):
            partners |= self._create_partner(
                f"Resume Realtor {index}", self.tier_weekly, date(2026, 11, 1), self.salesman
            )
        self._reminders(partners).unlink()
        Schedule = type(self.env["partner.cadence.schedule"])
        original = Schedule._plan_reminders_of
        calls = []

        def dies_on_second_batch(schedule_model, schedules):
            calls.append(len(schedules))
            if len(calls) == 2:
                raise KeyboardInterrupt("killed")
            return original(schedule_model, schedules)

        # Not assertRaises: Odoo's rolls back to a savepoint, and the first batch must stay.
        killed = False
        self.env["ir.config_parameter"].set_param("partner_cadence.batch_size", 2)
        with patch.object(Schedule, "_plan_reminders_of", dies_on_second_batch):
            try:
                self.env["partner.cadence.planner"]._cron_plan_partners()
            except KeyboardInterrupt:
                killed = True
        self.assertTrue(killed)
        self.assertEqual(len(self._reminders(partners)), 2)
        self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertEqual(len(self._reminders(partners)), 4)
