from datetime import date

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import HttpCase, TransactionCase, new_test_user


class PartnerCadenceFixture:
    """Salespeople, tiers, a realtor partner (on 23 November 2026), factories and assertion
    helpers shared by every cadence test, whatever runs it: the ORM tests through
    ``PartnerCadenceCommon``, the JSON-RPC calls and browser tours through
    ``PartnerCadenceHttpCommon``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Dates are read in UTC, as the server and the test browser run (Odoo sets TZ=UTC for
        # both), whatever time zone demo data gives the superuser: from 23:00 UTC, Brussels
        # is already tomorrow.
        cls.env = cls.env(context=dict(cls.env.context, tz="UTC"))
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("partner_cadence.horizon_days", 7)
        params.set_param("partner_cadence.quota_period", "quarter")
        params.set_param("partner_cadence.logged_touches_reset", "True")
        params.set_param("partner_cadence.weekdays_only", False)
        # As shipped: every new lead is nurtured (a database upgraded from before keeps its own).
        params.set_param("partner_cadence.nurture_on_create", "True")
        # Asking for referrals has its own tests; elsewhere it would only add a schedule. No
        # parameter reads as 0, and is how Settings store 0.
        params.set_param("partner_cadence.ask_referrals_days", False)
        cls.company = cls.env.ref("base.main_company")
        cls.salesman = new_test_user(
            cls.env, login="cadence_salesman", name="Sasha Salesman", groups="sales_team.group_sale_salesman"
        )
        cls.manager = new_test_user(
            cls.env, login="cadence_manager", name="Maria Manager", groups="sales_team.group_sale_manager"
        )
        cls.default_user = new_test_user(
            cls.env, login="cadence_default", name="Dina Default", groups="sales_team.group_sale_salesman"
        )
        params.set_param("partner_cadence.default_user_id", cls.default_user.id)
        cls.tier_weekly = cls.env.ref("partner_cadence.partner_cadence_tier_weekly")
        cls.tier_monthly = cls.env.ref("partner_cadence.partner_cadence_tier_monthly")
        cls.tier_quarterly = cls.env.ref("partner_cadence.partner_cadence_tier_quarterly")
        cls.level_1 = cls.env.ref("partner_cadence.partner_cadence_tier_client_level_1")
        cls.level_5 = cls.env.ref("partner_cadence.partner_cadence_tier_client_level_5")
        cls.call_type = cls.env.ref("mail.mail_activity_data_call")
        cls.meeting_type = cls.env.ref("mail.mail_activity_data_meeting")
        cls.first_contact_type = cls.env.ref("partner_cadence.mail_activity_type_first_contact")
        # This weekly realtor, on its tier since its last call on the 10th, is overdue on the 23rd.
        with freeze_time("2026-11-10"):
            cls.realtor = cls._create_partner("Elena Realtor", cls.tier_weekly, date(2026, 11, 10), cls.salesman)
        with freeze_time("2026-11-23"):
            # Its reminder as the pass of the 23rd writes it, telling this period's quota.
            cls.realtor._get_cadence_reminders().unlink()
            cls.realtor._plan_cadence_reminders()

    def setUp(self):
        super().setUp()
        # The test cursor dates records (create_date) with the database's clock; follow the
        # frozen one instead, as the rules compare creation dates with today.
        self.patch(self.env.cr, "now", fields.Datetime.now)

    @classmethod
    def _activate_translations(cls):
        """Russian and Romanian active, with the addon's translations loaded."""
        for code in ("ru_RU", "ro_RO"):
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"].search([("name", "=", "partner_cadence")])._update_translations(["ru_RU", "ro_RO"])

    @classmethod
    def _create_partner(cls, name, tier=None, last_touch=None, user=None, since=None, **values):
        """A partner whose first-contact information is complete unless ``values`` say otherwise,
        on ``tier`` since the day ``since`` when given (a tier's rhythm applies from the day the
        partner entered it), else since today."""
        if since:
            with freeze_time(since):
                return cls._create_partner(name, tier, last_touch, user, **values)
        if tier:
            values["cadence_tier_id"] = tier.id
        return cls.env["res.partner"].create(
            {
                "name": name,
                "phone": "+373 69 000 000",
                "cadence_private_individual": True,
                "last_touch_date": last_touch,
                "user_id": user.id if user else False,
                **values,
            }
        )

    @classmethod
    def _tier_values(cls, name, *lines, **values):
        """Values of a tier with ``lines`` given as (activity type, touches per period)."""
        return {
            "name": name,
            "interval_number": 1,
            "interval_unit": "week",
            "line_ids": [Command.create({"activity_type_id": kind.id, "touch_count": count}) for kind, count in lines],
            **values,
        }

    @classmethod
    def _other_company_user(cls, login, groups="sales_team.group_sale_manager"):
        """A user (a sales manager unless ``groups`` say otherwise) who works only in a
        company of their own."""
        company = cls.env["res.company"].create({"name": f"{login} company"})
        return new_test_user(cls.env, login=login, groups=groups, company_id=company.id, company_ids=[company.id])

    # ------------------------------------------------------------
    # FACTORIES
    # ------------------------------------------------------------

    def _won_deal(self, partner, revenue, closed):
        """An opportunity of ``partner`` won for ``revenue``, closed at ``closed``."""
        lead = self.env["crm.lead"].create(
            {"name": f"Deal {revenue}", "partner_id": partner.id, "type": "opportunity", "expected_revenue": revenue}
        )
        lead.action_set_won()
        lead.date_closed = closed
        return lead

    def _set_cadence_settings(self, **values):
        """Save ``values`` in Settings as an admin does: ``market_size=200`` for the setting
        partner_cadence_market_size, through the settings form's own path."""
        self.env["res.config.settings"].create(
            {f"partner_cadence_{key}": value for key, value in values.items()}
        ).execute()

    # ------------------------------------------------------------
    # ASSERTIONS
    # ------------------------------------------------------------

    def assertReminders(self, records, expected):
        """The open planned reminders of ``records`` are ``expected``, a list of (due date,
        user, activity type) in any order."""
        reminders = self.env["mail.activity"].search(
            [("res_model", "=", records._name), ("res_id", "in", records.ids), ("cadence_slot", "!=", False)]
        )

        def key(item):
            day, user, kind = item
            return day, user.id, kind.id

        self.assertEqual(
            sorted(
                key((reminder.date_deadline, reminder.user_id, reminder.activity_type_id)) for reminder in reminders
            ),
            sorted(key(item) for item in expected),
        )

    def _reminders(self, partners, xmlid="mail.mail_activity_data_call"):
        return partners.activity_search([xmlid], additional_domain=[("cadence_reminder", "=", True)])


class PartnerCadenceCommon(PartnerCadenceFixture, TransactionCase):
    """The cadence fixture for tests through the ORM."""


class PartnerCadenceHttpCommon(PartnerCadenceFixture, HttpCase):
    """The cadence fixture for JSON-RPC calls and tours in the browser (which runs on the real
    clock: their stories are told relative to today)."""
