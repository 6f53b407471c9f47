from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from odoo.addons.partner_cadence import compat

from .common import PartnerCadenceHttpCommon


@tagged("post_install", "-at_install", "partner_cadence_http")
class TestCadenceTour(PartnerCadenceHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tour_salesman = new_test_user(
            cls.env, login="tour_salesman", name="Tour Salesman", groups="sales_team.group_sale_salesman"
        )
        new_test_user(
            cls.env, login="tour_manager", name="Tour Manager", groups="sales_team.group_sale_manager,base.group_system"
        )
        # Sales managers' screens are walked by a sales manager with no other right.
        new_test_user(cls.env, login="tour_sales_manager", groups="sales_team.group_sale_manager")

    def setUp(self):
        super().setUp()
        # The browser runs on the real clock, so each story is told relative to the day its
        # test runs: a class begun before midnight may run its next test after it.
        self.today = fields.Date.context_today(self.tour_salesman)
        # On its tier since its last call, ten days ago: three days late.
        self.partner = self._create_partner(
            "Tour Realtor",
            self.tier_weekly,
            self.today - timedelta(days=10),
            self.tour_salesman,
            since=self.today - timedelta(days=10),
            phone="+373 69 000 001",
        )

    def _cadence_reminder(self):
        return self.partner.activity_search(
            ["mail.mail_activity_data_call"], additional_domain=[("cadence_reminder", "=", True)]
        )

    def test_salesman_marks_touch_done_from_activity_inbox(self):
        self.start_tour("/odoo", "partner_cadence_touch_done_tour", login="tour_salesman")
        self.assertEqual(self.partner.last_touch_date, self.today)
        self.assertEqual(self._cadence_reminder().date_deadline, self.today + timedelta(days=7))

    def test_russian_salesperson_notes_a_call_nobody_answered(self):
        self._in_russian("tour_salesman")
        self.start_tour(
            f"/odoo/action-contacts.action_contacts/{self.partner.id}",
            "partner_cadence_no_answer_tour",
            login="tour_salesman",
        )
        self.assertEqual(self.partner.cadence_unanswered_count, 1)
        self.assertEqual(self.partner.last_touch_date, self.today - timedelta(days=10), "not a touch")
        self.assertEqual(self._cadence_reminder().date_deadline, self.today + timedelta(days=1), "tried again")

    def test_salesman_types_the_last_touch_in_the_form(self):
        self.start_tour(
            f"/odoo/action-contacts.action_contacts/{self.partner.id}",
            "partner_cadence_last_touch_typed_tour",
            login="tour_salesman",
        )
        self.assertEqual(self.partner.last_touch_date, self.today - timedelta(days=3))
        self.assertIn(
            ("manual", self.today - timedelta(days=3)),
            [(touch.origin, touch.date) for touch in self.partner.cadence_touch_ids],
            "the date typed is a touch",
        )
        self.assertEqual(self._cadence_reminder().date_deadline, self.today + timedelta(days=4))

    def test_manager_changes_tier_and_salesman_sees_the_replanned_reminder(self):
        self.assertEqual(self._cadence_reminder().date_deadline, self.today - timedelta(days=3))
        self.start_tour(
            "/odoo/action-partner_cadence.partner_cadence_tier_action",
            "partner_cadence_tier_interval_tour",
            login="tour_manager",
        )
        tier = self.tier_weekly
        self.assertEqual((tier.unanswered_limit, tier.segment_cells), (5, "AX"))
        # Saving the tier triggered the scheduled action, which runs it in the background.
        self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertEqual(self._cadence_reminder().date_deadline, self.today + timedelta(days=4))
        self.start_tour("/odoo", "partner_cadence_replanned_reminder_tour", login="tour_salesman")

    def test_sales_manager_moves_a_pair_of_the_client_level_grid(self):
        client = self.env["res.partner"].create(
            {"name": "Tour Loyal Client", "cadence_financial_standing": "low", "cadence_relationship": "loyal"}
        )
        self.assertEqual(client.cadence_tier_id, self.env.ref("partner_cadence.partner_cadence_tier_client_level_4"))
        self.start_tour("/odoo/crm", "partner_cadence_level_grid_tour", login="tour_sales_manager")
        level_3 = self.env.ref("partner_cadence.partner_cadence_tier_client_level_3")
        self.assertEqual(self.env.ref("partner_cadence.partner_cadence_level_cell_low_loyal").tier_id, level_3)
        self.assertEqual(client.cadence_tier_id, level_3)

    def test_russian_salesperson_applies_a_suggested_tier_and_is_told_when_the_next_touch_comes(self):
        russian = self._russian_salesperson("tour_russian_tier")
        # Weekly by hand for 60 days with no call; its answers say a monthly partner.
        partner = self._create_partner(
            "Павел Редкий",
            self.tier_weekly,
            self.today - timedelta(days=60),
            russian,
            since=self.today - timedelta(days=60),
            cadence_inbound_frequency="weekly_monthly",
        )
        self.assertEqual((partner.cadence_suggested_tier_id, partner.cadence_days_late), (self.tier_monthly, 53))
        self.start_tour(
            f"/odoo/action-contacts.action_contacts/{partner.id}",
            "partner_cadence_apply_suggested_tier_tour",
            login=russian.login,
        )
        self.assertEqual(partner.cadence_tier_id, self.tier_monthly)
        self.assertEqual(partner.last_touch_date, self.today, "the call made after applying the tier")
        self.assertFalse(partner.activity_ids.filtered("cadence_reminder"), "a month away: no reminder yet")
        self.assertEqual(partner.cadence_days_late, 0)

    def test_russian_sales_manager_reads_the_week_on_the_board_overdue_partners_and_team_planning(self):
        manager = self._russian_salesperson("tour_russian_week", groups="sales_team.group_sale_manager")
        self.env["crm.team"].create(
            {
                "name": "Отдел риелторов",
                "cadence_sales_plan": 30000,
                "cadence_average_deal": 5000,
                "crm_team_member_ids": [Command.create({"user_id": self.tour_salesman.id})],
            }
        )
        self.partner.cadence_value_manual = 10000
        self.env["res.partner"]._refresh_cadence_values()
        self.assertGreater(self.partner.cadence_value_at_risk, 0)
        self.assertEqual(self.partner.cadence_days_late, 3)
        self.start_tour("/odoo/crm", "partner_cadence_manager_week_tour", login=manager.login)

    def test_russian_salesperson_finds_the_leads_being_nurtured(self):
        russian = self._russian_salesperson("tour_russian_leads")
        self.assertFalse(russian.has_group("crm.group_use_lead"), "crm's Leads option is off")
        lead = self.env["crm.lead"].create(
            {
                "name": "Кондиционер для офиса",
                "type": "lead",
                "user_id": russian.id,
                "email_from": "k@example.com",
            }
        )
        self.env["crm.lead"]._cron_plan_lead_touches()
        self.assertEqual(lead.nurture_state, "running")
        self.start_tour("/odoo/crm", "partner_cadence_nurtured_leads_tour", login=russian.login)

    def _load_russian(self):
        """Russian, with the apps our users work in translated."""
        self.env["res.lang"]._activate_lang("ru_RU")
        modules = self.env["ir.module.module"].search(
            [("name", "in", ("base", "web", "mail", "contacts", "calendar", "crm", "partner_cadence"))]
        )
        modules._update_translations(["ru_RU"])

    def _russian_salesperson(self, login, groups="sales_team.group_sale_salesman", **values):
        """A salesperson (or, with ``groups``, a manager) who reads Odoo in Russian."""
        self._load_russian()
        return new_test_user(self.env, login=login, groups=groups, lang="ru_RU", tz="UTC", **values)

    def _in_russian(self, login):
        """The tour user ``login``, reading Odoo in Russian from now on."""
        self._load_russian()
        user = self.env["res.users"].search([("login", "=", login)])
        user.lang = "ru_RU"
        return user

    def test_russian_salesperson_reads_why_and_says_what_a_touch_brought(self):
        russian = self._russian_salesperson("tour_russian", name="Анна Продавец")
        referrer = self.env["res.partner"].create({"name": "Ольга Рекомендатель"})
        late = self._create_partner(
            "Ирина Поздняя",
            self.tier_weekly,
            self.today - timedelta(days=68),
            russian,
            since=self.today - timedelta(days=68),
            phone="+373 69 000 002",
            cadence_value_manual=10000,
        )
        # Recommended after her call was planned: the warm introduction, a touch of the same
        # person, waits for the next day.
        late.referred_by_id = referrer
        self.env["res.partner"]._refresh_cadence_values()
        self.assertGreater(late.cadence_value_at_risk, 0)
        self.start_tour("/odoo", "partner_cadence_russian_inbox_tour", login="tour_russian")

        lead = self.env["crm.lead"].create(
            {
                "name": "Тепловой насос для дома",
                "type": "opportunity",
                "user_id": russian.id,
                "email_from": "l@example.com",
            }
        )
        # The lead planner, woken by the new lead, starts its nurturing.
        self.env["crm.lead"]._cron_plan_lead_touches()
        touch = lead.activity_ids.filtered("nurture_touch")
        self.assertTrue(touch)
        self.start_tour(
            f"/odoo/action-crm.crm_lead_action_pipeline/{lead.id}",
            "partner_cadence_russian_nurture_done_tour",
            login="tour_russian",
        )
        self.assertFalse(touch.exists() and touch.active, "the touch is done")
        self.assertEqual(lead.nurture_touch_count, 1)

        listed = self.env["crm.lead"].create(
            {"name": "Насосы для школы", "type": "opportunity", "user_id": russian.id, "email_from": "s@example.com"}
        )
        self.env["crm.lead"]._cron_plan_lead_touches()
        self.assertTrue(listed.activity_ids.filtered("nurture_touch"))
        self.start_tour(
            "/odoo/action-crm.crm_lead_action_pipeline?view_type=list",
            "partner_cadence_list_nurture_done_tour",
            login="tour_russian",
        )
        self.assertEqual(listed.nurture_touch_count, 1, "done from the list, with what it brought")
        self.assertTrue(any("Прайс на обслуживание" in str(body) for body in listed.message_ids.mapped("body")))

        # My Activities: the reason in Russian, and Done asks what the touch brought.
        inbox = self.env["crm.lead"].create(
            {"name": "Котёл для дачи", "type": "opportunity", "user_id": russian.id, "email_from": "d@example.com"}
        )
        self.env["crm.lead"]._cron_plan_lead_touches()
        self.start_tour(
            "/odoo/action-mail.mail_activity_action_my?view_type=list",
            "partner_cadence_my_activities_done_tour",
            login="tour_russian",
        )
        self.assertEqual(inbox.nurture_touch_count, 1, "done from My Activities, with what it brought")
        self.assertTrue(any("Сравнение котлов" in str(body) for body in inbox.message_ids.mapped("body")))

    def test_every_list_header_reads_in_full_in_russian_and_romanian(self):
        modules = self.env["ir.module.module"].search(
            [("name", "in", ("base", "web", "mail", "contacts", "calendar", "crm", "sales_team", "partner_cadence"))]
        )
        for code in ("ru_RU", "ro_RO"):
            self.env["res.lang"]._activate_lang(code)
        modules._update_translations(["ru_RU", "ro_RO"])
        # Something on every list, so that its header is drawn.
        self.partner._register_cadence_touch(self.today, origin="manual")
        colleague = self.env["res.partner"].create({"name": "Tour Colleague", "referred_by_id": self.partner.id})
        self.env["partner.cadence.direct.mail"].create({"partner_id": colleague.id, "user_id": self.tour_salesman.id})
        self.env["partner.cadence.prospect.sheet.line"].create({"sheet": "North", "company_name": "Tour Sheet Company"})
        self.partner.cadence_sales_target = 5000
        self.env["crm.lead"].create({"name": "Tour Nurtured Lead", "type": "lead"}).action_start_nurture()
        for code in ("ru_RU", "ro_RO"):
            with self.subTest(lang=code):
                login = f"tour_headers_{code}"
                new_test_user(self.env, login=login, groups="sales_team.group_sale_manager", lang=code)
                self.start_tour("/odoo/crm", "partner_cadence_headers_tour", login=login)

    def test_russian_salesperson_records_referrals_and_opens_the_tree(self):
        referrer = self.env["res.partner"].create(
            {
                "name": "Tour Referrer",
                "phone": "+373 69 000 002",
                "cadence_private_individual": True,
                "user_id": self.tour_salesman.id,
            }
        )
        namesake = self._create_partner("Tour Third Party", phone="+373 69 555 001", user=self.tour_salesman)
        self._in_russian("tour_salesman")
        self.start_tour(
            f"/odoo/action-contacts.action_contacts/{referrer.id}",
            "partner_cadence_referral_tour",
            login="tour_salesman",
        )
        self.assertEqual(
            sorted(referrer.referral_given_ids.referred_id.mapped("name")), ["Tour Colleague", "Tour Third Party"]
        )
        self.assertNotIn(namesake, referrer.referral_given_ids.referred_id, "the name alone decided nothing")
        self.assertEqual(referrer.referred_partner_ids.referred_by_id, referrer)
        self.assertEqual(set(referrer.referral_given_ids.mapped("referrer_named")), {False})
        intro = referrer.referred_partner_ids.activity_ids.filtered(
            lambda activity: activity.cadence_slot == "warm_intro"
        )
        self.assertTrue(intro)
        # Written in the salesperson's language, and naming nobody.
        self.assertEqual(set(intro.mapped("summary")), {"Звонок по рекомендации"})

    def test_salesman_answers_marker_questions_on_a_lead(self):
        self.env["crm.lead.marker.question"].search([]).active = False
        for name, high in (("Tour staff?", "More than 5"), ("Tour area?", "Large")):
            self.env["crm.lead.marker.question"].create(
                {
                    "name": name,
                    "option_ids": [
                        Command.create({"name": "Few", "potential": "standard"}),
                        Command.create({"name": high, "potential": "high"}),
                    ],
                }
            )
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour Lead",
                "type": "opportunity",
                "user_id": self.tour_salesman.id,
                "email_from": "t@example.com",
            }
        )
        self.env["crm.lead"]._cron_plan_lead_touches()
        self.start_tour(
            f"/odoo/action-crm.crm_lead_action_pipeline/{lead.id}", "partner_cadence_lead_tour", login="tour_salesman"
        )
        self.assertEqual(lead.potential, "high")
        self.assertEqual(lead.nurture_state, "running")

    def test_admin_saves_settings_unchanged_then_changes_the_horizon_and_the_day(self):
        crons = self.env.ref("partner_cadence.ir_cron_plan_partner_touches") | self.env.ref(
            "partner_cadence.ir_cron_plan_lead_touches"
        )
        self.assertEqual(crons.mapped("active"), [True, True])
        partners = self.env["res.partner"]
        partners.search([("cadence_nps_date", "!=", False)]).cadence_nps_date = False
        self.partner.write({"cadence_nps_score": 10, "cadence_nps_date": self.today})
        self.start_tour("/odoo/action-crm.crm_config_settings_action", "partner_cadence_settings_tour", login="admin")
        self.assertEqual(crons.mapped("active"), [True, True])
        self.assertEqual(self.env["ir.config_parameter"].sudo().get_param("partner_cadence.horizon_days"), "9")
        self.assertEqual(self.env["ir.config_parameter"].sudo().get_param("partner_cadence.daily_capacity"), "30")
        self.assertEqual(self.env.ref("partner_cadence.crm_nurture_phase_intensive").duration_days, 30)

    def test_admin_gives_a_salesperson_a_smaller_day(self):
        self.start_tour(
            f"/odoo/action-base.action_res_users/{self.tour_salesman.id}",
            "partner_cadence_user_capacity_tour",
            login="admin",
        )
        self.assertEqual(self.tour_salesman.cadence_daily_capacity, 20)
        self.assertEqual(
            (self.tour_salesman.cadence_expert_window_day, self.tour_salesman.cadence_expert_window_hours), ("2", 2.0)
        )

    def test_russian_salesperson_records_an_nps_score_and_manager_reviews_clients_below_plan(self):
        client = self.env["res.partner"].create(
            {"name": "Tour Client", "is_company": True, "user_id": self.tour_salesman.id}
        )
        last_year = self.today.replace(year=self.today.year - 1, month=6, day=1)
        this_year = self.today.replace(month=1, day=2)
        for amount, day in ((10000, last_year), (3000, this_year)):
            lead = self.env["crm.lead"].create(
                {
                    "name": f"Tour order {amount}",
                    "partner_id": client.id,
                    "type": "opportunity",
                    "expected_revenue": amount,
                }
            )
            lead.action_set_won()
            lead.date_closed = fields.Datetime.to_datetime(day)
        self.env["res.partner"]._refresh_cadence_clients()
        client.activity_schedule(
            act_type_xmlid="partner_cadence.mail_activity_type_nps_survey", user_id=self.tour_salesman.id
        )
        self._in_russian("tour_salesman")
        self.start_tour(
            f"/odoo/action-contacts.action_contacts/{client.id}", "partner_cadence_nps_tour", login="tour_salesman"
        )
        self.assertEqual(client.cadence_nps_group, "promoter")
        self.start_tour("/odoo/crm", "partner_cadence_below_plan_tour", login="tour_sales_manager")

    def test_russian_salesperson_calls_back_a_client_who_stopped_buying(self):
        russian = self._russian_salesperson("tour_russian_winback")
        client = self.env["res.partner"].create({"name": "Пекарня Нистру", "is_company": True, "user_id": russian.id})
        # Two purchases tell no rhythm: called back 180 days after the last one.
        for days_ago in (400, 200):
            self._won_deal(client, 1000, fields.Datetime.to_datetime(self.today - timedelta(days=days_ago)))
        self.env["res.partner"]._refresh_cadence_clients()
        self.assertEqual(client.cadence_winback_date, self.today - timedelta(days=20))
        self.start_tour(
            f"/odoo/action-contacts.action_contacts/{client.id}", "partner_cadence_winback_tour", login=russian.login
        )
        self.assertFalse(client._get_cadence_reminders(["winback"]), "done")
        self.env["res.partner"]._refresh_cadence_clients()
        self.assertFalse(client._get_cadence_reminders(["winback"]), "once a lapse")

    def test_russian_salesperson_works_from_the_largest_down(self):
        russian = self._russian_salesperson("tour_russian_largest")
        leads = self.env["crm.lead"].create(
            [
                {"name": "Котёл: Кафе Вила Верде", "user_id": russian.id, "cadence_company_size": "small"},
                {"name": "Обслуживание: Бизнес-центр Панорама", "user_id": russian.id, "cadence_company_size": "large"},
            ]
        )
        leads.action_start_nurture()
        late = self.today - timedelta(days=30)
        for agency, size, realtor, value in (
            ("Агентство Малое", "small", "Ольга Малая", 90000),
            ("Агентство Большое", "large", "Лидия Крупная", 1000),
        ):
            company = self.env["res.partner"].create(
                {"name": agency, "is_company": True, "cadence_company_size": size, "user_id": russian.id}
            )
            self._create_partner(
                realtor, self.tier_weekly, late, russian, since=late, parent_id=company.id, cadence_value_manual=value
            )
        self.env["res.partner"]._refresh_cadence_values()
        self.start_tour(
            "/odoo/action-partner_cadence.crm_lead_nurtured_action",
            "partner_cadence_largest_first_tour",
            login=russian.login,
        )

    def test_russian_salesperson_loses_a_lead_for_now(self):
        russian = self._russian_salesperson("tour_russian_lost")
        lead = self.env["crm.lead"].create({"name": "Обогреватели: Лавка Тепла", "user_id": russian.id})
        lead.action_start_nurture()
        self.start_tour(
            f"/odoo/action-partner_cadence.crm_lead_nurtured_action/{lead.id}",
            "partner_cadence_lost_lead_tour",
            login=russian.login,
        )
        self.assertFalse(lead.active)
        self.assertEqual(lead.lost_reason_id, self.env.ref("crm.lost_reason_1"))
        self.assertEqual(lead.nurture_long_term_date, self.today)
        self.assertEqual(len(lead._get_cadence_reminders()), 1, "its next long-term touch")

    def test_russian_salesperson_finds_a_prospect_for_our_products(self):
        russian = self._russian_salesperson("tour_russian_team")
        self._set_cadence_settings(own_products_team_size=10)
        agency = self._create_partner("Агентство Дом", self.tier_weekly, user=russian, is_company=True)
        self.start_tour(
            f"/odoo/action-contacts.action_contacts/{agency.id}",
            "partner_cadence_own_products_tour",
            login=russian.login,
        )
        self.assertEqual(agency.cadence_team_size, 12)
        self.assertTrue(agency.cadence_own_products_prospect)

    def test_russian_salesperson_records_who_decides(self):
        russian = self._russian_salesperson("tour_russian_buying")
        customer = self.env["res.partner"].create({"name": "Карпаты Логистик", "is_company": True})
        self.env["res.partner"].create({"name": "Ион Директор", "parent_id": customer.id, "function": "Директор"})
        lead = self.env["crm.lead"].create(
            {"name": "Склад Карпаты", "type": "opportunity", "partner_id": customer.id, "user_id": russian.id}
        )
        self.start_tour(f"/odoo/crm/{lead.id}", "partner_cadence_buying_centre_tour", login=russian.login)
        self.assertEqual(lead.buying_role_ids.mapped("partner_id.name"), ["Ион Директор"])
        self.assertEqual((lead.buying_role_ids.role, lead.buying_role_ids.met), ("decision_maker", True))
        self.assertEqual(lead.qualification_authority, "yes")

    def test_russian_salesperson_records_a_competitor_and_loses_a_deal_to_another(self):
        russian = self._russian_salesperson("tour_russian_competitors")
        self.start_tour("/odoo/crm", "partner_cadence_competitor_tour", login=russian.login)
        south = self.env["crm.competitor"].search([("name", "=", "Юг Дома")])
        self.assertEqual(south.strength_ids.mapped("response"), ["Годовой договор по фиксированной цене"])
        self.assertEqual(south.weakness_ids.name, "Долго отвечают")
        nord = self.env["crm.competitor"].create({"name": "Норд Риэлти"})
        deal = self.env["crm.lead"].create(
            {"name": "Сделка Норд", "type": "opportunity", "user_id": russian.id, "competitor_ids": nord.ids}
        )
        self.start_tour(f"/odoo/crm/{deal.id}", "partner_cadence_lost_to_competitor_tour", login=russian.login)
        self.assertEqual((deal.active, deal.lost_competitor_id), (False, nord))
        client = self._create_partner("Клиент Гранит", self.tier_weekly, user=russian, cadence_sales_target=1000)
        self.start_tour(
            f"/odoo/action-contacts.action_contacts/{client.id}",
            "partner_cadence_buys_from_competitor_tour",
            login=russian.login,
        )
        self.assertEqual(
            (client.cadence_competitor_purchase_ids.competitor_id, client.cadence_competitor_purchase_ids.offers),
            (nord, "Меньшая комиссия"),
        )
        self.assertEqual(nord.client_count, 1)
        self.start_tour(
            f"/odoo/action-partner_cadence.crm_competitor_action/{nord.id}",
            "partner_cadence_competitor_buttons_tour",
            login=russian.login,
        )

    def test_russian_salesperson_walks_the_b2b_cycle(self):
        russian = self._russian_salesperson("tour_russian_cycle")
        deal = self.env["crm.lead"].create({"name": "Склад Арена", "type": "opportunity", "user_id": russian.id})
        self.start_tour(f"/odoo/crm/{deal.id}", "partner_cadence_b2b_cycle_tour", login=russian.login)
        self.assertEqual(deal.cadence_cycle_step, 1)
        self.assertEqual(len(deal.activity_ids.filtered("cadence_cycle_template_id")), 14, "the other steps wait")
        manager = self._russian_salesperson("tour_russian_stages", groups="sales_team.group_sale_manager")
        team = self.env["crm.team"].create({"name": "Крупные клиенты"})
        self.start_tour(
            f"/odoo/action-sales_team.crm_team_action_config/{team.id}",
            "partner_cadence_cycle_stages_tour",
            login=manager.login,
        )
        stages = self.env["crm.stage"].search([(compat.STAGE_TEAMS, "=", team.id)])
        self.assertEqual(len(stages), 6)
        self.assertIn("Переговоры", stages.with_context(lang="ru_RU").mapped("name"))

    def test_russian_admin_starts_and_sets_up_competitors_experts_and_seminars(self):
        admin = self._russian_salesperson(
            "tour_russian_admin", groups="base.group_system,sales_team.group_sale_manager"
        )
        self.env["res.partner"].search([("cadence_nps_date", "!=", False)]).cadence_nps_date = False
        self.partner.write({"cadence_nps_score": 10, "cadence_nps_date": self.today})
        self.start_tour(
            "/odoo/action-crm.crm_config_settings_action", "partner_cadence_russian_settings_tour", login=admin.login
        )
        expert = new_test_user(self.env, login="tour_expert", groups="sales_team.group_sale_salesman")
        self.start_tour(
            f"/odoo/action-base.action_res_users/{expert.id}",
            "partner_cadence_russian_expert_window_tour",
            login=admin.login,
        )
        self.assertEqual((expert.cadence_expert_window_day, expert.cadence_expert_window_hours), ("3", 2.5))

    def test_russian_manager_says_which_lost_reasons_mean_never(self):
        manager = self._russian_salesperson("tour_russian_lost_reasons", groups="sales_team.group_sale_manager")
        self.start_tour(
            "/odoo/action-crm.crm_lost_reason_action", "partner_cadence_lost_reasons_tour", login=manager.login
        )
        self.assertEqual(self.env.ref("crm.lost_reason_1").cadence_after_loss, "stop")

    def test_salesman_starts_direct_mail_on_two_contacts(self):
        self.env["res.partner"].create(
            [{"name": name, "user_id": self.tour_salesman.id} for name in ("Tour Letter A", "Tour Letter B")]
        )
        self.start_tour(
            "/odoo/action-contacts.action_contacts?view_type=list",
            "partner_cadence_direct_mail_start_tour",
            login="tour_salesman",
        )
        self.start_tour(
            "/odoo/action-partner_cadence.partner_cadence_direct_mail_action",
            "partner_cadence_direct_mail_list_tour",
            login="tour_salesman",
        )
        letters = self.env["mail.activity"].search(
            [("cadence_slot", "=", "direct_mail_letter"), ("user_id", "=", self.tour_salesman.id)]
        )
        self.assertEqual(len(letters), 2)

    def test_russian_manager_merges_the_prospect_sheets(self):
        # Only this story's rows wait to be merged (the demo data has its own).
        self.env["partner.cadence.prospect.sheet.line"].search([]).unlink()
        self._create_partner("Tour Agency SRL", is_company=True, phone="+373 69 000 077")
        self.env["partner.cadence.prospect.sheet.line"].create(
            [
                {"sheet": "Elena", "company_name": "Tour Agency SRL", "phone": "069 000 077", "comments": "Knows all"},
                {"sheet": "Elena", "company_name": "Tour Tower", "phone": "069 000 078", "preliminary_orders": "Vents"},
            ]
        )
        self._in_russian("tour_sales_manager")
        self.start_tour(
            "/odoo/action-partner_cadence.partner_cadence_prospect_sheet_line_action",
            "partner_cadence_prospect_sheet_tour",
            login="tour_sales_manager",
        )
        self.assertTrue(self.env["crm.lead"].search([("partner_id.name", "=", "Tour Tower")]))
