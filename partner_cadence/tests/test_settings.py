from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from odoo.addons.partner_cadence.domain.settings import SETTINGS, default_parameters
from odoo.addons.partner_cadence.hooks import pre_init_hook, uninstall_hook

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
class TestSettings(PartnerCadenceCommon):
    """The admin's Partner Cadence settings block reads and writes every value right."""

    maxDiff = None

    def _snapshot(self):
        """Our parameters, every scheduled action's switch and the nurture phases' lengths.

        Odoo's own CRM settings write parameters of theirs on every save (lead enrichment):
        those are not ours to keep.
        """
        params = (
            self.env["ir.config_parameter"]
            .sudo()
            .search(["|", ("key", "=like", "partner_cadence.%"), ("key", "=", "crm.pls_fields")])
        )
        crons = self.env["ir.cron"].sudo().with_context(active_test=False).search([])
        return (
            {param.key: param.value for param in params},
            {cron.id: cron.active for cron in crons},
            {phase.id: phase.duration_days for phase in self.env["crm.nurture.phase"].sudo().search([])},
        )

    def _crons(self):
        return self.env.ref("partner_cadence.ir_cron_plan_partner_touches") | self.env.ref(
            "partner_cadence.ir_cron_plan_lead_touches"
        )

    def test_settings_show_the_real_values(self):
        self.env.ref("partner_cadence.ir_cron_plan_lead_touches").active = False
        settings = Form(self.env["res.config.settings"])
        self.assertTrue(settings.partner_cadence_plan_partners_active)
        self.assertFalse(settings.partner_cadence_plan_leads_active)
        self.assertEqual(settings.partner_cadence_nurture_window_days, 30)
        self.assertEqual(settings.partner_cadence_horizon_days, 7)

    def test_saving_unchanged_settings_changes_nothing(self):
        before = self._snapshot()
        Form(self.env["res.config.settings"]).save().execute()
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(self._crons().mapped("active"), [True, True])

    def test_saving_a_change_keeps_everything_else(self):
        before = self._snapshot()
        settings = Form(self.env["res.config.settings"])
        settings.partner_cadence_nurture_window_days = 21
        settings.save().execute()
        params, crons, phases = self._snapshot()
        self.assertEqual(params, before[0])
        self.assertEqual(crons, before[1])
        # The window opens both sequences: the standard one and high potential's reinforced one.
        intensive = self.env.ref("partner_cadence.crm_nurture_phase_intensive")
        reinforced = self.env.ref("partner_cadence.crm_nurture_phase_reinforced")
        self.assertEqual((phases[intensive.id], phases[reinforced.id]), (21, 21))
        self.assertEqual(
            {k: v for k, v in phases.items() if k not in (intensive.id, reinforced.id)},
            {k: v for k, v in before[2].items() if k not in (intensive.id, reinforced.id)},
        )

    def test_switching_a_planner_off_touches_only_that_planner(self):
        settings = Form(self.env["res.config.settings"])
        settings.partner_cadence_plan_leads_active = False
        settings.save().execute()
        self.assertEqual(self._crons().mapped("active"), [True, False])
        self.assertEqual(Form(self.env["res.config.settings"]).partner_cadence_plan_leads_active, False)

    def test_a_window_outside_21_to_30_days_is_refused_and_nothing_is_saved(self):
        before = self._snapshot()
        settings = Form(self.env["res.config.settings"])
        settings.partner_cadence_horizon_days = 12
        settings.partner_cadence_nurture_window_days = 40
        with self.assertRaisesRegex(ValidationError, "21 to 30"):
            settings.save()
        self.assertEqual(self._snapshot(), before)

    def test_every_number_is_kept_as_typed(self):
        typed = {
            "partner_cadence_horizon_days": 9,
            "partner_cadence_quota_period": "month",
            "partner_cadence_market_size": 250,
            "partner_cadence_monthly_loss_percent": 12.5,
            "partner_cadence_value_window_months": 6,
            "partner_cadence_ask_referrals_days": 45,
            "partner_cadence_introduction_max_hops": 4,
            "partner_cadence_nurture_window_days": 25,
            "partner_cadence_planned_deals": 5,
            "partner_cadence_conversion_percent": 30.0,
            "partner_cadence_weekdays_only": True,
            "partner_cadence_logged_touches_reset": False,
            "partner_cadence_nurture_on_create": True,
            "partner_cadence_plan_partners_active": False,
            "partner_cadence_plan_leads_active": False,
            "partner_cadence_default_user_id": self.manager,
        }
        settings = Form(self.env["res.config.settings"])
        for name, value in typed.items():
            setattr(settings, name, value)
        settings.save().execute()
        reopened = Form(self.env["res.config.settings"])
        self.assertEqual({name: reopened[name] for name in typed}, typed)

    def test_uninstalling_leaves_no_parameter_and_no_scoring_field(self):
        params = self.env["ir.config_parameter"].sudo()
        self.assertIn("potential", params.get_param("crm.pls_fields"))
        uninstall_hook(self.env)
        self.assertFalse(params.search([("key", "=like", "partner_cadence.%")]))
        fields_left = params.get_param("crm.pls_fields").split(",")
        self.assertNotIn("potential", fields_left)
        self.assertNotIn("qualification_score", fields_left)
        self.assertIn("phone_state", fields_left, "Odoo's own scoring fields stay")

    def test_install_writes_the_shipped_values_and_keeps_an_admins(self):
        params = self.env["ir.config_parameter"].sudo()
        params.search([("key", "in", list(default_parameters()))]).unlink()
        params.set_param("partner_cadence.market_size", 250)
        pre_init_hook(self.env)
        written = {key: params.get_param(key) for key in default_parameters()}
        self.assertEqual(written, {**default_parameters(), "partner_cadence.market_size": "250"})
        self.assertEqual(written["partner_cadence.horizon_days"], "7")

    def test_every_number_out_of_its_range_is_refused_and_nothing_is_saved(self):
        """Each bound of ``domain.settings``, on the screen an admin types it in: the message
        names the setting as the screen labels it."""
        self._activate_translations()
        before = self._snapshot()
        settings = self.env["res.config.settings"].with_context(lang="ru_RU")
        checked = 0
        for name, setting in SETTINGS.items():
            field_name = f"partner_cadence_{name}"
            if field_name not in settings._fields or setting.minimum is None:
                continue
            label = settings._fields[field_name]._description_string(settings.env)
            wrong = [setting.minimum - 1] + ([setting.maximum + 1] if setting.maximum is not None else [])
            for value in wrong:
                with self.subTest(setting=name, value=value):
                    form = Form(settings)
                    setattr(form, field_name, value)
                    with self.assertRaisesRegex(ValidationError, label.replace("(", r"\(").replace(")", r"\)")):
                        form.save()
                    checked += 1
        self.assertGreater(checked, 40)
        self.assertEqual(self._snapshot(), before)

    def test_numbers_read_together_are_refused_out_of_order(self):
        for values, message in (
            ({"abc_a_percent": 90, "abc_b_percent": 15}, "add up to 100%"),
            ({"xyz_x_percent": 30, "xyz_y_percent": 25}, "cannot exceed the Y"),
            ({"nps_neutral_min": 9, "nps_promoter_min": 8}, "at most where promoters do"),
            ({"share_rare_percent": 15, "share_monthly_percent": 12}, "at least the one for every two months"),
        ):
            with self.subTest(values=values):
                form = Form(self.env["res.config.settings"])
                for name, value in values.items():
                    setattr(form, f"partner_cadence_{name}", value)
                with self.assertRaisesRegex(ValidationError, message):
                    form.save()
