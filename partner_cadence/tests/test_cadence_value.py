from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23")
class TestCadenceValue(PartnerCadenceCommon):
    def test_the_overdue_list_shows_how_late_each_partner_is(self):
        self.assertEqual(self.realtor.next_touch_date, date(2026, 11, 17))
        self.assertEqual(self.realtor.cadence_days_late, 6)
        self.realtor.cadence_tier_id = self.tier_quarterly
        self.assertEqual(self.realtor.cadence_days_late, 0, "not late any more: not late at all")

    def test_value_is_won_revenue_of_the_last_twelve_months(self):
        self._won_deal(self.realtor, 6000, datetime(2026, 3, 1))
        self._won_deal(self.realtor, 4000, datetime(2026, 10, 1))
        self._won_deal(self.realtor, 9999, datetime(2025, 10, 1))
        self.env["res.partner"]._refresh_cadence_values()
        self.assertEqual(self.realtor.cadence_value, 10000)

    def test_value_at_risk_is_months_overdue_times_loss_times_value(self):
        partner = self._create_partner(
            "Late Realtor",
            self.tier_monthly,
            date(2026, 8, 24),
            self.salesman,
            since=date(2026, 8, 24),
            cadence_value_manual=10000,
        )
        # Due on 24 September, two months late on 23 November at 10% a month.
        self.env["res.partner"]._refresh_cadence_values()
        self.assertAlmostEqual(partner.cadence_value_at_risk, 1971.3, delta=0.5)
        overdue = self.env["res.partner"].search(
            [("id", "in", (partner | self.realtor).ids), ("next_touch_date", "<", "2026-11-23")],
            order="cadence_value_at_risk desc",
        )
        self.assertEqual(overdue.ids, [partner.id, self.realtor.id])
        partner._plan_cadence_reminders()
        self._reminders(partner).action_done()
        self.assertEqual(partner.cadence_value_at_risk, 0)

    def test_values_are_refreshed_by_every_run_without_state(self):
        partner = self._create_partner(
            "Daily Value", self.tier_monthly, date(2026, 9, 1), self.salesman, since=date(2026, 9, 1)
        )
        params = self.env["ir.config_parameter"].sudo()
        before = {param.key: (param.value, param.write_date) for param in params.search([])}
        self.env["res.partner"]._refresh_cadence_values()
        self.assertEqual(partner.cadence_value_at_risk, 0)
        self.env.cr.execute("UPDATE res_partner SET cadence_value_manual = 500 WHERE id = %s", [partner.id])
        self.env["res.partner"]._refresh_cadence_values()
        partner.invalidate_recordset()
        self.assertGreater(partner.cadence_value_at_risk, 0, "a rerun the same day sees the change")
        self.assertEqual(
            {param.key: (param.value, param.write_date) for param in params.search([])},
            before,
            "no parameter written on each run",
        )

    def test_share_of_wallet_and_up_sell(self):
        partner = self._create_partner("Wallet Client", cadence_value_manual=30000)
        self.env["res.partner"]._refresh_cadence_values()
        partner.cadence_wallet_total = 120000
        self.assertAlmostEqual(partner.cadence_share_of_wallet, 25.0)
        self.assertEqual(partner.cadence_upsell_potential, 4500, "15% more of what they buy from us")
        partner.cadence_wallet_total = 32000
        self.assertEqual(partner.cadence_upsell_potential, 2000, "at most what they buy elsewhere")
        partner.cadence_wallet_total = 120000
        with self.assertRaisesRegex(ValidationError, "above 100%"), self.cr.savepoint():
            partner.cadence_wallet_total = 20000
        self.assertEqual(partner.cadence_wallet_total, 120000)

    def test_bad_partner_numbers_are_refused(self):
        for field in ("cadence_deal_count", "cadence_team_size"):
            with self.subTest(field=field), self.assertRaises(ValidationError), self.cr.savepoint():
                self._create_partner("Bad Numbers", **{field: -1})
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Bad Numbers")]))

    def test_bad_tiers_are_refused_and_nothing_is_saved(self):
        Tier = self.env["partner.cadence.tier"]
        bad = {
            "period": self._tier_values("Never", (self.call_type, 1), interval_number=0),
            "no line": {**self._tier_values("Empty"), "line_ids": []},
            "negative touches": self._tier_values("Minus", (self.call_type, -1)),
            "same type twice": self._tier_values("Twice", (self.call_type, 1), (self.call_type, 2)),
            "no type": {**self._tier_values("Typeless"), "line_ids": [Command.create({"touch_count": 1})]},
        }
        for case, values in bad.items():
            with self.subTest(case=case), self.assertRaises(ValidationError), self.cr.savepoint():
                Tier.create(values)
        self.assertFalse(Tier.search([("name", "in", ["Never", "Empty", "Minus", "Twice", "Typeless"])]))
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.tier_weekly.interval_number = -2
        self.assertEqual(self.tier_weekly.interval_number, 1)

    def test_bad_settings_are_refused(self):
        bad = {
            "partner_cadence_horizon_days": -1,
            "partner_cadence_market_size": 0,
            "partner_cadence_monthly_loss_percent": 120,
            "partner_cadence_value_window_months": 0,
        }
        for field, value in bad.items():
            with self.subTest(field=field), self.assertRaises(ValidationError):
                settings = Form(self.env["res.config.settings"])
                setattr(settings, field, value)
                settings.save()
        self.assertEqual(self.env["ir.config_parameter"].sudo().get_param("partner_cadence.horizon_days"), "7")

    def test_value_at_risk_is_current_when_a_value_is_typed_or_a_touch_recorded(self):
        overdue = self._create_partner(
            "Late Realtor", self.tier_weekly, date(2026, 10, 1), self.salesman, since=date(2026, 10, 1)
        )
        overdue.cadence_value_manual = 1000
        self.assertGreater(overdue.cadence_value_at_risk, 0, "at once, not after the nightly run")
        overdue._register_cadence_touch(date(2026, 11, 23))
        self.assertEqual(overdue.cadence_value_at_risk, 0, "a touch today puts nothing at risk")
        self.assertEqual(overdue.cadence_value, 1000)

    def test_a_partner_is_worth_what_its_recommendations_bought(self):
        buyer = self._create_partner("Referred Buyer", referred_by_id=self.realtor.id)
        self._won_deal(buyer, 5000, datetime(2026, 10, 1))
        referred_lead = self._won_deal(self.env["res.partner"], 0, datetime(2026, 10, 1))
        referred_lead.write({"expected_revenue": 3000, "referred_by_id": self.realtor.id})
        self.env["res.partner"]._refresh_cadence_values()
        self.assertEqual(self.realtor.cadence_won_revenue, 8000, "a realtor rarely buys: it sends buyers")
        self.assertEqual(buyer.cadence_won_revenue, 5000, "the buyer keeps its own")

    def test_an_untouched_nurtured_lead_loses_a_tenth_a_month(self):
        lead = self.env["crm.lead"].create(
            {"name": "Quiet lead", "expected_revenue": 10000, "user_id": self.salesman.id}
        )
        lead.action_start_nurture()
        self.assertEqual(lead.nurture_value_at_risk, 0, "its first touch is due today")
        with freeze_time("2027-01-23"):
            lead.invalidate_recordset(["nurture_value_at_risk"])
            self.assertAlmostEqual(lead.nurture_value_at_risk, 2000, delta=50)

    def test_the_cadence_currency_follows_the_company_and_the_main_company(self):
        other = self.env["res.company"].create({"name": "Cadence Lei", "currency_id": self.env.ref("base.RON").id})
        local = self.env["res.partner"].create({"name": "Local Client", "company_id": other.id})
        shared = self.env["res.partner"].create({"name": "Shared Client"})
        self.assertEqual(local.cadence_currency_id, self.env.ref("base.RON"))
        self.assertEqual(shared.cadence_currency_id, self.company.currency_id)
        self.env.ref("base.MDL").active = True
        other.currency_id = self.env.ref("base.MDL")
        self.company.currency_id = self.env.ref("base.MDL")
        self.assertEqual(local.cadence_currency_id, self.env.ref("base.MDL"))
        self.assertEqual(
            shared.cadence_currency_id, self.env.ref("base.MDL"), "shared partners count in the main company's"
        )
