import ast
import itertools
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged, users

from odoo.addons.partner_cadence import compat

from .common import PartnerCadenceCommon

START = date(2026, 11, 2)


@tagged("post_install", "-at_install")
@freeze_time("2026-11-02")
class TestLeads(PartnerCadenceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["crm.lead.marker.question"].search([]).active = False
        Question = cls.env["crm.lead.marker.question"]
        cls.staff = Question.create(
            {
                "name": "Engineering staff?",
                "option_ids": [
                    Command.create({"name": "Outsourced", "potential": "low"}),
                    Command.create({"name": "1 to 5", "potential": "standard"}),
                    Command.create({"name": "More than 5", "potential": "high"}),
                ],
            }
        )
        cls.area = Question.create(
            {
                "name": "Floor area?",
                "option_ids": [
                    Command.create({"name": "Small", "potential": "low"}),
                    Command.create({"name": "Medium", "potential": "standard"}),
                    Command.create({"name": "Large", "potential": "high"}),
                ],
            }
        )
        cls.expert = new_test_user(
            cls.env, login="cadence_expert", name="Eugen Expert", groups="partner_cadence.group_sales_expert"
        )
        cls.env.ref("partner_cadence.group_sales_expert").write({compat.GROUP_USERS: [Command.set(cls.expert.ids)]})
        cls.letter_type = cls.env.ref("partner_cadence.mail_activity_type_letter")

    def _lead(self, **values):
        return self.env["crm.lead"].create(
            {"name": "Sky Business Centre", "email_from": "ion@example.com", "user_id": self.salesman.id, **values}
        )

    def _answer(self, lead, question, option_name):
        answer = lead.marker_answer_ids.filtered(lambda a: a.question_id == question)
        answer.option_id = question.option_ids.filtered(lambda o: o.name == option_name)

    def _open_touch(self, lead):
        return self.env["mail.activity"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id), ("nurture_touch", "=", True)]
        )

    def test_marker_answers_give_the_potential(self):
        lead = self._lead()
        self.assertEqual(lead.marker_answer_ids.question_id, self.staff | self.area)
        self.assertFalse(lead.potential)
        self._answer(lead, self.staff, "1 to 5")
        self.assertEqual(lead.potential, "standard")
        self._answer(lead, self.area, "Small")
        self.assertEqual(lead.potential, "low")

    def test_a_team_change_by_automation_leaves_the_questions_to_the_planner(self):
        team = self.env["crm.team"].create({"name": "Engineering team"})
        team_question = self.env["crm.lead.marker.question"].create(
            {"name": "Tender planned?", "team_id": team.id, "option_ids": [Command.create({"name": "Yes"})]}
        )
        lead = self._lead()
        lead.team_id = team
        self.assertEqual(lead.marker_answer_ids.question_id, self.staff | self.area, "not in Odoo's write path")
        self.env["crm.lead"]._cron_plan_lead_touches()
        self.assertEqual(lead.marker_answer_ids.question_id, self.staff | self.area | team_question)
        self.env["crm.lead"]._cron_plan_lead_touches()
        self.assertEqual(len(lead.marker_answer_ids), 3, "a rerun adds nothing")

    def test_choosing_a_team_in_the_form_shows_its_questions_at_once(self):
        team = self.env["crm.team"].create({"name": "Engineering team"})
        team_question = self.env["crm.lead.marker.question"].create(
            {"name": "Tender planned?", "team_id": team.id, "option_ids": [Command.create({"name": "Yes"})]}
        )
        with Form(self._lead()) as form:
            form.team_id = team
            self.assertEqual(len(form.marker_answer_ids), 3, "shown before the lead is saved")
        lead = form.record
        self.assertEqual(lead.marker_answer_ids.question_id, self.staff | self.area | team_question)

    def test_high_potential_gets_an_expert_with_a_meeting(self):
        lead = self._lead()
        self._answer(lead, self.staff, "More than 5")
        self._answer(lead, self.area, "Large")
        self.assertEqual(lead.potential, "high")
        self.assertEqual(lead.expert_id, self.expert)
        meeting = lead.activity_ids.filtered(lambda a: a.user_id == self.expert)
        self.assertEqual(meeting.activity_type_id, self.meeting_type)

    def test_expert_meetings_fill_the_experts_weekly_window_and_no_more(self):
        # §6: Eugen takes high-potential deals on Wednesdays, two hours a week; a meeting takes an hour.
        self.expert.write({"cadence_expert_window_day": "2", "cadence_expert_window_hours": 2})
        with freeze_time("2026-11-23"):  # a Monday
            meetings = []
            for name in ("Arena Mall", "Codru Offices", "Sky Tower"):
                lead = self._lead(name=name)
                self._answer(lead, self.staff, "More than 5")
                self._answer(lead, self.area, "Large")
                meetings.append(lead.activity_ids.filtered(lambda a: a.user_id == self.expert))
        self.assertEqual(
            [meeting.date_deadline for meeting in meetings],
            [date(2026, 11, 25), date(2026, 11, 25), date(2026, 12, 2)],
            "two in this Wednesday's window, the third in next week's",
        )
        # The admin lengthens expert meetings to two hours: a window now holds one.
        self._set_cadence_settings(expert_meeting_hours=2)
        with freeze_time("2026-11-23"):
            lead = self._lead(name="Nord Plaza")
            self._answer(lead, self.staff, "More than 5")
            self._answer(lead, self.area, "Large")
        self.assertEqual(
            lead.activity_ids.filtered(lambda a: a.user_id == self.expert).date_deadline, date(2026, 12, 9)
        )
        with self.assertRaises(ValidationError):
            self.expert.cadence_expert_window_hours = 100
        # The wins an expert took part in are theirs on the Cadence Board.
        lead.stage_id = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        self.env.flush_all()
        board = self.env["partner.cadence.board"].search([("user_id", "=", self.expert.id)])
        self.assertEqual(board.expert_wins, 1)

    def test_low_potential_is_not_nurtured_and_offered_lost(self):
        lead = self._lead()
        lead.action_start_nurture()
        self._answer(lead, self.staff, "Outsourced")
        self.assertEqual((lead.nurture_state, lead.nurture_stop_reason), ("stopped", "Low potential: not developed."))
        self.assertFalse(self._open_touch(lead))
        with self.assertRaisesRegex(UserError, "low potential"):
            lead.action_start_nurture()
        lead.action_set_lost_low_potential()
        self.assertEqual(lead.lost_reason_id, self.env.ref("partner_cadence.crm_lost_reason_low_potential"))

    def test_qualification_score_and_predictive_scoring_fields(self):
        lead = self._lead(qualification_need="yes", qualification_funds="yes", qualification_desire="no")
        self.assertEqual(lead.qualification_score, 50)
        pls_fields = self.env["ir.config_parameter"].sudo().get_param("crm.pls_fields").split(",")
        self.assertIn("potential", pls_fields)
        self.assertIn("qualification_score", pls_fields)
        self.assertIn("potential", lead._pls_get_safe_fields())

    def test_a_lead_walked_through_its_sequence(self):
        lead = self._lead()
        lead.action_start_nurture()
        done, phases = [], set()
        while True:
            touch = self._open_touch(lead)
            if not touch:
                # Beyond the planning horizon: the scheduled action plans it in time.
                with freeze_time(lead.nurture_next_date):
                    self.env["crm.lead"]._cron_plan_lead_touches()
                touch = self._open_touch(lead)
            self.assertEqual(len(touch), 1, "exactly one open nurture touch")
            # 150 days: the intensive month, the weekly phase, and more than one monthly touch.
            if touch.date_deadline > START + timedelta(days=150):
                break
            day = touch.date_deadline
            with freeze_time(day):
                touch.with_user(self.salesman).action_feedback(feedback=f"New case study, touch {len(done) + 1}")
            done.append(day)
            phases.add(lead.nurture_phase.name)
        first_month = [day for day in done if (day - START).days < 30]
        self.assertGreaterEqual(len(first_month), 7)
        weekly = [day for day in done if 30 <= (day - START).days < 90]
        self.assertEqual({(b - a).days for a, b in itertools.pairwise(weekly)}, {7})
        monthly = [day for day in done if (day - START).days >= 90]
        self.assertGreaterEqual(len(monthly), 2)
        self.assertTrue(all(28 <= (b - a).days <= 31 for a, b in itertools.pairwise([weekly[-1], *monthly])))
        self.assertEqual(phases, {"Intensive", "Weekly", "Monthly"})
        self.assertEqual(lead.nurture_touch_count, len(done))
        notes = lead.message_ids.mapped("preview")
        self.assertIn("Nurture phase: Weekly.", notes)
        self.assertTrue(
            any("New case study, touch 3" in str(body) for body in lead.message_ids.mapped("body")),
            "the new information is in the chatter",
        )

    def test_high_potential_goes_through_its_own_reinforced_phase(self):
        # §6: a high-potential lead gets the reinforced scheme: ten touches in its first month
        # (the shipped reinforced phase) with its expert, then the weekly and monthly phases.
        with freeze_time(START):
            lead = self._lead()
            lead.action_start_nurture()
            self.assertEqual(lead.nurture_phase.name, "Intensive")
            self._answer(lead, self.staff, "More than 5")
            self._answer(lead, self.area, "Large")
        self.assertEqual((lead.potential, lead.nurture_phase.name), ("high", "Reinforced"))
        self.assertEqual(len(self._open_touch(lead)), 1, "its one open touch follows the reinforced phase")
        done = []
        while len(done) < 12:
            touch = self._open_touch(lead)
            if not touch:
                with freeze_time(lead.nurture_next_date):
                    self.env["crm.lead"]._cron_plan_lead_touches()
                touch = self._open_touch(lead)
            day = touch.date_deadline
            with freeze_time(day):
                touch.with_user(self.salesman).action_feedback(feedback=f"Expert case, touch {len(done) + 1}")
            done.append(day)
        first_month = [day for day in done if (day - START).days < 30]
        self.assertGreaterEqual(len(first_month), 10, "ten touches, not the standard seven")
        self.assertEqual(lead.nurture_phase.name, "Weekly")
        standard = self._lead(name="Vila Verde")
        standard.action_start_nurture()
        self.assertEqual(standard.nurture_phase.name, "Intensive", "the others keep the standard phase")

    def test_a_changed_phase_moves_the_open_touch_of_the_leads_in_it(self):
        lead = self._lead()
        lead.action_start_nurture()
        self._do_touch(lead, START)
        before = lead.nurture_next_date
        self.env.ref("partner_cadence.crm_nurture_phase_intensive").touch_count = 3
        self.assertGreater(lead.nurture_next_date, before, "fewer touches in the window: spread wider")
        self.assertEqual(self._open_touch(lead).date_deadline, lead.nurture_next_date)

    def _do_touch(self, lead, day):
        touch = self._open_touch(lead)
        with freeze_time(day):
            touch.with_user(self.salesman).action_feedback(feedback=f"Something new on {day}")

    def test_a_late_salesperson_still_reaches_the_intensive_minimum(self):
        lead = self._lead()
        lead.action_start_nurture()
        self.assertIn("A sales touch", self._open_touch(lead).note)
        self._do_touch(lead, START)
        # Nothing for sixteen days: six touches still owed in the fourteen left.
        done = [START]
        day = START + timedelta(days=16)
        while (day - START).days < 30:
            with freeze_time(day):
                self.env["crm.lead"]._cron_plan_lead_touches()
            self._do_touch(lead, day)
            done.append(day)
            day = lead.nurture_next_date
        self.assertGreaterEqual(len(done), 7, "the minimum within the window")
        self.assertEqual(lead.nurture_phase.name, "Weekly", "the lead moved on when the window ended")
        self.assertNotIn("ended with", " ".join(lead.message_ids.mapped("preview")))
        self.assertIn("An educational touch", self._open_touch(lead).note)

    def test_a_window_ended_short_of_its_minimum_is_said_in_the_chatter(self):
        lead = self._lead()
        lead.action_start_nurture()
        self._do_touch(lead, START)
        with freeze_time(START + timedelta(days=31)):
            self.env["crm.lead"]._cron_plan_lead_touches()
        self.assertEqual((lead.nurture_phase.name, lead.nurture_phase_touch_count), ("Weekly", 0))
        self.assertIn(
            "Nurture phase: Weekly. The Intensive phase ended with 1 of its 7 touches.",
            lead.message_ids.mapped("preview"),
        )

    def test_channels_rotate_unless_the_contact_prefers_one(self):
        lead = self._lead()
        lead.action_start_nurture()
        kinds = []
        for index in range(4):
            touch = self._open_touch(lead)
            kinds.append(touch.activity_type_id)
            with freeze_time(touch.date_deadline):
                touch.action_feedback(feedback=f"News {index}")
        # In the phase's order of channels (the activity types' sequence), each once.
        self.assertEqual(kinds, list(self.env.ref("partner_cadence.crm_nurture_phase_intensive").activity_type_ids))
        self.assertEqual(len(set(kinds)), 4)
        paper = self._lead(preferred_channel_id=self.letter_type.id)
        paper.action_start_nurture()
        self.assertEqual(self._open_touch(paper).activity_type_id, self.letter_type)

    def test_each_touch_must_carry_something_new(self):
        lead = self._lead()
        lead.action_start_nurture()
        touch = self._open_touch(lead)
        with self.assertRaisesRegex(UserError, "must carry something new"):
            touch.action_feedback(feedback="   ")
        self.assertTrue(touch.exists())

    def test_a_nurture_touch_says_which_phase_and_touch_it_is(self):
        lead = self._lead()
        lead.action_start_nurture()
        touch = self._open_touch(lead)
        phase = lead.nurture_phase.name
        self.assertEqual(lead.nurture_phase.touch_purpose, "sell")
        self.assertTrue(touch.cadence_title.endswith(f"Sky Business Centre: {phase} phase, touch 1, bring an offer"))
        self.assertEqual(lead.activity_summary, touch.cadence_title, "the list's activity column says it too")
        with freeze_time("2026-12-20"):
            touch.invalidate_recordset(["cadence_title"])
            self.assertIn("late", touch.cadence_title)

    def test_a_salesperson_finds_the_leads_being_nurtured_whatever_the_pipeline_settings(self):
        self.assertFalse(self.salesman.has_group("crm.group_use_lead"), "crm's Leads option off, as shipped")
        lead = self._lead(type="lead")
        lead.action_start_nurture()
        opportunity = self._lead(name="Heat pump", type="opportunity")
        opportunity.action_start_nurture()
        self._lead(name="Not nurtured")
        menu = self.env.ref("partner_cadence.crm_lead_nurtured_menu")
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(self.salesman)._visible_menu_ids())
        action = (
            self.env["ir.actions.act_window"]
            .with_user(self.salesman)
            ._for_xml_id("partner_cadence.crm_lead_nurtured_action")
        )
        listed = self.env["crm.lead"].with_user(self.salesman).search(ast.literal_eval(action["domain"]))
        self.assertEqual(set(listed.ids) & {lead.id, opportunity.id}, {lead.id, opportunity.id})
        self.assertTrue(all(listed.mapped("nurture_state")))

    def test_done_from_my_activities_asks_what_new_the_touch_brought(self):
        """The list's and the card's Done give no feedback: they ask for it first."""
        lead = self._lead()
        lead.action_start_nurture()
        touch = self._open_touch(lead).with_user(self.salesman)
        action = touch.action_done()
        self.assertEqual(action["res_model"], "partner.cadence.activity.done")
        wizard = self.env["partner.cadence.activity.done"].with_user(self.salesman).browse(action["res_id"])
        self.assertTrue(wizard.asks_what_is_new)
        self.assertFalse(wizard.asks_score)
        with self.assertRaisesRegex(UserError, "what new this touch brought"):
            wizard.action_done()
        self.assertTrue(touch.exists() and touch.active)
        wizard.feedback = "A case from the neighbours"
        wizard.action_done()
        self.assertFalse(touch.exists() and touch.active)
        self.assertIn("A case from the neighbours", lead.message_ids[0].body)
        # Any other activity is done at once, as in Odoo.
        todo = lead.activity_schedule("mail.mail_activity_data_todo", user_id=self.salesman.id).with_user(self.salesman)
        self.assertNotIsInstance(todo.action_done(), dict)

    def test_exits_on_won_lost_and_blacklist(self):
        won, lost, blacklisted = (
            self._lead(),
            self._lead(email_from="lost@example.com"),
            self._lead(email_from="gone@example.com"),
        )
        (won | lost | blacklisted).action_start_nurture()
        won.action_set_won()
        lost.action_set_lost()
        self.env["mail.blacklist"].sudo()._add("gone@example.com")
        self.env["crm.lead"]._cron_plan_lead_touches()
        for lead in (won, lost.with_context(active_test=False), blacklisted):
            with self.subTest(lead=lead.email_from):
                self.assertEqual(lead.nurture_state, "stopped")
                self.assertFalse(self._open_touch(lead))
        self.assertEqual(blacklisted.nurture_stop_reason, "The e-mail address is blacklisted.")

    def test_manual_stop_needs_a_reason_and_pause_resumes(self):
        lead = self._lead()
        lead.action_start_nurture()
        lead.action_pause_nurture()
        self.assertFalse(self._open_touch(lead))
        lead.action_resume_nurture()
        self.assertTrue(self._open_touch(lead))
        with self.assertRaisesRegex(UserError, "Say why"):
            lead.action_stop_nurture()
        lead.nurture_stop_reason = "Bought from a competitor"
        lead.action_stop_nurture()
        self.assertEqual(lead.nurture_state, "stopped")

    def test_every_new_lead_is_nurtured_unless_the_admin_turns_it_off(self):
        """§4: every potential client who makes contact is nurtured, as shipped. crm's create
        path only enrols the lead and wakes the lead planner, which starts it."""
        cron = self.env.ref("partner_cadence.ir_cron_plan_lead_touches")
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        lead = self._lead()
        self.assertEqual(lead.nurture_start_date, START)
        self.assertFalse(lead.nurture_state, "started by the planner, not in crm's create")
        self.assertFalse(self._open_touch(lead))
        self.assertGreater(self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]), len(triggers))
        with freeze_time("2026-11-03"):
            self.env["crm.lead"]._cron_plan_lead_touches()
        self.assertEqual(lead.nurture_state, "running")
        self.assertEqual(self._open_touch(lead).date_deadline, START, "due the day it made contact")

        won = self._lead(name="Signed at once", probability=100)
        self.assertFalse(won.nurture_start_date)
        self._set_cadence_settings(nurture_on_create=False)
        manual = self._lead(name="Started by hand")
        self.env["crm.lead"]._cron_plan_lead_touches()
        self.assertFalse(manual.nurture_state)
        self.assertFalse(self._open_touch(manual))

    def test_source_and_recommender_carry_over_to_the_customer(self):
        source = self.env.ref("partner_cadence.utm_source_word_of_mouth")
        lead = self._lead(partner_name="Sky Business Centre", source_id=source.id, referred_by_id=self.realtor.id)
        lead._handle_partner_assignment(create_missing=True)
        self.assertEqual(lead.partner_id.source_id, source)
        self.assertEqual(lead.partner_id.referred_by_id.commercial_partner_id, self.realtor)

    def test_hand_off_along_the_pipeline(self):
        lead = self._lead()
        lead.action_hand_off()
        self.assertEqual(lead.pipeline_role, "selling")
        self.assertIn("Handed over to you", lead.activity_ids.filtered(lambda a: a.user_id == self.salesman).summary)
        with self.assertRaisesRegex(UserError, "account manager"):
            lead.action_hand_off()
        lead.account_manager_id = self.manager
        lead.action_hand_off()
        self.assertEqual(lead.pipeline_role, "account")
        hand_off = lead._get_cadence_reminders(["hand_off"])
        self.assertEqual(hand_off.user_id, self.manager, "one open hand-off, moved on to its new owner")

    def test_a_salesperson_hands_on_only_a_qualified_lead_with_a_meeting_booked(self):
        lead = self._lead()
        lead_as_salesman = lead.with_user(self.salesman)
        with self.assertRaisesRegex(UserError, "not qualified yet"):
            lead_as_salesman.action_hand_off()
        lead.write(
            {
                "need_is_current": True,
                "qualification_need": "yes",
                "qualification_desire": "yes",
                "qualification_funds": "yes",
            }
        )
        with self.assertRaisesRegex(UserError, "Book a meeting"):
            lead_as_salesman.action_hand_off()
        self.env["calendar.event"].create(
            {
                "name": "First meeting",
                "opportunity_id": lead.id,
                "start": datetime(2026, 11, 5, 10, 0),
                "stop": datetime(2026, 11, 5, 11, 0),
                "partner_ids": [Command.link(self.salesman.partner_id.id)],
            }
        )
        lead_as_salesman.action_hand_off()
        self.assertEqual(lead.pipeline_role, "selling")
        lead.account_manager_id = self.manager
        with self.assertRaisesRegex(UserError, "once the deal is won"):
            lead_as_salesman.action_hand_off()
        lead.with_user(self.manager).action_hand_off()
        self.assertEqual(lead.pipeline_role, "account", "a manager may override")
        self.assertIn("manager's decision", lead.message_ids[0].body)

    def test_planning_against_touches_this_week(self):
        team = self.env["crm.team"].create(
            {
                "name": "Realtors desk",
                "crm_team_member_ids": [Command.create({"user_id": self.salesman.id})],
                "cadence_sales_plan": 100000,
                "cadence_average_deal": 7000,
            }
        )
        self.assertEqual(team.cadence_planned_deals, 3)
        self.assertEqual(team.cadence_required_contacts, 15)
        self.assertEqual(team.cadence_clients_needed, 15)
        self._reminders(self.realtor).with_user(self.salesman).action_done()
        self.realtor.with_user(self.salesman)._register_cadence_touch(date(2026, 11, 2), self.call_type)
        lone_lead = self.env["crm.lead"].create({"name": "No customer yet", "user_id": self.salesman.id})
        lone_lead.activity_schedule("mail.mail_activity_data_call", user_id=self.salesman.id).with_user(
            self.salesman
        ).action_done()
        team.invalidate_recordset()
        self.assertEqual(team.cadence_contacts_this_week, 2, "two people: the realtor (touched twice) and the lead")
        self.assertEqual(team.crm_team_member_ids.cadence_required_contacts, 15)

    def test_without_a_typed_average_the_plan_counts_on_the_average_won_deal(self):
        team = self.env["crm.team"].create({"name": "Won desk", "cadence_sales_plan": 30000})
        self.assertEqual((team.cadence_average_won_deal, team.cadence_clients_needed), (0, 0))
        for revenue in (4000, 6000):
            self._won_deal(self.realtor, revenue, date(2026, 10, 1)).team_id = team
        self._won_deal(self.realtor, 90000, date(2024, 1, 1)).team_id = team  # beyond the value window
        team.invalidate_recordset()
        self.assertEqual(team.cadence_average_won_deal, 5000)
        self.assertEqual(team.cadence_clients_needed, 6)
        team.cadence_average_deal = 10000
        self.assertEqual(team.cadence_clients_needed, 3, "the typed average wins")

    def test_company_wide_questions_count_toward_a_teams_four(self):
        team = self.env["crm.team"].create({"name": "Busy desk"})
        shared = self.env["crm.lead.marker.question"].search([("team_id", "=", False)])
        for index in range(4 - len(shared)):
            self.env["crm.lead.marker.question"].create(
                {"name": f"Team question {index}?", "team_id": team.id, "option_ids": [Command.create({"name": "Any"})]}
            )
        with self.assertRaisesRegex(ValidationError, "Keep to 4"):
            self.env["crm.lead.marker.question"].create(
                {"name": "One too many?", "team_id": team.id, "option_ids": [Command.create({"name": "Any"})]}
            )

    def test_bad_input_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "needs answer options"), self.cr.savepoint():
            self.env["crm.lead.marker.question"].create({"name": "Empty?"})
        for index in range(2):
            self.env["crm.lead.marker.question"].create(
                {"name": f"Extra {index}?", "option_ids": [Command.create({"name": "Any"})]}
            )
        with self.assertRaisesRegex(ValidationError, "Keep to 4"), self.cr.savepoint():
            self.env["crm.lead.marker.question"].create(
                {"name": "One too many?", "option_ids": [Command.create({"name": "Any"})]}
            )
        with self.assertRaisesRegex(ValidationError, "Only the last phase"), self.cr.savepoint():
            self.env.ref("partner_cadence.crm_nurture_phase_weekly").duration_days = 0
        with self.assertRaisesRegex(ValidationError, "21 to 30"):
            self.env["res.config.settings"].create({"partner_cadence_nurture_window_days": 40})

    @users("cadence_salesman")
    def test_salesman_answers_but_does_not_edit_questions(self):
        lead = self._lead().with_env(self.env)
        answer = lead.marker_answer_ids.filtered(lambda a: a.question_id == self.staff)
        answer.option_id = self.staff.option_ids[2].with_env(self.env)
        self.assertEqual(lead.potential, "high")
        with self.assertRaises(AccessError):
            self.staff.with_env(self.env).name = "Changed?"
        with self.assertRaises(AccessError):
            self.env.ref("partner_cadence.crm_nurture_phase_weekly").with_env(self.env).duration_days = 10

    def test_other_company_does_not_see_the_questions(self):
        outsider = self._other_company_user("lead_outsider")
        self.assertFalse(self.env["crm.lead.marker.question"].with_user(outsider).search([]))
