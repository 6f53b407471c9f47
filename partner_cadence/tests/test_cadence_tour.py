from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "partner_cadence_tour")
class TestCadenceTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, login="tour_salesman", name="Tour Salesman", groups="sales_team.group_sale_salesman"
        )
        # The browser runs on the real clock, so the story is told relative to today.
        cls.today = fields.Date.context_today(cls.salesman)
        cls.partner = cls.env["res.partner"].create(
            {
                "name": "Tour Realtor",
                "user_id": cls.salesman.id,
                "cadence_tier_id": cls.env.ref("partner_cadence.partner_cadence_tier_weekly").id,
                "last_touch_date": cls.today - timedelta(days=10),
            }
        )

    def test_salesman_marks_touch_done_from_activity_inbox(self):
        self.start_tour("/odoo", "partner_cadence_touch_done_tour", login="tour_salesman")
        self.assertEqual(self.partner.last_touch_date, self.today)
        reminder = self.partner.activity_search(
            ["mail.mail_activity_data_call"], additional_domain=[("cadence_reminder", "=", True)]
        )
        self.assertEqual(reminder.date_deadline, self.today + timedelta(days=7))
