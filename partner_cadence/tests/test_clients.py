from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged, users

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestClients(PartnerCadenceCommon):
    """Existing clients (§7): repurchase timing, sales plan, ABC and XYZ, NPS."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_partner("Irina Client", None, None, cls.salesman, is_company=True)
        cls.survey_type = cls.env.ref("partner_cadence.mail_activity_type_nps_survey")

    def _buy(self, partner, amount, day):
        lead = self.env["crm.lead"].create(
            {
                "name": f"Order {amount} {day}",
                "partner_id": partner.id,
                "type": "opportunity",
                "expected_revenue": amount,
            }
        )
        lead.action_set_won()
        lead.date_closed = datetime.combine(day, datetime.min.time())
        return lead

    def _refresh(self):
        self.env["res.partner"]._refresh_cadence_clients()

    def test_repurchase_is_expected_after_the_usual_gap_and_called_a_week_before(self):
        # Lapsed since 15 Nov, this client would get the win-back call instead (test_winback).
        self._set_cadence_settings(winback_days=0)
        for day in (date(2026, 3, 1), date(2026, 6, 29), date(2026, 7, 27)):
            self._buy(self.client, 2300, day)
        self._refresh()
        # Gaps of 120 and 28 days: the median, 74, after the last purchase.
        self.assertEqual(self.client.cadence_repurchase_interval, 74)
        self.assertEqual(self.client.cadence_repurchase_date, date(2026, 10, 9))
        self.assertEqual(self.client.cadence_average_purchase, 2300)
        reminder = self.client._get_cadence_reminders(["repurchase"])
        self.assertEqual(reminder.date_deadline, date(2026, 10, 2), "a week before the expected purchase")
        self.assertEqual(reminder.user_id, self.salesman)
        self.assertIn("usually buys every 74 days", reminder.note)
        self._buy(self.client, 1000, date(2026, 11, 20))
        self._refresh()
        # Gaps of 120, 28 and 116 days now: 116 after the new purchase.
        self.assertEqual(self.client.cadence_repurchase_date, date(2027, 3, 16))
        self.assertEqual(len(self.client._get_cadence_reminders(["repurchase"])), 1, "moved, not doubled")

    def test_too_few_purchases_get_no_date_and_no_reminder(self):
        self._buy(self.client, 500, date(2026, 5, 1))
        self._buy(self.client, 500, date(2026, 8, 1))
        self._refresh()
        self.assertEqual(self.client.cadence_purchase_count, 2)
        self.assertFalse(self.client.cadence_repurchase_date)
        self.assertFalse(self.client._get_cadence_reminders(["repurchase"]))

    def test_sales_plan_is_last_year_plus_upsell_unless_set_by_hand(self):
        self._buy(self.client, 10000, date(2025, 6, 1))
        self._buy(self.client, 3000, date(2026, 2, 1))
        self._refresh()
        self.assertEqual(self.client.cadence_last_year_purchases, 10000)
        self.assertAlmostEqual(self.client.cadence_sales_target, 11500)
        self.assertEqual(self.client.cadence_year_purchases, 3000)
        self.assertAlmostEqual(self.client.cadence_target_gap, 8500)
        self.client.cadence_sales_target = 20000
        self._refresh()
        self.assertEqual(self.client.cadence_sales_target, 20000, "a plan set by hand stays")
        self.assertAlmostEqual(self.client.cadence_target_gap, 17000)
        with self.assertRaises(ValidationError):
            self.client.cadence_sales_target = -1

    def test_abc_and_xyz_in_one_pass(self):
        steady = self._create_partner("Steady Buyer", None, None, self.salesman, is_company=True)
        for month in range(1, 12):
            self._buy(steady, 1000000, date(2026, month, 5))
        self._buy(steady, 1000000, date(2025, 12, 5))
        self._buy(self.client, 500, date(2026, 4, 1))
        self._refresh()
        self.assertEqual((steady.cadence_abc_class, steady.cadence_xyz_class), ("A", "X"))
        self.assertEqual((self.client.cadence_abc_class, self.client.cadence_xyz_class), ("C", "Z"))

    def test_a_survey_without_a_score_is_refused_and_nothing_saved(self):
        survey = self.client.activity_schedule(act_type_xmlid="partner_cadence.mail_activity_type_nps_survey")
        with self.assertRaisesRegex(UserError, "from 0 to 10"):
            survey.action_feedback(feedback="They were busy")
        self.assertTrue(survey.exists())
        self.assertFalse(self.client.cadence_nps_date)

    def test_done_from_my_activities_asks_the_clients_answer_first(self):
        survey = self.client.activity_schedule(
            act_type_xmlid="partner_cadence.mail_activity_type_nps_survey", user_id=self.salesman.id
        ).with_user(self.salesman)
        self.assertTrue(survey.cadence_asks_score)
        action = survey.action_done()
        wizard = self.env["partner.cadence.activity.done"].with_user(self.salesman).browse(action["res_id"])
        self.assertTrue(wizard.asks_score)
        with self.assertRaisesRegex(UserError, "from 0 to 10"):
            wizard.action_done()
        wizard.write({"score": "9", "feedback": "Happy with the installers"})
        wizard.action_done()
        self.assertEqual((self.client.cadence_nps_score, self.client.cadence_nps_group), (9, "promoter"))

    def test_a_survey_planned_in_english_reads_in_russian(self):
        self._activate_translations()
        survey = self.client.activity_schedule(act_type_xmlid="partner_cadence.mail_activity_type_nps_survey")
        self.assertEqual(survey.summary, "How likely are they to recommend us, 0 to 10?")
        russian = survey.with_context(lang="ru_RU")
        self.assertEqual(russian.cadence_title, russian.activity_type_id.summary)
        self.assertNotEqual(russian.cadence_title, survey.summary)

    def test_a_promoter_is_asked_for_referrals_and_a_detractor_called(self):
        promoter = self.client
        detractor = self._create_partner("Unhappy Client", None, None, self.salesman, is_company=True)
        promoter.activity_schedule(act_type_xmlid="partner_cadence.mail_activity_type_nps_survey").action_feedback(
            feedback="<p>9, very happy with the installers</p>"
        )
        detractor.activity_schedule(act_type_xmlid="partner_cadence.mail_activity_type_nps_survey").action_feedback(
            feedback="3"
        )
        self.assertEqual((promoter.cadence_nps_score, promoter.cadence_nps_group), (9, "promoter"))
        self.assertEqual((detractor.cadence_nps_score, detractor.cadence_nps_group), (3, "detractor"))
        ask = promoter._get_cadence_reminders(["nps_follow_up"])
        self.assertEqual(ask.activity_type_id, self.env.ref("partner_cadence.mail_activity_type_ask_referrals"))
        call = detractor._get_cadence_reminders(["nps_follow_up"])
        self.assertEqual((call.activity_type_id, call.user_id), (self.call_type, self.salesman))
        self.assertEqual(self.env["res.partner"]._get_company_nps(date(2026, 11, 1), date(2026, 11, 30)), 0)

    @users("cadence_salesman")
    def test_a_salesperson_records_the_wallet_answers(self):
        client = self.client.with_env(self.env)
        client.cadence_wallet_buy_more = "Faster delivery"
        client.invalidate_recordset(["cadence_wallet_buy_more"])
        self.assertEqual(client.cadence_wallet_buy_more, "Faster delivery", "stored, as the salesperson")

    def test_an_admin_maps_abc_xyz_cells_to_a_level(self):
        self.level_1.segment_cells = "ax, AY"
        steady = self._create_partner("Mapped Buyer", None, None, self.salesman, is_company=True)
        for month in range(1, 12):
            self._buy(steady, 1000000, date(2026, month, 5))
        self._buy(steady, 1000000, date(2025, 12, 5))
        self._refresh()
        self.assertEqual(steady.cadence_segment_tier_id, self.level_1)
        with self.assertRaisesRegex(ValidationError, "AX or BZ"):
            self.level_1.segment_cells = "AX, DZ"

    def test_share_of_clients_with_a_known_wallet(self):
        self._buy(self.client, 500, date(2026, 4, 1))
        self._refresh()
        before = self.env["res.partner"]._get_wallet_known_percent()
        self.client.cadence_wallet_total = 5000
        self.assertGreater(self.env["res.partner"]._get_wallet_known_percent(), before)

    def test_settings_show_the_figures_the_server_computes(self):
        """An admin reads the company's NPS and share of wallet known in Settings, not 0."""
        partners = self.env["res.partner"]
        partners.search([("cadence_nps_date", "!=", False)]).cadence_nps_date = False
        partners.search([("cadence_purchase_count", ">", 0)]).cadence_purchase_count = 0
        form = Form(self.env["res.config.settings"])
        self.assertEqual(
            (form.partner_cadence_nps_last_year, form.partner_cadence_wallet_known_percent),
            ("no score yet", "no client yet"),
        )
        self._buy(self.client, 500, date(2026, 4, 1))
        self._refresh()
        self.client.write(
            {"cadence_wallet_total": 5000, "cadence_nps_score": 10, "cadence_nps_date": date(2026, 11, 2)}
        )
        form = Form(self.env["res.config.settings"])
        self.assertEqual(form.partner_cadence_nps_last_year, "100")
        known = self.env["res.partner"]._get_wallet_known_percent()
        self.assertGreater(known, 0)
        self.assertEqual(form.partner_cadence_wallet_known_percent, f"{known} %")

    def test_share_of_wallet_is_over_a_year_whatever_the_value_window(self):
        self.env["ir.config_parameter"].sudo().set_param("partner_cadence.value_window_months", 24)
        self._buy(self.client, 9000, date(2025, 3, 1))
        self._buy(self.client, 3000, date(2026, 6, 1))
        self._refresh()
        self.client.cadence_wallet_total = 12000
        self.assertEqual(self.client.cadence_purchases_12m, 3000, "only the last twelve months")
        self.assertAlmostEqual(self.client.cadence_share_of_wallet, 25.0)
        self.assertAlmostEqual(self.client.cadence_upsell_potential, 450, "15% of a year's purchases")
