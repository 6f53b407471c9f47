from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestAccessLeaks(PartnerCadenceCommon):
    """Computed fields and actions read with the user's rights: no name of another company's
    partner, no answer on another salesperson's lead."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Other Realty"})
        cls.mine = cls._create_partner("My Own Realtor", user=cls.salesman, company_id=cls.company.id)
        cls.hidden = cls._create_partner("Hidden Broker", company_id=cls.company.id)
        cls.target = cls._create_partner("Target Client", company_id=cls.company.id)
        Referral = cls.env["res.partner.referral"]
        Referral.create({"referrer_id": cls.mine.id, "referred_id": cls.hidden.id})
        Referral.create({"referrer_id": cls.hidden.id, "referred_id": cls.target.id})
        # No recommendation links two companies when it is made; a partner moved to another
        # company later leaves the chain across them, and the walks must hide it.
        cls.hidden.company_id = cls.other_company

    def test_the_chain_from_the_root_hides_another_companys_partner(self):
        target = self.target.with_user(self.salesman)
        self.assertNotIn("Hidden Broker", target.referral_path)
        self.assertTrue(target.referral_path.endswith("Target Client"))
        self.assertEqual(target.referral_depth, 2)
        self.assertIn("Hidden Broker", self.target.referral_path, "the admin sees every name")

    def test_who_can_introduce_me_walks_only_through_visible_partners(self):
        result = self.target.with_user(self.salesman).action_who_can_introduce_me()
        self.assertEqual(result["tag"], "display_notification", "no chain the salesman may read")
        self.assertNotIn("Hidden Broker", str(result))
        self.assertIn("within 6 handshakes", result["params"]["message"])
        self.assertEqual(
            self.target.with_user(self.salesman).sudo()._find_introduction_chain(),
            (self.mine | self.hidden | self.target).ids,
            "only the salesman's rights hide the chain: the superuser's walk finds it",
        )

    def test_an_own_leads_salesperson_cannot_answer_another_salespersons_lead(self):
        question = self.env["crm.lead.marker.question"].create(
            {"name": "Staff?", "option_ids": [Command.create({"name": "Many", "potential": "high"})]}
        )
        colleague = new_test_user(
            self.env, login="cadence_colleague", name="Colin Colleague", groups="sales_team.group_sale_salesman"
        )
        lead = self.env["crm.lead"].create({"name": "Colleague's lead", "user_id": colleague.id})
        answer = lead.marker_answer_ids.filtered(lambda a: a.question_id == question)
        self.assertTrue(answer)
        with self.assertRaises(AccessError):
            answer.with_user(self.salesman).option_id = question.option_ids
        self.assertFalse(
            self.env["crm.lead.marker.answer"].with_user(self.salesman).search([("lead_id", "=", lead.id)])
        )
        answer.with_user(colleague).option_id = question.option_ids
        self.assertEqual(lead.potential, "high")
