from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged, users

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23 10:00:00")
class TestDirectMail(PartnerCadenceCommon):
    """§6: about ten letters a day, then a call to the same people a few days later."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.recipients = cls.env["res.partner"].create(
            [{"name": f"Letter Recipient {index}", "user_id": cls.salesman.id} for index in range(12)]
        )
        cls.letter_type = cls.env.ref("partner_cadence.mail_activity_type_letter")

    def _open(self, records, key):
        return records._get_cadence_reminders([key])

    @users("cadence_salesman")
    def test_ten_letters_a_day_then_a_call_three_days_after_each(self):
        recipients = self.recipients.with_env(self.env)
        self.env["partner.cadence.direct.mail"]._start(recipients)
        letters = self._open(recipients, "direct_mail_letter")
        self.assertEqual(len(letters), 10, "the daily quota")
        self.assertEqual(set(letters.mapped("activity_type_id")), {self.letter_type})
        self.assertEqual(set(letters.mapped("user_id")), {self.salesman})
        first = letters[0].res_id
        letters[0].action_done()
        call = self._open(recipients, "direct_mail_call")
        self.assertEqual(call.date_deadline, date(2026, 11, 26))
        self.assertEqual(call.res_id, first)
        call.action_done()
        lines = self.env["partner.cadence.direct.mail"].search([("partner_id", "in", recipients.ids)])
        self.assertEqual(lines.filtered(lambda line: line.state == "done").partner_id.id, first)
        with freeze_time("2026-11-24"):
            self.env["partner.cadence.direct.mail"].sudo()._plan_letters()
        self.assertEqual(len(self._open(recipients, "direct_mail_letter")), 10, "one more: nine were still open")
        self.assertEqual(len(lines.filtered(lambda line: line.state == "queued")), 1)

    @users("cadence_salesman")
    def test_the_same_people_are_not_put_on_the_list_twice(self):
        recipients = self.recipients[:2].with_env(self.env)
        self.env["partner.cadence.direct.mail"]._start(recipients)
        with self.assertRaisesRegex(UserError, "already"):
            self.env["partner.cadence.direct.mail"]._start(recipients)

    def test_a_salesperson_sees_only_their_own_list(self):
        self.env["partner.cadence.direct.mail"].with_user(self.salesman)._start(
            self.recipients[:2].with_user(self.salesman)
        )
        other = new_test_user(self.env, login="cadence_other_sales", groups="sales_team.group_sale_salesman")
        self.assertFalse(self.env["partner.cadence.direct.mail"].with_user(other).search([]))
        self.assertEqual(len(self.env["partner.cadence.direct.mail"].with_user(self.manager).search([])), 2)

    def test_leads_get_letters_too(self):
        lead = self.env["crm.lead"].create({"name": "Paper lover", "user_id": self.salesman.id})
        self.env["partner.cadence.direct.mail"].with_user(self.salesman)._start(lead.with_user(self.salesman))
        self.assertEqual(self._open(lead, "direct_mail_letter").activity_type_id, self.letter_type)
