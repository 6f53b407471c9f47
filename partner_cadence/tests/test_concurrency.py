"""Races on committed data, each side in its own transaction and thread, the way two cron
workers and a salesperson's browser meet in production. Nothing here shares the test
transaction: the data is committed first and removed at the end."""

import dataclasses
import functools
import threading
from datetime import timedelta
from unittest.mock import patch

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import ValidationError
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tests import BaseCase, new_test_user, tagged
from odoo.tests.common import get_db_name

PREFIX = "Race Realtor"
PARTNERS = 120
BATCH = 10


@tagged("post_install", "-at_install")
class TestConcurrency(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # BaseCase leaves the registry to its subclasses: this one opens real cursors only.
        cls.registry = Registry(get_db_name())
        cls.addClassCleanup(cls._remove_race_data)

    @classmethod
    def _remove_race_data(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partners = env["res.partner"].with_context(active_test=False).search([("name", "=like", f"{PREFIX}%")])
            env["mail.activity"].search([("res_model", "=", "res.partner"), ("res_id", "in", partners.ids)]).unlink()
            partners.unlink()
            leads = env["crm.lead"].with_context(active_test=False).search([("name", "=like", f"{PREFIX}%")])
            env["mail.activity"].search([("res_model", "=", "crm.lead"), ("res_id", "in", leads.ids)]).unlink()
            leads.unlink()
            env["res.users"].with_context(active_test=False).search([("login", "=like", "race_%")]).unlink()

    def _commit_due_partners(self):
        """Weekly partners last called ten days ago, committed, with no reminder yet."""
        self._remove_race_data()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            salesman = new_test_user(env, login="race_salesman", groups="sales_team.group_sale_salesman")
            today = fields.Date.context_today(salesman)
            partners = env["res.partner"].create(
                [
                    {
                        "name": f"{PREFIX} {index}",
                        "phone": "+373 69 000 000",
                        "cadence_private_individual": True,
                        "user_id": salesman.id,
                        "cadence_tier_id": env.ref("partner_cadence.partner_cadence_tier_weekly").id,
                        "last_touch_date": today - timedelta(days=10),
                    }
                    for index in range(PARTNERS)
                ]
            )
            env["mail.activity"].search([("res_model", "=", "res.partner"), ("res_id", "in", partners.ids)]).unlink()
            return partners.ids, salesman.id

    def _in_threads(self, *targets):
        """Run each target in a thread of its own, all released at once; re-raise what failed."""
        barrier = threading.Barrier(len(targets))
        errors = []

        def run(target):
            try:
                barrier.wait(timeout=30)
                target()
            except Exception as error:  # reported by the assertion below
                errors.append(error)

        threads = [threading.Thread(target=run, args=(target,)) for target in targets]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        self.assertEqual(errors, [], "every side finished without an error")

    def _small_batches(self):
        """Plan in batches of BATCH, so that the runs interleave."""
        planner = self.registry["partner.cadence.planner"]
        settings = planner._get_settings

        def small(model):
            return dataclasses.replace(settings(model), batch_size=BATCH)

        return patch.object(planner, "_get_settings", small)

    def _run_planner(self):
        with self.registry.cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})["partner.cadence.planner"]._cron_plan_partners()

    def _open_reminders(self, partner_ids):
        """{partner id: open reminders of its fullest slot}: 1 when each slot holds one (a
        partner reached before has its call and, right after, its ask for referrals)."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            groups = env["mail.activity"]._read_group(
                [("res_model", "=", "res.partner"), ("res_id", "in", partner_ids), ("cadence_reminder", "=", True)],
                ["res_id", "cadence_slot"],
                ["__count"],
            )
            fullest = {}
            for res_id, _slot, count in groups:
                fullest[res_id] = max(fullest.get(res_id, 0), count)
            return fullest

    def test_two_planners_at_once_plan_each_reminder_once(self):
        partner_ids, _salesman_id = self._commit_due_partners()
        with self._small_batches():
            self._in_threads(self._run_planner, self._run_planner)
        self.assertEqual(self._open_reminders(partner_ids), dict.fromkeys(partner_ids, 1))

    def test_a_planner_racing_edits_and_done_clicks_loses_nothing(self):
        partner_ids, salesman_id = self._commit_due_partners()
        edited, clicked = partner_ids[:40], partner_ids[40:60]
        with self.registry.cursor() as cr:
            # Give the clicked ones their reminder first, so that there is something to mark done.
            api.Environment(cr, SUPERUSER_ID, {})["res.partner"].browse(clicked)._plan_cadence_reminders()
        holding = threading.Event()
        with self.registry.cursor() as cr:
            today = fields.Date.context_today(api.Environment(cr, salesman_id, {}).user)

        def salesperson_edits():
            # One long save over many due partners (a call logged by hand, still overdue): it
            # holds their schedules while the planner runs.
            with self.registry.cursor() as cr:
                env = api.Environment(cr, salesman_id, {})
                env["res.partner"].browse(edited).write({"last_touch_date": today - timedelta(days=9)})
                holding.set()
                planner_done.wait(timeout=120)

        def salesperson_clicks_done():
            holding.wait(timeout=60)
            for partner_id in clicked:
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, salesman_id, {})
                    env["mail.activity"].search(
                        [
                            ("res_model", "=", "res.partner"),
                            ("res_id", "=", partner_id),
                            ("cadence_reminder", "=", True),
                        ]
                    ).action_done()

        planner_done = threading.Event()

        def planner():
            holding.wait(timeout=60)
            try:
                self._run_planner()
            finally:
                planner_done.set()

        with self._small_batches():
            self._in_threads(salesperson_edits, salesperson_clicks_done, planner)
            self._run_planner()
        self.assertEqual(self._open_reminders(partner_ids), dict.fromkeys(partner_ids, 1), "one each, none lost")
        with self.registry.cursor() as cr:
            partners = api.Environment(cr, SUPERUSER_ID, {})["res.partner"]
            self.assertEqual(set(partners.browse(clicked).mapped("last_touch_date")), {today}, "every click counted")
            self.assertEqual(set(partners.browse(edited).mapped("last_touch_date")), {today - timedelta(days=9)})

    def _commit_referral_pair(self):
        self._remove_race_data()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env["res.partner"].create([{"name": f"{PREFIX} A"}, {"name": f"{PREFIX} B"}]).ids

    def _refer_in_own_request(self, referrer_id, referred_id, outcomes):
        """What a user's request does: create the referral, retried by Odoo on a concurrency failure."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})

            def create():
                env["res.partner.referral"].create({"referrer_id": referrer_id, "referred_id": referred_id})

            try:
                retrying(create, env)
                outcomes.append("recorded")
            except ValidationError:
                cr.rollback()  # as the refused request's transaction is
                outcomes.append("refused")

    def test_two_users_closing_a_circle_at_once_store_no_circle(self):
        first, second = self._commit_referral_pair()
        outcomes = []
        self._in_threads(
            lambda: self._refer_in_own_request(first, second, outcomes),
            lambda: self._refer_in_own_request(second, first, outcomes),
        )
        self.assertEqual(sorted(outcomes), ["recorded", "refused"])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            links = env["res.partner.referral"].search([("referrer_id", "in", [first, second])])
            self.assertEqual(len(links), 1)
            self.assertEqual(
                len(
                    env["mail.activity"].search([("res_model", "=", "res.partner"), ("res_id", "in", [first, second])])
                ),
                1,
                "one warm introduction",
            )

    def test_two_recommenders_at_once_give_one_warm_introduction(self):
        self._remove_race_data()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            first, second, newcomer = (
                env["res.partner"]
                .create([{"name": f"{PREFIX} First"}, {"name": f"{PREFIX} Second"}, {"name": f"{PREFIX} Newcomer"}])
                .ids
            )
        outcomes = []
        self._in_threads(
            lambda: self._refer_in_own_request(first, newcomer, outcomes),
            lambda: self._refer_in_own_request(second, newcomer, outcomes),
        )
        self.assertEqual(outcomes, ["recorded", "recorded"])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.assertEqual(env["res.partner.referral"].search_count([("referred_id", "=", newcomer)]), 2)
            introductions = env["mail.activity"].search(
                [("res_model", "=", "res.partner"), ("res_id", "=", newcomer), ("cadence_slot", "=", "warm_intro")]
            )
            self.assertEqual(len(introductions), 1, "one warm introduction for two recommendations")

    def test_a_run_killed_midway_resumes_with_nothing_lost_or_doubled(self):
        partner_ids, _salesman_id = self._commit_due_partners()
        schedule_model = self.registry["partner.cadence.schedule"]
        plan_batch = schedule_model._plan_reminders_of
        batches = []

        def killed_in_third_batch(model, schedules):
            batches.append(len(schedules))
            if len(batches) == 3:
                # What a worker killed mid-batch leaves: the batch's transaction never commits.
                raise KeyboardInterrupt
            return plan_batch(model, schedules)

        killed = []

        def planner_killed():
            try:
                self._run_planner()
            except KeyboardInterrupt:
                killed.append(True)

        with self._small_batches(), patch.object(schedule_model, "_plan_reminders_of", killed_in_third_batch):
            self._in_threads(planner_killed)
        self.assertEqual(killed, [True])
        kept = self._open_reminders(partner_ids)
        self.assertEqual(len(kept), 2 * BATCH, "the two finished batches were committed")
        with self._small_batches():
            self._in_threads(self._run_planner)
        self.assertEqual(self._open_reminders(partner_ids), dict.fromkeys(partner_ids, 1), "resumed, none doubled")

    def test_two_lead_planners_at_once_plan_each_touch_once(self):
        self._remove_race_data()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            leads = env["crm.lead"].create(
                [{"name": f"{PREFIX} Lead {index}", "email_from": f"lead{index}@example.com"} for index in range(30)]
            )
            leads.action_start_nurture()
            leads._get_cadence_reminders().unlink()
            lead_ids = leads.ids

        def lead_planner():
            with self.registry.cursor() as cr:
                api.Environment(cr, SUPERUSER_ID, {})["crm.lead"]._cron_plan_lead_touches()

        with self._small_batches():
            self._in_threads(lead_planner, lead_planner)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            groups = env["mail.activity"]._read_group(
                [("res_model", "=", "crm.lead"), ("res_id", "in", lead_ids), ("nurture_touch", "=", True)],
                ["res_id"],
                ["__count"],
            )
            self.assertEqual(dict(groups), dict.fromkeys(lead_ids, 1))

    def test_leads_lost_while_the_planner_starts_them_end_as_their_reason_says(self):
        """New leads wait for the lead planner to start them; a salesperson loses some as it
        runs, each loss a request of its own (retried as Odoo retries one). Whoever commits
        first, a lead lost "for now" that was started holds one open touch, a lead lost for
        "never" none, and every lead still open one."""
        self._remove_race_data()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            today = fields.Date.context_today(env.user)
            # Enrolled as crm's create enrols a new lead when Settings say so (as shipped).
            leads = env["crm.lead"].create(
                [
                    {
                        "name": f"{PREFIX} Lead {index}",
                        "email_from": f"lost{index}@example.com",
                        "nurture_start_date": today,
                    }
                    for index in range(40)
                ]
            )
            lead_ids = leads.ids
            not_now = env.ref("crm.lost_reason_1").id
            never = env.ref("partner_cadence.crm_lost_reason_spam").id
        lost = {lead_id: (not_now if index % 2 else never) for index, lead_id in enumerate(lead_ids[:20])}

        def lead_planner():
            with self.registry.cursor() as cr:
                api.Environment(cr, SUPERUSER_ID, {})["crm.lead"]._cron_plan_lead_touches()

        def lose(env, lead_id, reason_id):
            env["crm.lead"].browse(lead_id).action_set_lost(lost_reason_id=reason_id)

        def salesperson():
            for lead_id, reason_id in lost.items():
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    retrying(functools.partial(lose, env, lead_id, reason_id), env)

        with self._small_batches():
            self._in_threads(lead_planner, salesperson)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            leads = env["crm.lead"].with_context(active_test=False).browse(lead_ids)
            touches = dict(
                env["mail.activity"]
                .with_context(active_test=False)
                ._read_group(
                    [("res_model", "=", "crm.lead"), ("res_id", "in", lead_ids), ("nurture_touch", "=", True)],
                    ["res_id"],
                    ["__count"],
                )
            )
            for lead in leads:
                if lead.active:
                    expected = 1
                elif lost[lead.id] == never:
                    expected = 0
                else:
                    # Started before it was lost: long-term; lost first: never worked, never started.
                    expected = 1 if lead.nurture_state == "running" else 0
                    self.assertEqual(bool(lead.nurture_long_term_date), expected == 1, lead.name)
                self.assertEqual(touches.get(lead.id, 0), expected, lead.name)
            self.assertFalse(leads.filtered(lambda lead: lead.active and lead.nurture_state != "running"))

    def test_a_tier_change_racing_the_planner_leaves_no_stray_reminder(self):
        """A salesperson's save took its snapshot before the planner committed a reminder:
        it removes the schedule without seeing that reminder. The next pass drops the stray
        reminder and plans what the new tier asks for: each slot holds what its schedule says."""
        partner_ids, salesman_id = self._commit_due_partners()
        raced = partner_ids[:5]
        with self.registry.cursor() as cr:
            # A one-off client: one meeting in total, no calls.
            level_id = (
                api.Environment(cr, SUPERUSER_ID, {}).ref("partner_cadence.partner_cadence_tier_client_level_5").id
            )
        with self.registry.cursor() as user_cr:
            partners = api.Environment(user_cr, salesman_id, {})["res.partner"].browse(raced)
            # The save's snapshot: taken now, before the planner's reminders exist.
            partners.mapped("cadence_schedule_ids")
            self._in_threads(self._run_planner)
            partners.write({"cadence_tier_id": level_id})
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            slots = env["mail.activity"].search([("res_model", "=", "res.partner"), ("res_id", "in", raced)])
            self.assertIn(
                f"touch:{env.ref('mail.mail_activity_data_call').id}",
                slots.mapped("cadence_slot"),
                "the weekly call the save could not see is still open",
            )
        self._run_planner()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            reminders = env["mail.activity"].search([("res_model", "=", "res.partner"), ("res_id", "in", raced)])
            schedules = env["partner.cadence.schedule"].search([("partner_id", "in", raced)])
            held = {(reminder.res_id, reminder.cadence_slot) for reminder in reminders}
            wanted = {
                (schedule.partner_id.id, schedule._get_reminder_slot())
                for schedule in schedules
                if schedule.next_due_date
            }
            self.assertEqual(held, wanted, "each slot holds what its schedule says, no more")
            self.assertEqual(len(reminders), len(raced), "the level's one meeting each, the weekly calls gone")

    def test_two_admins_marking_values_at_once_both_count(self):
        """Two first requests to re-derive at once, each in its own transaction: one row, which
        holds both."""
        with self.registry.cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})["partner.cadence.rederivation"].search([]).unlink()
        barrier = threading.Barrier(2)

        def request(inputs):
            def run():
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    barrier.wait(timeout=30)
                    # As a request: retried by Odoo when PostgreSQL refuses it for a concurrent one.
                    retrying(
                        lambda: env["partner.cadence.rederivation"]._request(
                            "res.partner", [("cadence_deal_count", ">", 0)], inputs
                        ),
                        env,
                    )

            return run

        self._in_threads(request(["cadence_deal_count"]), request(["cadence_nps_score"]))
        with self.registry.cursor() as cr:
            marks = api.Environment(cr, SUPERUSER_ID, {})["partner.cadence.rederivation"].search([])
            self.assertEqual(marks.mapped("inputs"), ["cadence_deal_count,cadence_nps_score"])
            marks.unlink()
