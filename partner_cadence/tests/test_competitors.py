from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
class TestCompetitors(PartnerCadenceCommon):
    """§1, from the source of §2: the nearest competitors, their main strengths and weaknesses
    and what we do about each; deals compete with them and are lost to them; clients buy from
    them; a report says how many deals each one won or cost us."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Competitor = cls.env["crm.competitor"]
        Competitor.search([("nearest", "=", True)]).nearest = False  # the demo's
        cls.nord = Competitor.create({"name": "Nord Realty", "nearest": True, "company_id": cls.company.id})
        cls.sud = Competitor.create({"name": "Sud Homes", "company_id": cls.company.id})
        cls.won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.reason = cls.env.ref("crm.lost_reason_1")

    def _deal(self, name, competitors, user=None, revenue=1000.0):
        return self.env["crm.lead"].create(
            {
                "name": name,
                "type": "opportunity",
                "user_id": (user or self.salesman).id,
                "company_id": self.company.id,
                "expected_revenue": revenue,
                "competitor_ids": [Command.set(competitors.ids)],
            }
        )

    def _report(self, competitor):
        rows = self.env["crm.competitor.report"]._read_group(
            [("competitor_id", "=", competitor.id)], [], ["won_count:sum", "lost_count:sum", "lost_to_count:sum"]
        )
        return rows[0]

    def test_deals_won_and_lost_per_competitor(self):
        won = self._deal("Won against Nord", self.nord, revenue=5000.0)
        lost = self._deal("Lost to Nord", self.nord | self.sud)
        self._deal("Still open", self.nord)
        won.stage_id = self.won_stage
        with freeze_time("2026-11-23"):
            wizard = (
                self.env["crm.lead.lost"]
                .with_user(self.salesman)
                .create({"lead_ids": lost.ids, "lost_reason_id": self.reason.id, "lost_competitor_id": self.nord.id})
            )
            wizard.action_lost_reason_apply()
        self.assertEqual((lost.active, lost.lost_competitor_id), (False, self.nord), "crm's Lost dialog says to whom")
        self.assertEqual(self._report(self.nord), (1, 1, 1), "the open deal is not decided yet")
        self.assertEqual(self._report(self.sud), (0, 1, 0), "Sud was in the lost deal, not the one it was lost to")
        self.assertEqual((self.nord.won_count, self.nord.lost_count, self.nord.win_rate), (1, 1, 50.0))
        self.assertEqual((self.sud.won_count, self.sud.lost_count, self.sud.win_rate), (0, 1, 0.0))
        revenue = self.env["crm.competitor.report"]._read_group(
            [("competitor_id", "=", self.nord.id)], [], ["won_revenue:sum", "win_rate:avg"]
        )
        self.assertEqual(revenue, [(5000.0, 50.0)])
        lost.action_unarchive()
        self.assertFalse(lost.lost_competitor_id, "a restored deal was not lost to anyone")
        self.nord.invalidate_recordset()
        self.assertEqual((self.nord.won_count, self.nord.lost_count), (1, 0))

    def test_a_salesperson_sees_only_their_own_deals_in_the_report(self):
        colleague = new_test_user(self.env, login="competitor_colleague", groups="sales_team.group_sale_salesman")
        for user in (self.salesman, colleague):
            self._deal(f"Deal of {user.name}", self.nord, user=user).stage_id = self.won_stage
        Report = self.env["crm.competitor.report"]
        self.assertEqual(Report.search_count([("competitor_id", "=", self.nord.id)]), 2)
        self.assertEqual(Report.with_user(self.salesman).search([]).user_id, self.salesman)
        self.assertEqual(self.nord.with_user(self.manager).won_count, 2, "the manager sees the team's")

    def test_the_nearest_are_few_and_the_analysis_says_what_is_missing(self):
        Competitor = self.env["crm.competitor"].with_user(self.manager)
        Competitor.create([{"name": f"Near {index}", "nearest": True} for index in (2, 3)])
        with self.assertRaises(ValidationError):
            Competitor.create({"name": "Near 4", "nearest": True})
        self._set_cadence_settings(competitors_nearest=4)
        Competitor.create({"name": "Near 4", "nearest": True})
        self.assertEqual(self.nord.analysis_todo, "strengths: 5, weaknesses: 5")
        self.nord.with_user(self.salesman).write(
            {
                "strength_ids": [Command.create({"name": f"Strength {index}"}) for index in range(5)],
                "weakness_ids": [
                    Command.create({"name": "Slow to answer", "response": "Answer within the hour"}),
                ],
            }
        )
        self.assertEqual(self.nord.strength_ids.mapped("kind"), ["strength"] * 5)
        self.assertEqual(self.nord.weakness_ids.response, "Answer within the hour")
        self.assertEqual(self.nord.analysis_todo, "weaknesses: 4")
        self._set_cadence_settings(competitor_points=3)
        self.nord.invalidate_recordset()
        self.assertEqual(self.nord.analysis_todo, "weaknesses: 2", "follows the admin's number")
        with self.assertRaises(ValidationError):
            self._set_cadence_settings(competitor_points=0)

    def test_clients_say_whom_they_buy_from_never_across_companies(self):
        client = self._create_partner("Client Buying Elsewhere", company_id=self.company.id)
        client.with_user(self.salesman).cadence_competitor_purchase_ids = [
            Command.create({"competitor_id": self.nord.id, "products": "Rentals", "offers": "Lower fees"}),
            Command.create({"products": "Valuations"}),
        ]
        self.assertEqual(self.nord.client_count, 1)
        self.assertEqual(
            self.env["res.partner"].search(self.nord.action_open_clients()["domain"]), client, "its Clients button"
        )
        foreign = self.env["crm.competitor"].create(
            {"name": "Foreign", "company_id": self.env["res.company"].create({"name": "Other"}).id}
        )
        with self.assertRaises(UserError):
            client.cadence_competitor_purchase_ids = [Command.create({"competitor_id": foreign.id})]
        with self.assertRaises(UserError):
            self._deal("Across companies", foreign)
        self.assertEqual(len(client.cadence_competitor_purchase_ids), 2, "nothing half-saved")
