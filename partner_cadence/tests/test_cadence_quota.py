from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged, users

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23")
class TestCadenceQuota(PartnerCadenceCommon):
    def test_inbound_frequency_suggests_and_applies_the_partner_tier(self):
        partner = self._create_partner("Dmitri Daily", cadence_inbound_frequency="daily")
        self.assertEqual(partner.cadence_suggested_tier_id, self.tier_weekly)
        self.assertEqual(partner.cadence_tier_id, self.tier_weekly)
        self.assertFalse(partner.cadence_tier_pinned)
        partner.cadence_inbound_frequency = "very_rare"
        self.assertEqual(partner.cadence_tier_id, self.tier_quarterly)

    def test_saving_the_form_does_not_pin_the_suggested_tier(self):
        # The web client sends the tier its onchange computed along with the answer: that is
        # the suggestion, not a choice.
        partner = self._create_partner("Form Realtor")
        with Form(partner) as form:
            form.cadence_inbound_frequency = "daily"
        self.assertEqual(partner.cadence_tier_id, self.tier_weekly)
        self.assertFalse(partner.cadence_tier_pinned)
        with Form(partner) as form:
            form.cadence_inbound_frequency = "very_rare"
        self.assertEqual(partner.cadence_tier_id, self.tier_quarterly)

    def test_standing_and_relationship_suggest_the_client_level(self):
        partner = self._create_partner(
            "Pavel Granit", cadence_financial_standing="high", cadence_relationship="loyal_rare"
        )
        self.assertEqual(partner.cadence_tier_id, self.level_1)
        partner.write({"cadence_financial_standing": "average", "cadence_relationship": "one_off"})
        self.assertEqual(partner.cadence_tier_id, self.level_5)

    def test_every_pair_of_standing_and_relationship_has_a_level(self):
        standings = [value for value, _label in self.env["res.partner"]._fields["cadence_financial_standing"].selection]
        relationships = [value for value, _label in self.env["res.partner"]._fields["cadence_relationship"].selection]
        levels = {}
        for standing in standings:
            for relationship in relationships:
                partner = self._create_partner(
                    f"Client {standing} {relationship}",
                    cadence_financial_standing=standing,
                    cadence_relationship=relationship,
                )
                levels[standing, relationship] = partner.cadence_tier_id
        self.assertTrue(all(levels.values()), f"pairs without a level: {[k for k, v in levels.items() if not v]}")
        self.assertEqual(levels["high", "loyal"], self.level_1)
        self.assertEqual(levels["low", "loyal"], self.env.ref("partner_cadence.partner_cadence_tier_client_level_4"))
        self.assertEqual(self._create_partner("Seasonal", cadence_relationship="one_off").cadence_tier_id, self.level_5)

    @users("cadence_manager")
    def test_a_manager_changes_a_cell_and_its_clients_follow_unless_pinned(self):
        cell = self.env.ref("partner_cadence.partner_cadence_level_cell_low_loyal").with_env(self.env)
        answers = {"cadence_financial_standing": "low", "cadence_relationship": "loyal"}
        follows = self._create_partner("Low Loyal", **answers).with_env(self.env)
        pinned = self._create_partner("Low Loyal Pinned", **answers).with_env(self.env)
        with Form(pinned) as form:
            form.cadence_tier_id = self.tier_monthly
        cell.tier_id = self.env.ref("partner_cadence.partner_cadence_tier_client_level_3")
        self.assertEqual(follows.cadence_tier_id, cell.tier_id)
        self.assertEqual(follows.cadence_suggested_tier_id, cell.tier_id)
        self.assertEqual(pinned.cadence_tier_id, self.tier_monthly, "a tier chosen by hand stays")
        self.assertIn(cell, cell.tier_id.level_cell_ids)

    @users("cadence_manager")
    def test_the_grid_reads_a_row_per_standing_and_writes_its_cells(self):
        rows = self.env["partner.cadence.level.row"].search([])
        self.assertEqual(rows.mapped("financial_standing"), ["high", "average", "low"])
        low = rows.filtered(lambda row: row.financial_standing == "low")
        self.assertEqual(low.tier_loyal_id, self.env.ref("partner_cadence.partner_cadence_tier_client_level_4"))
        follows = self._create_partner(
            "Low Loyal", cadence_financial_standing="low", cadence_relationship="loyal"
        ).with_env(self.env)
        level_3 = self.env.ref("partner_cadence.partner_cadence_tier_client_level_3")
        low.tier_loyal_id = level_3
        self.assertEqual(self.env.ref("partner_cadence.partner_cadence_level_cell_low_loyal").tier_id, level_3)
        self.assertEqual(follows.cadence_tier_id, level_3, "its clients follow, as when the cell is written")
        self.assertEqual(low.tier_one_off_id, self.level_5, "the other cells of the row unchanged")

    @users("cadence_salesman")
    def test_a_salesperson_reads_the_grid_but_cannot_change_it(self):
        cell = self.env.ref("partner_cadence.partner_cadence_level_cell_high_new").with_env(self.env)
        self.assertEqual(cell.display_name, "High standing, New")
        with self.assertRaises(AccessError):
            cell.tier_id = self.level_5
        row = self.env["partner.cadence.level.row"].search([("financial_standing", "=", "high")])
        with self.assertRaises(AccessError):
            row.tier_new_id = self.level_5

    def test_a_tier_pinned_by_hand_stays_until_the_suggestion_is_applied(self):
        partner = self._create_partner("Pinned Realtor", cadence_inbound_frequency="daily")
        with Form(partner) as form:
            form.cadence_tier_id = self.tier_monthly
        self.assertTrue(partner.cadence_tier_pinned)
        partner.cadence_inbound_frequency = "rare"
        self.assertEqual(partner.cadence_tier_id, self.tier_monthly)
        self.assertEqual(
            partner.cadence_suggested_tier_id, self.env.ref("partner_cadence.partner_cadence_tier_bimonthly")
        )
        partner.action_apply_suggested_tier()
        self.assertEqual(partner.cadence_tier_id, partner.cadence_suggested_tier_id)

    def test_client_level_has_meeting_and_call_quotas_met_over_the_quarter(self):
        client = self._create_partner("Level One", self.level_1, None, self.salesman)
        schedules = client.cadence_schedule_ids
        # Entered on 23 November, with 39 of the quarter's 92 days left: 3 of each 5 are owed.
        # The meeting, listed first, keeps the day; the call comes the next.
        self.assertEqual(
            sorted((s.activity_type_id.name, s.touch_count, s.period_quota, s.next_due_date) for s in schedules),
            [("Call", 5, 3, date(2026, 11, 24)), ("Meeting", 5, 3, date(2026, 11, 23))],
        )
        meeting = self._reminders(client, "mail.mail_activity_data_meeting")
        self.assertEqual(meeting.date_deadline, date(2026, 11, 23))
        self.assertEqual(self._reminders(client).date_deadline, date(2026, 11, 24), "never on the meeting's day")
        meeting.action_done()
        meeting_schedule = schedules.filtered(lambda s: s.activity_type_id == self.meeting_type)
        call_schedule = schedules - meeting_schedule
        # Two meetings still owed in the 39 days left: every 13 days, not every 18.
        self.assertEqual(meeting_schedule.next_due_date, date(2026, 12, 6))
        self.assertEqual(meeting_schedule.done_in_period, 1)
        # A meeting does not count as one of the calls, and the call keeps off its day.
        self.assertEqual(call_schedule.done_in_period, 0)
        self.assertEqual(call_schedule.next_due_date, date(2026, 11, 24))
        self.assertIn("0 of 3 this period", self._reminders(client).cadence_title)

    def test_what_a_reminder_says_stays_true_when_the_period_turns(self):
        """Its note holds nothing a new period or a touch could make untrue; its title counts
        what is owed as of the day it is read."""
        client = self._create_partner("Level Two", self.level_1, None, self.salesman)
        call = self._reminders(client)
        self.assertEqual(call.cadence_title, "Call Level Two: 0 of 3 this period")
        self.assertFalse(call.note)
        with freeze_time("2027-01-04"):
            self.env.invalidate_all()  # a read on another day is another request
            # The next quarter owes all five calls; the one of November is 41 days late.
            self.assertEqual(call.cadence_title, "Call Level Two: 41 days late, 0 of 5 this period")
            self.assertFalse(call.note)

    def test_a_client_behind_on_its_meetings_catches_up_before_the_quarter_ends(self):
        with freeze_time("2026-10-01"):
            client = self._create_partner("Busy Client", self.level_1, None, self.salesman)
        meetings = client.cadence_schedule_ids.filtered(lambda s: s.activity_type_id == self.meeting_type)
        # One meeting on 1 October, then nothing until 1 December: four still owed in 31 days.
        with freeze_time("2026-10-01"):
            client._register_cadence_touch(date(2026, 10, 1), self.meeting_type, origin="reminder")
        self.assertEqual(meetings.next_due_date, date(2026, 10, 19), "on schedule: every 18 days")
        with freeze_time("2026-12-01"):
            client._register_cadence_touch(date(2026, 12, 1), self.meeting_type, origin="reminder")
            self.assertEqual(meetings.period_quota, 5)
            self.assertEqual(meetings.done_in_period, 2)
            # Three owed in the 31 days left: every 7 days.
            self.assertEqual(meetings.next_due_date, date(2026, 12, 8))

    def test_met_quota_waits_for_the_next_period(self):
        quarterly_meeting = self.env["partner.cadence.tier"].create(
            self._tier_values(
                "One meeting a quarter", (self.meeting_type, 1), (self.call_type, 0), use_quota_period=True
            )
        )
        client = self._create_partner("Quarterly Client", quarterly_meeting, None, self.salesman)
        self.assertEqual(client.cadence_schedule_ids.activity_type_id, self.meeting_type, "no call line: 0 calls")
        self._reminders(client, "mail.mail_activity_data_meeting").action_done()
        self.assertEqual(client.cadence_schedule_ids.done_in_period, 1)
        self.assertEqual(client.next_touch_date, date(2027, 2, 23))
        with freeze_time("2026-12-30"):
            client._register_cadence_touch(date(2026, 12, 30), self.meeting_type, origin="reminder")
        self.assertEqual(client.next_touch_date, date(2027, 3, 30))

    def test_quota_period_setting_moves_the_client_levels(self):
        settings = self.env["res.config.settings"].create({"partner_cadence_quota_period": "month"})
        settings.execute()
        self.assertEqual((self.level_1.interval_number, self.level_1.interval_unit), (1, "month"))
        self.assertEqual((self.tier_quarterly.interval_number, self.tier_quarterly.interval_unit), (3, "month"))

    def test_missing_first_contact_information_gets_a_call_back_instead(self):
        partner = self._create_partner(
            "Victor", self.tier_weekly, None, self.salesman, phone=False, cadence_private_individual=False
        )
        self.assertFalse(partner.first_contact_complete)
        self.assertEqual(partner.first_contact_missing_display, "full name, phone, organisation or private individual")
        self.assertFalse(self._reminders(partner))
        call_back = self._reminders(partner, "partner_cadence.mail_activity_type_first_contact")
        self.assertEqual(call_back.summary, "First-contact information")
        self.assertIn("ask for full name, phone", call_back.cadence_title)
        self.assertEqual(call_back.note, "<p>Complete the first-contact information before anything else.</p>")
        self.assertIn(partner, self.env["res.partner"].search([("first_contact_complete", "=", False)]))
        partner.write({"name": "Victor Munteanu", "phone": "+373 69 111 007", "company_name": "Casa Bună"})
        self.assertTrue(partner.first_contact_complete)
        self.assertFalse(call_back.exists())
        self.assertEqual(self._reminders(partner).date_deadline, date(2026, 11, 23))

    def test_market_share_from_deals_and_the_market_size(self):
        partner = self._create_partner("Monthly Dealer", cadence_deal_count=1, cadence_deal_period="month")
        self.assertAlmostEqual(partner.cadence_market_share, 12.0)
        self.env["ir.config_parameter"].sudo().set_param("partner_cadence.market_size", 200)
        partner.invalidate_recordset(["cadence_market_share"])
        self.assertAlmostEqual(partner.cadence_market_share, 6.0)

    def test_source_is_a_utm_source(self):
        source = self.env.ref("partner_cadence.utm_source_exhibition")
        partner = self._create_partner("Fair Contact", source_id=source.id)
        self.assertIn(partner, self.env["res.partner"].search([("source_id", "=", source.id)]))

    def test_level_5_is_one_meeting_if_possible_once_not_every_period(self):
        meeting_line = self.level_5.line_ids.filtered(lambda line: line.activity_type_id == self.meeting_type)
        meeting_line.quota_kind = "in_total"  # as shipped
        client = self._create_partner("Seasonal Olga", self.level_5, None, self.salesman)
        meeting = client.cadence_schedule_ids.filtered(lambda schedule: schedule.activity_type_id == self.meeting_type)
        self.assertEqual(meeting.next_due_date, date(2026, 11, 23), "one meeting, due from the start")
        client._register_cadence_touch(date(2026, 11, 23), self.meeting_type)
        self.assertFalse(meeting.next_due_date, "done once: nothing more, in this period or the next")
        self.assertFalse(self._reminders(client, "mail.mail_activity_data_meeting"))

    def test_what_the_partner_told_us_raises_the_suggested_rhythm(self):
        partner = self._create_partner("Vera Veryrare", cadence_inbound_frequency="very_rare")
        self.assertEqual(partner.cadence_suggested_tier_id, self.tier_quarterly)
        partner.write({"cadence_deal_count": 1, "cadence_deal_period": "month"})
        self.assertEqual(partner.cadence_market_share, 12.0, "a deal a month of a 100-deal market")
        self.assertEqual(partner.cadence_suggested_tier_id, self.tier_monthly)
        partner.cadence_idle_inbound_frequency = "daily"
        self.assertEqual(partner.cadence_suggested_tier_id, self.tier_weekly, "clients come even without an offer")

    def test_a_channel_partner_who_is_also_a_client_follows_both(self):
        # A realtor whose target clients call every day, who also buys from us: new, high standing.
        partner = self._create_partner(
            "Realtor Client",
            None,
            date(2026, 11, 16),
            self.salesman,
            cadence_inbound_frequency="daily",
            cadence_financial_standing="high",
            cadence_relationship="new",
        )
        level_2 = self.env.ref("partner_cadence.partner_cadence_tier_client_level_2")
        self.assertEqual((partner.cadence_tier_id, partner.cadence_client_level_id), (self.tier_weekly, level_2))
        schedules = {s.activity_type_id: s for s in partner.cadence_schedule_ids}
        self.assertEqual(set(schedules), {self.call_type, self.meeting_type}, "one schedule per touch type")
        call = schedules[self.call_type]
        self.assertEqual((call.line_id.tier_id, call.client_line_id.tier_id), (self.tier_weekly, level_2))
        # Recorded with its last touch on the 16th, on both since then: the weekly call is due on
        # the 23rd; level 2's meeting quota asks a meeting from the start, not on the touch's day.
        self.assertEqual(call.next_due_date, date(2026, 11, 23))
        self.assertEqual(schedules[self.meeting_type].next_due_date, date(2026, 11, 17))
        reminders = partner._get_cadence_reminders()
        self.assertEqual(len(reminders), 2, "one reminder per type")
        self.assertEqual(len(set(reminders.mapped("date_deadline"))), 2, "never two on one day")
        # A done call counts toward both: the weekly rhythm and level 2's calls this quarter.
        self._reminders(partner).action_done()
        counts = partner._get_cadence_done_counts()
        self.assertEqual(counts[partner.id, call.id, call.line_id.id], 1)
        self.assertEqual(counts[partner.id, call.id, call.client_line_id.id], 1)
        self.assertEqual(call.next_due_date, date(2026, 11, 30), "the weekly rhythm, the sooner of the two")

    def test_a_client_only_contact_keeps_its_level_as_its_tier(self):
        partner = self._create_partner("Client Only", cadence_financial_standing="high", cadence_relationship="new")
        level_2 = self.env.ref("partner_cadence.partner_cadence_tier_client_level_2")
        self.assertEqual((partner.cadence_tier_id, partner.cadence_client_level_id.id), (level_2, False))
