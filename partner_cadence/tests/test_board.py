from odoo import Command
from odoo.tests import tagged

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
class TestBoard(PartnerCadenceCommon):
    """The manager's week, as the database reads it today (the board is one SQL view: it
    follows the database's clock, not a frozen one)."""

    def _db_today(self):
        self.env.flush_all()
        self.env.cr.execute("SELECT CURRENT_DATE")
        return self.env.cr.fetchone()[0]

    def _row(self, user, reader=None):
        board = self.env["partner.cadence.board"].with_user(reader or self.manager)
        return board.search([("user_id", "=", user.id)])

    def test_the_board_counts_what_is_overdue_contacted_and_needed(self):
        team = self.env["crm.team"].create(
            {
                "name": "Realtors desk",
                "cadence_planned_deals": 3,
                "crm_team_member_ids": [Command.create({"user_id": self.salesman.id})],
            }
        )
        self.realtor.cadence_value_manual = 10000
        reminder = self._reminders(self.realtor)
        today = self._db_today()
        self.assertLess(reminder.date_deadline, today, "the fixture's realtor is overdue")
        self.env["res.partner"]._refresh_cadence_values()
        contacted = self._create_partner("Contacted Today", self.tier_quarterly, None, self.salesman)
        contacted.with_user(self.salesman)._register_cadence_touch(today, self.call_type)
        lead = self.env["crm.lead"].create({"name": "Nurtured", "user_id": self.salesman.id})
        lead.action_start_nurture()

        row = self._row(self.salesman)
        self.assertEqual(row.team_id, team)
        overdue = self.env["mail.activity"].search(
            [("user_id", "=", self.salesman.id), ("cadence_slot", "!=", False), ("date_deadline", "<", today)]
        )
        self.assertEqual(row.overdue_count, len(overdue))
        self.assertEqual(row.overdue_days, sum((today - activity.date_deadline).days for activity in overdue))
        self.assertAlmostEqual(row.value_at_risk, self.realtor.cadence_value_at_risk, places=2)
        self.assertGreater(row.value_at_risk, 0)
        self.assertEqual(row.contacted_this_week, 1)
        self.assertEqual(row.contacts_needed, 15, "3 deals at one contact in five, one member")
        self.assertEqual(row.nurtured_leads, 1)

    def test_a_salesperson_sees_their_own_row_a_manager_the_team(self):
        self.env["crm.team"].create(
            {
                "name": "Two desks",
                "crm_team_member_ids": [
                    Command.create({"user_id": self.salesman.id}),
                    Command.create({"user_id": self.default_user.id}),
                ],
            }
        )
        self.assertTrue(self._row(self.salesman, reader=self.salesman))
        self.assertFalse(self._row(self.default_user, reader=self.salesman), "another salesperson's week")
        self.assertTrue(self._row(self.default_user, reader=self.manager))
        outsider = self._other_company_user("board_outsider")
        self.assertFalse(self._row(self.salesman, reader=outsider), "another company's manager")
