from datetime import date, datetime

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

    def test_a_salesperson_who_switches_to_russian_reads_their_open_reminders_in_russian(self):
        """Reminders planned while the salesperson read English are told again when they switch:
        a partner's touch, a client's NPS follow-up and repurchase call with their notes, a
        nurtured lead's touch; an English colleague's reminders stay English."""
        seller = new_test_user(self.env, login="cadence_switch", groups="sales_team.group_sale_salesman", lang="en_US")
        partner = self._create_partner("Irina Volkova", self.tier_weekly, date(2026, 11, 10), seller)
        partner._record_nps_score(10, date(2026, 11, 23))
        self._set_cadence_settings(winback_days=0)
        for day in (date(2026, 6, 1), date(2026, 7, 31), date(2026, 9, 29)):
            self._won_deal(partner, 1000, datetime.combine(day, datetime.min.time()))
        self.env["res.partner"]._refresh_cadence_clients()
        repurchase = partner._get_cadence_reminders(["repurchase"])
        self.assertIn("usually buys every", repurchase.note)
        lead = self.env["crm.lead"].create({"name": "Sky Business Centre", "email_from": "ion@example.com"})
        lead.user_id = seller
        self.env["crm.lead"]._cron_plan_lead_touches()
        nps = partner._get_cadence_reminders(["nps_follow_up"])
        touch = self._reminders(partner)
        nurture = lead._get_cadence_reminders(["nurture"])
        self.assertEqual(
            (touch.summary, nps.summary, nurture.summary),
            ("Weekly partner", "Promoter: ask for referrals", "Intensive touch 1"),
        )
        self.assertIn("gave 10 out of 10", nps.note)
        colleague_touch = self._reminders(self.realtor)
        colleague_summary = colleague_touch.summary

        seller.with_user(seller).write({"lang": "ru_RU"})

        self.assertEqual(
            (touch.summary, nps.summary, nurture.summary),
            ("Еженедельный партнёр", "Промоутер: попросите рекомендации", "Интенсивный: касание 1"),
        )
        self.assertIn("Irina Volkova поставил", nps.note)
        self.assertIn("10 из 10", nps.note)
        self.assertIn("Irina Volkova обычно покупает раз в", repurchase.note)
        self.assertNotIn("out of 10", nps.note)
        self.assertEqual(colleague_touch.summary, colleague_summary, "another reader's reminder is left as it is")
