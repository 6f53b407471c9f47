from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.tests import Form, tagged, users

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23")
class TestLargestFirst(PartnerCadenceCommon):
    """§2: work from the largest down. Companies record their size; prospects and overdue
    partners are listed by potential, then size."""

    def _list_order(self, xmlid):
        return etree.fromstring(self.env.ref(xmlid).arch).get("default_order")

    def _company(self, name, size):
        return self.env["res.partner"].create({"name": name, "is_company": True, "cadence_company_size": size})

    def _lead(self, name, **values):
        return self.env["crm.lead"].create({"name": name, "type": "opportunity", "user_id": self.salesman.id, **values})

    def test_a_contact_reads_its_company_size_and_follows_it(self):
        company = self._company("Granit Construct", "medium")
        contact = self._create_partner("Pavel Granit", self.tier_weekly, date(2026, 11, 1), parent_id=company.id)
        self.assertEqual(contact.cadence_company_size, "medium")
        lead = self._lead("Heat pumps", partner_id=contact.id)
        self.assertEqual(lead.cadence_company_size, "medium")
        rank = lead.cadence_work_rank
        company.cadence_company_size = "large"
        self.assertEqual(contact.cadence_company_size, "large", "a contact works for its company")
        self.assertEqual(lead.cadence_company_size, "large", "its leads follow")
        self.assertGreater(lead.cadence_work_rank, rank)
        self.assertGreater(contact.cadence_work_rank, self._create_partner("Alone", None).cadence_work_rank)

    def test_the_overdue_list_puts_larger_companies_first(self):
        small = self._create_partner(
            "Small Realtor",
            self.tier_weekly,
            date(2026, 10, 1),
            parent_id=self._company("Tiny Realty", "small").id,
            cadence_value_manual=90000,
        )
        large = self._create_partner(
            "Large Realtor",
            self.tier_weekly,
            date(2026, 11, 10),
            parent_id=self._company("Big Realty", "large").id,
            cadence_value_manual=1000,
        )
        self.env["res.partner"]._refresh_cadence_values()
        self.assertGreater(small.cadence_value_at_risk, large.cadence_value_at_risk)
        order = self._list_order("partner_cadence.res_partner_view_list_cadence_overdue")
        found = self.env["res.partner"].search([("id", "in", (small | large | self.realtor).ids)], order=order)
        self.assertEqual(found.mapped("name"), ["Large Realtor", "Small Realtor", "Elena Realtor"])

    def test_nurtured_leads_come_by_potential_then_size(self):
        leads = (
            self._lead("Standard, small", cadence_company_size="small")
            | self._lead("Standard, large", cadence_company_size="large")
            | self._lead("Size unknown")
        )
        high = self._lead("High, small", cadence_company_size="small")
        high.potential = "high"
        order = self._list_order("partner_cadence.crm_lead_view_list_nurtured")
        found = self.env["crm.lead"].search([("id", "in", (leads | high).ids)], order=order)
        self.assertEqual(found.mapped("name"), ["High, small", "Standard, large", "Standard, small", "Size unknown"])

    @users("cadence_salesman")
    def test_a_salesperson_types_the_size_of_a_prospect_and_it_goes_to_the_customer(self):
        lead = self.env["crm.lead"].create({"name": "Sky Business Centre", "partner_name": "Sky Business Centre"})
        with Form(lead) as form:
            form.cadence_company_size = "large"
        self.assertEqual(lead.cadence_company_size, "large")
        lead._handle_partner_assignment(create_missing=True)
        customer = lead.partner_id
        self.assertTrue(customer.is_company)
        self.assertEqual(customer.cadence_company_size, "large", "converted with it")
        self.assertEqual(lead.cadence_company_size, "large")

    def test_a_large_team_makes_a_prospect_for_our_own_products(self):
        """§1: team size matters, a bigger company has a bigger advertising budget and can be
        sold to as well. The threshold is a setting; changing it moves the flags at once."""
        self._set_cadence_settings(own_products_team_size=10)
        agency = self._create_partner("Agenția Mare", self.tier_weekly, cadence_team_size=12)
        duo = self._create_partner("Duo Imobil", self.tier_weekly, cadence_team_size=2)
        unknown = self._create_partner("Fără Date", self.tier_weekly)
        self.assertEqual((agency.cadence_own_products_prospect, duo.cadence_own_products_prospect), (True, False))
        self.assertFalse(unknown.cadence_own_products_prospect, "an unknown team is no prospect")
        prospects = self.env["res.partner"].search([("cadence_own_products_prospect", "=", True)])
        self.assertIn(agency, prospects)
        self.assertNotIn(duo, prospects)

        duo.with_user(self.salesman).cadence_team_size = 25
        self.assertTrue(duo.cadence_own_products_prospect, "the salesperson learns the team grew")
        self._set_cadence_settings(own_products_team_size=20)
        self.assertFalse(agency.cadence_own_products_prospect, "the admin raised the bar")
        self.assertTrue(duo.cadence_own_products_prospect)
        self._set_cadence_settings(own_products_team_size=0)
        self.assertFalse((agency | duo).filtered("cadence_own_products_prospect"), "0 flags nobody")
