from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.partner_cadence import compat

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestB2bCycle(PartnerCadenceCommon):
    """§5: the B2B cycle's eighteen steps, shipped as two activity plans on opportunities; the
    furthest step done shows on the opportunity and in the manager's board; a team may adopt
    matching pipeline stages and keeps its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller_plan = cls.env.ref("partner_cadence.mail_activity_plan_b2b_cycle")
        cls.account_plan = cls.env.ref("partner_cadence.mail_activity_plan_account_management")
        cls.deal = cls.env["crm.lead"].create(
            {"name": "Warehouse heating", "type": "opportunity", "user_id": cls.salesman.id}
        )

    def _launch(self, plan, lead, user):
        scheduler = (
            self.env["mail.activity.schedule"]
            .with_user(user)
            .with_context(active_model="crm.lead", active_ids=lead.ids)
            .create({"plan_id": plan.id, "plan_on_demand_user_id": user.id})
        )
        scheduler.action_schedule_plan()
        return lead.activity_ids.filtered("cadence_cycle_template_id").sorted(
            lambda activity: activity.cadence_cycle_template_id.cadence_cycle_step
        )

    def _step(self, steps, number):
        # 18 deletes a done activity, 19 archives it.
        return steps.exists().filtered(lambda activity: activity.cadence_cycle_template_id.cadence_cycle_step == number)

    def test_the_furthest_step_done_shows_on_the_deal_and_the_board(self):
        self.assertEqual(self.seller_plan.template_ids.mapped("cadence_cycle_step"), list(range(1, 16)))
        self.assertEqual(self.account_plan.template_ids.mapped("cadence_cycle_step"), [16, 17, 18])
        steps = self._launch(self.seller_plan, self.deal, self.salesman)
        self.assertEqual(len(steps), 15)
        self.assertEqual(steps[0].date_deadline.isoformat(), "2026-11-23")
        self.assertEqual(steps[1].date_deadline.isoformat(), "2026-11-30", "a week apart, as shipped")
        self.assertEqual(
            steps[2].with_user(self.salesman).cadence_title, "Step 3 of 18: find or shape the potential needs"
        )
        self.assertFalse(self.deal.cadence_cycle_step_label)
        self._step(steps, 1).with_user(self.salesman).action_feedback("We met at their office")
        self.assertEqual(self.deal.cadence_cycle_step, 1)
        self._step(steps, 3).with_user(self.salesman).action_feedback("They need a yearly service")
        self._step(steps, 2).with_user(self.salesman).action_feedback("The director decides")
        self.assertEqual(self.deal.cadence_cycle_step, 3, "an earlier step done late does not move it back")
        self.assertEqual(self.deal.cadence_cycle_step_label, "Step 3 of 18: find or shape the potential needs")
        self.assertIn("Step 2 of 18", self.deal.message_ids[0].body + self.deal.message_ids[1].body)
        self.env.flush_all()
        board = self.env["partner.cadence.board"].search([("user_id", "=", self.salesman.id)])
        self.assertEqual((board.cycle_deals, board.cycle_step_average), (1, 3.0))

    def test_the_admin_renumbers_a_step_and_the_deals_follow(self):
        steps = self._launch(self.seller_plan, self.deal, self.salesman)
        self._step(steps, 4).action_feedback("Framework proposal sent")
        self.assertEqual(self.deal.cadence_cycle_step, 4)
        template = self.env.ref("partner_cadence.mail_activity_plan_template_framework")
        template.with_user(self.manager).cadence_cycle_step = 5
        self.assertEqual(self.deal.cadence_cycle_step, 5)
        with self.assertRaises(ValidationError):
            template.cadence_cycle_step = 19

    def test_only_a_plan_makes_a_step(self):
        by_hand = self.deal.with_user(self.salesman).activity_schedule(
            "mail.mail_activity_data_todo", summary="1. Establish the relationship"
        )
        self.assertFalse(by_hand.cadence_cycle_template_id)
        by_hand.action_feedback("Met")
        self.assertFalse(self.deal.cadence_cycle_step)
        template = self.env.ref("partner_cadence.mail_activity_plan_template_contract")
        with self.assertRaises(AccessError):
            self.env["mail.activity"].with_user(self.salesman).create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
                    "res_id": self.deal.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                    "cadence_cycle_template_id": template.id,
                }
            )

    def test_the_step_reads_in_the_readers_language(self):
        self._activate_translations()
        steps = self._launch(self.account_plan, self.deal, self.salesman)
        self.assertEqual(
            steps[2].with_user(self.salesman).with_context(lang="ru_RU").cadence_title,
            "Шаг 18 из 18: попросить отзыв",
        )

    def test_a_team_adopts_the_cycle_stages_and_keeps_its_own(self):
        team = self.env["crm.team"].create({"name": "Large Accounts"})
        own = self.env["crm.stage"].create({"name": "Site Visit", **compat.stage_team_values(team)})
        with self.assertRaises(AccessError):
            team.with_user(self.salesman).action_adopt_cycle_stages()
        team.with_user(self.manager).action_adopt_cycle_stages()
        team.with_user(self.manager).action_adopt_cycle_stages()
        stages = self.env["crm.stage"].search([(compat.STAGE_TEAMS, "=", team.id)])
        self.assertEqual(
            stages.mapped("name"),
            ["Site Visit", "Relationship", "Decision Makers", "Needs", "Proposal", "Negotiation", "Contract"],
            "once each, before the won stage, the team's own kept",
        )
        won = self.env["crm.stage"].search([("is_won", "=", True)], order="sequence", limit=1)
        self.assertTrue(all(stage.sequence < won.sequence for stage in stages - own))
