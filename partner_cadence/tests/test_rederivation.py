import logging
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
class TestRederivation(PartnerCadenceCommon):
    """Stored values derived from what an admin changes elsewhere (tiers, grid, settings)
    follow the change, on partners made before it as on those made after."""

    def test_moving_an_inbound_frequency_to_another_tier_moves_its_partners(self):
        bimonthly = self.env.ref("partner_cadence.partner_cadence_tier_bimonthly")
        before = self._create_partner("Daily Realtor", cadence_inbound_frequency="daily")
        self.assertEqual(before.cadence_tier_id, self.tier_weekly)
        self.tier_weekly.inbound_frequency = False
        self.tier_monthly.inbound_frequency = "daily"
        after = self._create_partner("Daily Realtor 2", cadence_inbound_frequency="daily")
        self.assertEqual(after.cadence_suggested_tier_id, self.tier_monthly)
        self.assertEqual(before.cadence_suggested_tier_id, self.tier_monthly)
        self.assertEqual(before.cadence_tier_id, self.tier_monthly)
        # Its reminders follow: the schedule is the monthly tier's line now.
        self.assertEqual(before.cadence_schedule_ids.line_id.tier_id, self.tier_monthly)
        # A tier chosen by hand stays.
        pinned = self._create_partner("Pinned", bimonthly, cadence_inbound_frequency="weekly_monthly")
        self.assertTrue(pinned.cadence_tier_pinned)
        self.tier_monthly.inbound_frequency = "weekly_monthly"
        self.assertEqual(pinned.cadence_tier_id, bimonthly)
        self.assertEqual(pinned.cadence_suggested_tier_id, self.tier_monthly)

    def test_a_larger_market_moves_the_suggestion_of_a_partner_by_its_share(self):
        bimonthly = self.env.ref("partner_cadence.partner_cadence_tier_bimonthly")
        self._set_cadence_settings(market_size=100)
        partner = self._create_partner("Share Realtor", cadence_deal_count=12, cadence_deal_period="year")
        self.assertEqual(partner.cadence_market_share, 12.0)
        self.assertEqual(partner.cadence_tier_id, self.tier_monthly)
        self._set_cadence_settings(market_size=200)
        self.assertEqual(partner.cadence_market_share, 6.0)
        self.assertEqual(partner.cadence_suggested_tier_id, bimonthly)
        self.assertEqual(partner.cadence_tier_id, bimonthly)
        twin = self._create_partner("Share Realtor 2", cadence_deal_count=12, cadence_deal_period="year")
        self.assertEqual(twin.cadence_tier_id, partner.cadence_tier_id)
        self._set_cadence_settings(share_rare_percent=7, share_monthly_percent=12)
        self.assertFalse(partner.cadence_suggested_tier_id)

    def test_new_nps_thresholds_regroup_the_clients_scored_before(self):
        client = self._create_partner("Scored Client")
        client._record_nps_score(8, date(2026, 11, 20))
        self.assertEqual(client.cadence_nps_group, "neutral")
        self._set_cadence_settings(nps_promoter_min=8, nps_neutral_min=6)
        self.assertEqual(client.cadence_nps_group, "promoter")

    def test_new_potential_thresholds_move_the_leads_answered_before(self):
        self.env["crm.lead.marker.question"].search([]).active = False
        question = self.env["crm.lead.marker.question"].create(
            {
                "name": "Floor area?",
                "option_ids": [
                    Command.create({"name": "Small", "potential": "low"}),
                    Command.create({"name": "Large", "potential": "high"}),
                ],
            }
        )
        lead = self.env["crm.lead"].create({"name": "Sky Centre", "user_id": self.salesman.id})
        lead.marker_answer_ids.option_id = question.option_ids.filtered(lambda option: option.name == "Large")
        self.assertEqual(lead.potential, "high")
        self._set_cadence_settings(potential_high_percent=100, potential_low_answers=1)
        self.assertEqual(lead.potential, "high")
        lead.marker_answer_ids.option_id = question.option_ids.filtered(lambda option: option.name == "Small")
        self.assertEqual(lead.potential, "low")
        self._set_cadence_settings(potential_low_answers=2)
        self.assertEqual(lead.potential, "standard")

    def test_a_new_default_responsible_takes_the_reminders_of_the_previous_one(self):
        with freeze_time("2026-11-23"):
            nobodys = self._create_partner(
                "Nobody's Realtor", self.tier_weekly, date(2026, 11, 10), since=date(2026, 11, 10)
            )
            mine = self._create_partner(
                "Dina's Realtor", self.tier_weekly, date(2026, 11, 10), self.default_user, since=date(2026, 11, 10)
            )
            self.assertReminders(nobodys | mine, [(date(2026, 11, 17), self.default_user, self.call_type)] * 2)
            self._set_cadence_settings(default_user_id=self.salesman.id)
            self.assertReminders(nobodys, [(date(2026, 11, 17), self.salesman, self.call_type)])
            # Dina is that partner's salesperson: its reminder stays hers.
            self.assertReminders(mine, [(date(2026, 11, 17), self.default_user, self.call_type)])

    def test_many_partners_are_handed_to_the_scheduled_action_which_resumes(self):
        self.env["ir.config_parameter"].sudo().set_param("partner_cadence.batch_size", 2)
        partners = self.env["res.partner"].concat(
            *(self._create_partner(f"Daily {index}", cadence_inbound_frequency="daily") for index in range(5))
        )
        self.assertEqual(partners.cadence_tier_id, self.tier_weekly)
        self.tier_weekly.inbound_frequency = False
        self.tier_monthly.inbound_frequency = "daily"
        marks = self.env["partner.cadence.rederivation"].search([])
        self.assertEqual(marks.model_name, "res.partner")
        # Nothing moved in the request that changed the tier: too many for it.
        self.assertEqual(partners.cadence_tier_id, self.tier_weekly)
        self.env["partner.cadence.rederivation"]._run_pending()
        self.assertFalse(marks.exists())
        self.assertEqual(set(partners.mapped("cadence_tier_id")), {self.tier_monthly})
        self.assertEqual(partners.cadence_schedule_ids.line_id.tier_id, self.tier_monthly)

    def test_a_second_request_while_marked_widens_the_mark_and_restarts_it(self):
        Mark = self.env["partner.cadence.rederivation"]
        Mark._request("res.partner", [("cadence_deal_count", ">", 0)], ["cadence_deal_count"])
        mark = Mark.search([])
        mark.sudo().last_id = 10**6
        Mark._request("res.partner", [("cadence_nps_date", "!=", False)], ["cadence_nps_score"])
        self.assertEqual(Mark.search([]), mark)
        self.assertEqual(mark.last_id, 0)
        self.assertEqual(mark.inputs, "cadence_deal_count,cadence_nps_score")
        self.assertIn("cadence_nps_date", mark.domain)
        self.assertIn("cadence_deal_count", mark.domain)


@tagged("post_install", "-at_install")
class TestWrongAnswers(PartnerCadenceCommon):
    """What a review found wrong on a real database, each one a test."""

    def test_a_contact_both_partner_and_client_follows_its_client_level(self):
        """Its client level's meetings set to none: it loses its meeting reminder as a pure
        client does."""
        level = self.env.ref("partner_cadence.partner_cadence_tier_client_level_3")
        with freeze_time("2026-11-23"):
            both = self._create_partner(
                "Both Ways",
                self.tier_weekly,
                date(2026, 11, 10),
                self.salesman,
                since=date(2026, 11, 10),
                cadence_client_level_id=level.id,
            )
            client = self._create_partner("Pure Client", level, date(2026, 11, 10), self.salesman)
            meetings = "mail.mail_activity_data_meeting"
            self.assertTrue(self._reminders(both, meetings))
            self.assertTrue(self._reminders(client, meetings))
            level.line_ids.filtered(lambda line: line.activity_type_id == self.meeting_type).touch_count = 0
            self.env["partner.cadence.planner"]._cron_plan_partners()
            self.assertFalse(self._reminders(client, meetings))
            # Its weekly call stays, due a week after its last touch.
            self.assertReminders(both, [(date(2026, 11, 17), self.salesman, self.call_type)])

    def test_the_match_is_the_partner_the_user_may_see(self):
        other = self.env["res.company"].create({"name": "Other Company"})
        hidden = self.env["res.partner"].create({"name": "Hidden", "phone": "+373 69 555 123", "company_id": other.id})
        visible = self.env["res.partner"].create(
            {"name": "Visible", "phone": "069 555 123", "company_id": self.company.id}
        )
        self.assertLess(hidden.id, visible.id)
        Partner = self.env["res.partner"].with_user(self.salesman)
        self.assertEqual(Partner._find_cadence_match("Someone", "069555123", None), visible)
        self.assertEqual(Partner._find_cadence_match("Someone", "+373 69 555 999", None), Partner.browse())

    def test_a_nurture_phase_beyond_planning_reach_is_refused(self):
        phase = self.env.ref("partner_cadence.crm_nurture_phase_intensive")
        last = self.env["crm.nurture.phase"]._get_sequence(self.company)[-1]
        with self.assertRaisesRegex(ValidationError, "about five years"):
            last.write({"interval_number": 1_000_000, "interval_unit": "month", "touch_count": 0})
        with self.assertRaisesRegex(ValidationError, "about five years"):
            phase.copy({"duration_days": 10**7})

    def test_no_role_links_partners_of_two_companies(self):
        other = self.env["res.company"].create({"name": "B Company"})
        stranger = self.env["res.partner"].create({"name": "B Partner", "company_id": other.id})
        ours = self.env["res.partner"].create({"name": "A Partner", "company_id": self.company.id})
        own_documents = new_test_user(
            self.env, login="cadence_own_docs", groups="sales_team.group_sale_salesman", company_id=self.company.id
        )
        for user in (own_documents, self.salesman, self.manager):
            Referral = (
                self.env["res.partner.referral"].with_user(user).with_context(allowed_company_ids=[self.company.id])
            )
            with self.subTest(user=user.login), self.assertRaises(UserError):
                Referral.create({"referrer_id": ours.id, "referred_id": stranger.id})
                Referral.flush_model()
        # Between partners of one company, or shared ones, it is the partners' company.
        shared = self.env["res.partner"].create({"name": "Shared Partner", "company_id": False})
        referral = self.env["res.partner.referral"].create({"referrer_id": shared.id, "referred_id": ours.id})
        self.assertEqual(referral.company_id, self.company)

    def test_an_import_plans_nothing_and_the_nightly_pass_plans_it(self):
        with freeze_time("2026-11-23"):
            imported = (
                self.env["res.partner"]
                .with_context(mail_activity_automation_skip=True)
                .create(
                    [
                        {
                            "name": f"Ion Importat {index}",
                            "phone": "+373 69 000 000",
                            "cadence_private_individual": True,
                            "cadence_tier_id": self.tier_weekly.id,
                            "last_touch_date": date(2026, 11, 10),
                        }
                        for index in range(3)
                    ]
                )
            )
            # activity_search finds nothing under the switch: look with a plain environment.
            imported = self.env["res.partner"].browse(imported.ids)
            self.assertFalse(imported.cadence_schedule_ids)
            self.assertFalse(self._reminders(imported))
            self.env["partner.cadence.planner"]._cron_plan_partners()
            self.assertEqual(len(self._reminders(imported)), 3)
            # Taken off the tier during another import: the pass removes what it left.
            imported[0].with_context(mail_activity_automation_skip=True).cadence_tier_id = False
            self.assertTrue(self._reminders(imported[0]))
            self.env["partner.cadence.planner"]._cron_plan_partners()
            self.assertFalse(self._reminders(imported[0]))
            self.assertEqual(self.env["partner.cadence.planner"]._cron_plan_partners(), 0)

    def test_a_reminder_no_schedule_holds_is_dropped_by_the_nightly_pass(self):
        with freeze_time("2026-11-23"):
            kept = self._reminders(self.realtor)
            # As a user's edit racing a planner leaves it: a meeting reminder in the slot of a
            # schedule that the weekly tier (calls only) no longer has.
            stray = self.env["mail.activity"].create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "res_id": self.realtor.id,
                    "activity_type_id": self.meeting_type.id,
                    "cadence_slot": f"touch:{self.meeting_type.id}",
                    "user_id": self.salesman.id,
                    "date_deadline": date(2026, 11, 24),
                }
            )
            # logging.INFO, not "INFO": Odoo names its level 25 so too.
            with self.assertLogs("odoo.addons.partner_cadence", logging.INFO) as logs:
                self.env["partner.cadence.planner"]._cron_plan_partners()
            self.assertFalse(stray.exists())
            self.assertTrue(kept.exists())
            steps = [line.split(": ")[1] for line in logs.output if "cadence planner: " in line]
            self.assertEqual(
                steps[:4],
                [
                    "re-derive values whose inputs changed, plan partners saved without planning",
                    "re-plan partners of changed tiers",
                    "register the meetings held",
                    "plan due reminders, drop stray ones",
                ],
            )
