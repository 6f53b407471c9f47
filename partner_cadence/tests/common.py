from datetime import date

from freezegun import freeze_time

from odoo.tests import TransactionCase, new_test_user


class PartnerCadenceCommon(TransactionCase):
    """Salespeople, tiers and realtor partners shared by the cadence tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("partner_cadence.horizon_days", 7)
        cls.company = cls.env.ref("base.main_company")
        cls.salesman = new_test_user(
            cls.env,
            login="cadence_salesman",
            name="Sasha Salesman",
            groups="sales_team.group_sale_salesman",
        )
        cls.manager = new_test_user(
            cls.env,
            login="cadence_manager",
            name="Maria Manager",
            groups="sales_team.group_sale_manager",
        )
        cls.default_user = new_test_user(
            cls.env,
            login="cadence_default",
            name="Dina Default",
            groups="sales_team.group_sale_salesman",
        )
        cls.env["ir.config_parameter"].sudo().set_param("partner_cadence.default_user_id", cls.default_user.id)
        cls.tier_weekly = cls.env.ref("partner_cadence.partner_cadence_tier_weekly")
        cls.tier_monthly = cls.env.ref("partner_cadence.partner_cadence_tier_monthly")
        cls.tier_quarterly = cls.env.ref("partner_cadence.partner_cadence_tier_quarterly")
        cls.call_type = cls.env.ref("mail.mail_activity_data_call")
        # Tests run on 23 November 2026: this weekly realtor, last called on the 10th, is overdue.
        with freeze_time("2026-11-23"):
            cls.realtor = cls._create_partner("Elena Realtor", cls.tier_weekly, date(2026, 11, 10), cls.salesman)

    @classmethod
    def _create_partner(cls, name, tier=None, last_touch=None, user=None, **values):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "cadence_tier_id": tier.id if tier else False,
                "last_touch_date": last_touch,
                "user_id": user.id if user else False,
                **values,
            }
        )

    def _reminders(self, partners):
        return partners.activity_search(
            ["mail.mail_activity_data_call"], additional_domain=[("cadence_reminder", "=", True)]
        )
