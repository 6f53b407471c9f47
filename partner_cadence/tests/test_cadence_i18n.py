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
        self.assertIn("Последний контакт: 10.11.2026.", reminder.note)
        self.assertIn("выполнено 0 из 1 за период", reminder.note)
