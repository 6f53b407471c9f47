from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.partner_cadence import compat

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestCompat(PartnerCadenceCommon):
    """What differs between 18.0 and 19.0 reaches the database and the browser on either."""

    def test_the_sql_constraints_exist_on_this_release(self):
        # 19 ignores _sql_constraints: compat.sql_constraints declares them its way, named as
        # 18 names them.
        self.env.cr.execute(
            "SELECT conname FROM pg_constraint WHERE conname IN %s",
            [
                (
                    "partner_cadence_schedule_partner_type_uniq",
                    "partner_cadence_level_cell_pair_unique",
                    "partner_cadence_direct_mail_one_target",
                    "crm_lead_marker_answer_lead_question_uniq",
                )
            ],
        )
        self.assertEqual(len(self.env.cr.fetchall()), 4)

    def test_a_nurture_touch_reaches_the_browser_flagged_with_its_title(self):
        lead = self.env["crm.lead"].create(
            {"name": "Heat pump", "email_from": "h@example.com", "user_id": self.salesman.id}
        )
        lead.action_start_nurture()
        touch = lead.activity_ids.filtered("nurture_touch")
        (data,) = touch.activity_format()["mail.activity"]
        self.assertIs(data["nurture_touch"], True, "the done popup asks what the touch brought")
        self.assertTrue(data["summary"])

    def test_direct_mail_is_offered_to_salespeople_only(self):
        salespeople = self.env.ref("sales_team.group_sale_salesman")
        for xmlid in ("res_partner_action_start_direct_mail", "crm_lead_action_start_direct_mail"):
            action = self.env.ref(f"partner_cadence.{xmlid}")
            self.assertEqual(action[compat.ACTION_GROUPS], salespeople)

    def test_this_test_runs_in_its_own_transaction(self):
        self.assertTrue(compat.in_test_transaction(), "the planners must not commit here")
