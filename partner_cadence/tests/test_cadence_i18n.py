from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23")
class TestCadenceTranslations(PartnerCadenceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._activate_translations()

    def test_tiers_are_translated(self):
        self.assertEqual(self.tier_weekly.with_context(lang="ru_RU").name, "Еженедельный партнёр")
        self.assertEqual(self.tier_weekly.with_context(lang="ro_RO").name, "Partener săptămânal")

    def test_reminder_is_written_in_the_salespersons_language(self):
        russian = new_test_user(self.env, login="cadence_ru", groups="sales_team.group_sale_salesman", lang="ru_RU")
        partner = self._create_partner("Ирина Волкова", self.tier_weekly, date(2026, 11, 10), russian)
        reminder = self._reminders(partner)
        self.assertEqual(reminder.summary, "Еженедельный партнёр")

    def test_words_read_as_a_native_speaker_writes_them(self):
        def label(model, field, value, lang):
            selection = (
                self.env[model]
                .with_context(lang=lang)
                ._fields[field]
                ._description_selection(self.env(context={"lang": lang}))
            )
            return dict(selection)[value]

        # Touches are not the Contacts app.
        touches = self.env.ref("partner_cadence.partner_cadence_touch_action")
        self.assertEqual(touches.with_context(lang="ru_RU").name, "Касания")
        self.assertEqual(touches.with_context(lang="ro_RO").name, "Atingeri")
        # Adjectives agree with their noun: standing and potential differ in gender.
        self.assertEqual(label("res.partner", "cadence_financial_standing", "high", "ru_RU"), "Высокое")
        self.assertEqual(label("crm.lead", "potential", "high", "ru_RU"), "Высокий")
        self.assertEqual(label("res.partner", "cadence_financial_standing", "high", "ro_RO"), "Ridicată")
        self.assertEqual(label("crm.lead", "potential", "high", "ro_RO"), "Ridicat")
        # Romanian says Pistă for a lead, as Odoo's own CRM does.
        lead_field = self.env["ir.model.fields"]._get("partner.cadence.direct.mail", "lead_id")
        self.assertEqual(lead_field.with_context(lang="ro_RO").field_description, "Pistă")

    def test_a_late_reminder_says_why_in_the_readers_language(self):
        russian = new_test_user(
            self.env, login="cadence_ru_reader", groups="sales_team.group_sale_salesman", lang="ru_RU"
        )
        reminder = self._reminders(self.realtor).with_user(russian).with_context(lang="ru_RU")
        (data,) = reminder.activity_format()["mail.activity"]
        call = self.call_type.with_context(lang="ru_RU").name
        self.assertEqual(data["summary"], f"{call} — Elena Realtor: просрочено на 6 дней")
        (data,) = reminder.with_context(lang="ro_RO").activity_format()["mail.activity"]
        self.assertIn("Elena Realtor: întârziere de 6 zile", data["summary"])

    def test_the_demo_marker_answers_are_translated(self):
        answer = self.env.ref("partner_cadence.crm_lead_marker_option_staff_outsourced")
        self.assertEqual(answer.with_context(lang="ru_RU").name, "Никто, всё на аутсорсинге")
        self.assertEqual(answer.with_context(lang="ro_RO").name, "Nimeni, este externalizat")
        self.assertEqual(answer.question_id.option_ids.mapped("potential"), ["low", "standard", "high"])

    def test_a_reminder_handed_to_a_romanian_salesperson_is_told_again_in_romanian(self):
        romanian = new_test_user(self.env, login="cadence_ro", groups="sales_team.group_sale_salesman", lang="ro_RO")
        reminder = self._reminders(self.realtor)
        self.realtor.user_id = romanian
        self.assertEqual(reminder.user_id, romanian)
        self.assertEqual(reminder.summary, "Partener săptămânal")
