from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.partner_cadence import compat

from .common import PartnerCadenceHttpCommon


@tagged("post_install", "-at_install", "partner_cadence_http")
class TestRpcAccess(PartnerCadenceHttpCommon):
    """Every public method of the addon, called over JSON-RPC by those who must not use it:
    a portal user, and a salesperson of another company. Each call is refused and changes
    nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(cls.env, login="rpc_portal", groups="base.group_portal")
        cls.outsider = cls._other_company_user("rpc_outsider", "sales_team.group_sale_salesman_all_leads")
        cls.partner = cls._create_partner("RPC Realtor", cls.tier_weekly, company_id=cls.company.id)
        cls.lead = cls.env["crm.lead"].create(
            {"name": "RPC Lead", "company_id": cls.company.id, "type": "opportunity", "nurture_stop_reason": "x"}
        )
        cls.sheet_row = cls.env["partner.cadence.prospect.sheet.line"].create({"company_name": "RPC Prospect"})
        cls.competitor = cls.env["crm.competitor"].create({"name": "RPC Competitor", "company_id": cls.company.id})
        cls.team = cls.env["crm.team"].create({"name": "RPC Team", "company_id": cls.company.id})
        cls.call = cls.partner.activity_schedule("mail.mail_activity_data_call", user_id=cls.env.user.id)
        cls.wizard = (
            cls.env["res.partner.referral.wizard"]
            .with_context(default_partner_id=cls.partner.id)
            .create({"line_ids": [Command.create({"name": "RPC Recommended"})]})
        )
        cls.outcome = cls.env["partner.cadence.call.outcome"].create(
            {"activity_id": cls.call.id, "outcome": "not_interested"}
        )
        cls.done = cls.env["partner.cadence.activity.done"].create(
            {"activity_ids": [Command.set(cls.call.ids)], "feedback": "x"}
        )

    def _call(self, model, method, record_ids):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": [record_ids], "kwargs": {}},
        )

    def _public_methods(self):
        return [
            ("res.partner", self.partner.ids, "action_open_referral_tree"),
            ("res.partner", self.partner.ids, "action_who_can_introduce_me"),
            ("res.partner", self.partner.ids, "action_open_referrals"),
            ("res.partner", self.partner.ids, "action_record_referrals"),
            ("res.partner", self.partner.ids, "action_apply_suggested_tier"),
            ("res.partner", self.partner.ids, "action_open_cadence_reminders"),
            ("crm.lead", self.lead.ids, "action_set_lost_low_potential"),
            ("crm.lead", self.lead.ids, "action_hand_off"),
            ("crm.lead", self.lead.ids, "action_start_nurture"),
            ("crm.lead", self.lead.ids, "action_pause_nurture"),
            ("crm.lead", self.lead.ids, "action_resume_nurture"),
            ("crm.lead", self.lead.ids, "action_stop_nurture"),
            ("partner.cadence.tier", self.tier_weekly.ids, "action_open_partners"),
            ("crm.competitor", self.competitor.ids, "action_open_deals"),
            ("crm.competitor", self.competitor.ids, "action_open_clients"),
            ("crm.team", self.team.ids, "action_adopt_cycle_stages"),
            ("res.partner.referral.wizard", self.wizard.ids, "action_record"),
            ("mail.activity", self.call.ids, "action_no_answer"),
            ("mail.activity", self.call.ids, "action_call_outcome"),
            ("partner.cadence.call.outcome", self.outcome.ids, "action_apply"),
            ("partner.cadence.activity.done", self.done.ids, "action_done"),
            ("partner.cadence.prospect.sheet.line", self.sheet_row.ids, "action_merge"),
        ]

    def _assert_all_refused(self, login, allowed=()):
        self.authenticate(login, login)
        for model, ids, method in self._public_methods():
            if (model, method) in allowed:
                continue
            with self.subTest(user=login, method=f"{model}.{method}"):
                with self.assertRaises(JsonRpcException) as refused:
                    self._call(model, method, ids)
                self.assertEqual(refused.exception.args[0], "odoo.exceptions.AccessError")
        self.assertFalse(self.lead.nurture_state, "nothing changed")
        self.assertTrue(self.lead.active)
        self.assertFalse(self.partner.referral_given_ids)
        self.assertFalse(self.partner.cadence_unanswered_count)
        self.assertFalse(self.partner.cadence_paused_until)
        self.assertTrue(self.call.exists() and self.call.active)
        self.assertEqual(self.sheet_row.state, "new")
        self.assertFalse(self.env["crm.stage"].search_count([(compat.STAGE_TEAMS, "=", self.team.id)]))

    def test_a_portal_user_is_refused_every_public_method(self):
        self._assert_all_refused("rpc_portal")

    def test_a_salesperson_of_another_company_is_refused_every_public_method(self):
        # The shipped tiers are shared by every company: listing a tier's partners is theirs
        # to do, and shows them only their own company's partners.
        self._assert_all_refused("rpc_outsider", allowed={("partner.cadence.tier", "action_open_partners")})

    def test_a_portal_user_can_neither_read_nor_write_the_client_level_grid(self):
        row = self.env["partner.cadence.level.row"].search([("financial_standing", "=", "low")])
        level = row.tier_loyal_id
        self.authenticate("rpc_portal", "rpc_portal")
        for method, args in (("read", [row.ids, ["tier_loyal_id"]]), ("write", [row.ids, {"tier_loyal_id": 1}])):
            with self.subTest(method=method), self.assertRaises(JsonRpcException) as refused:
                self.make_jsonrpc_request(
                    f"/web/dataset/call_kw/partner.cadence.level.row/{method}",
                    {"model": "partner.cadence.level.row", "method": method, "args": args, "kwargs": {}},
                )
            self.assertEqual(refused.exception.args[0], "odoo.exceptions.AccessError")
        row.invalidate_recordset()
        self.assertEqual(row.tier_loyal_id, level)

    def test_private_methods_cannot_be_called_at_all(self):
        """Refused as private, called with the arguments they take: not for a wrong call."""
        self.authenticate("rpc_outsider", "rpc_outsider")
        for method, args in (
            ("_cron_plan_partners", []),
            ("_run_batches", ["res.partner", [], "_replan_partners"]),
            ("_rederive", ["res.partner", [], ["cadence_deal_count"]]),
            ("_replace_moved_reminders", []),
        ):
            with self.subTest(method=method), self.assertRaises(JsonRpcException) as refused:
                self.make_jsonrpc_request(
                    f"/web/dataset/call_kw/partner.cadence.planner/{method}",
                    {"model": "partner.cadence.planner", "method": method, "args": args, "kwargs": {}},
                )
            # Private methods are refused with an AccessError; a wrong call would be a TypeError.
            self.assertEqual(refused.exception.args[0], "odoo.exceptions.AccessError")

    def test_no_role_links_another_companys_partner_over_json_rpc(self):
        """A recommendation from our partner to another company's, created over JSON-RPC by
        every role of our company, is refused and nothing is saved."""
        stranger = self._create_partner("RPC Stranger", company_id=self.outsider.company_id.id)
        for groups in (
            "sales_team.group_sale_salesman",
            "sales_team.group_sale_salesman_all_leads",
            "sales_team.group_sale_manager",
        ):
            login = f"rpc_{groups.split('.')[1]}"
            new_test_user(
                self.env, login=login, groups=groups, company_id=self.company.id, company_ids=[self.company.id]
            )
            self.authenticate(login, login)
            with self.subTest(role=groups), self.assertRaises(JsonRpcException) as refused:
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw/res.partner.referral/create",
                    {
                        "model": "res.partner.referral",
                        "method": "create",
                        "args": [{"referrer_id": self.partner.id, "referred_id": stranger.id}],
                        "kwargs": {},
                    },
                )
            self.assertIn(refused.exception.args[0], ("odoo.exceptions.UserError", "odoo.exceptions.AccessError"))
        self.assertFalse(self.env["res.partner.referral"].search([("referred_id", "=", stranger.id)]))
