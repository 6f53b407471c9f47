from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged, users
from odoo.tools import mute_logger

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
class TestBuyingCentre(PartnerCadenceCommon):
    """§5, step 2 of the B2B cycle: an opportunity lists who decides and who influences the
    decision, and its authority mark follows from a decision maker identified and met."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Carpați Logistics", "is_company": True})
        cls.director = cls.env["res.partner"].create(
            {"name": "Ion Director", "parent_id": cls.customer.id, "function": "Director"}
        )
        cls.engineer = cls.env["res.partner"].create({"name": "Ana Engineer", "parent_id": cls.customer.id})
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Carpați warehouse",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "qualification_need": "yes",
                "qualification_desire": "yes",
                "qualification_funds": "yes",
            }
        )

    @users("cadence_salesman")
    def test_authority_follows_a_decision_maker_met(self):
        lead = self.lead.with_env(self.env)
        self.assertEqual((lead.qualification_authority, lead.qualification_score), ("unknown", 75))
        with Form(lead) as form:
            with form.buying_role_ids.new() as member:
                member.partner_id = self.engineer
                member.role = "influencer"
                member.met = True
            with form.buying_role_ids.new() as member:
                member.partner_id = self.director
                member.role = "decision_maker"
        self.assertEqual(lead.buying_role_ids.mapped("function"), [False, "Director"])
        self.assertEqual(lead.qualification_authority, "unknown", "an influencer met does not sign")
        director = lead.buying_role_ids.filtered(lambda member: member.role == "decision_maker")
        director.met = True
        self.assertEqual((lead.qualification_authority, lead.qualification_score), ("yes", 100))
        director.role = "user"
        self.assertEqual(lead.qualification_authority, "unknown", "the one met turned out not to decide")
        director.role = "decision_maker"
        director.unlink()
        self.assertEqual((lead.qualification_authority, lead.qualification_score), ("unknown", 75))

    def test_authority_is_not_a_tick_box(self):
        self.assertTrue(self.env["crm.lead"]._fields["qualification_authority"].readonly)
        lead = self.env["crm.lead"].create(
            {
                "name": "Decided at once",
                "buying_role_ids": [
                    Command.create({"partner_id": self.director.id, "role": "decision_maker", "met": True})
                ],
            }
        )
        self.assertEqual(lead.qualification_authority, "yes", "derived when the lead is created too")

    def test_a_person_holds_a_role_once_and_never_from_another_company(self):
        self.lead.buying_role_ids = [Command.create({"partner_id": self.director.id, "role": "decision_maker"})]
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["crm.lead.buying.role"].create(
                {"lead_id": self.lead.id, "partner_id": self.director.id, "role": "decision_maker"}
            )
        other_company = self.env["res.company"].create({"name": "Other Logistics"})
        stranger = self.env["res.partner"].create({"name": "Stranger", "company_id": other_company.id})
        self.lead.company_id = self.company
        with self.assertRaises(UserError):
            self.env["crm.lead.buying.role"].create({"lead_id": self.lead.id, "partner_id": stranger.id})
        self.assertEqual(len(self.lead.buying_role_ids), 1, "nothing half-saved")

    def test_a_salesperson_sees_only_the_buying_centres_of_their_leads(self):
        colleague = new_test_user(self.env, login="buying_colleague", groups="sales_team.group_sale_salesman")
        theirs = self.env["crm.lead"].create(
            {
                "name": "Colleague's deal",
                "user_id": colleague.id,
                "buying_role_ids": [Command.create({"partner_id": self.director.id, "role": "decision_maker"})],
            }
        )
        Role = self.env["crm.lead.buying.role"].with_user(self.salesman)
        self.assertFalse(Role.search([("lead_id", "=", theirs.id)]))
        with self.assertRaises(AccessError):
            theirs.buying_role_ids.with_user(self.salesman).met = True
        with self.assertRaises(AccessError):
            Role.create({"lead_id": theirs.id, "partner_id": self.engineer.id, "role": "influencer"})
        self.assertEqual(theirs.qualification_authority, "unknown")
        portal = new_test_user(self.env, login="buying_portal", groups="base.group_portal")
        with self.assertRaises(AccessError):
            self.env["crm.lead.buying.role"].with_user(portal).search([])
