from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from .common import PartnerCadenceCommon

CALL = "mail.mail_activity_data_call"


@tagged("post_install", "-at_install")
class TestWinBack(PartnerCadenceCommon):
    """§7: competitors work your past clients while you chase new ones. A client who stopped
    buying is called back, once a lapse."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls._create_partner("Nistru Bakery", None, None, cls.salesman, is_company=True)
        cls.call = cls.env.ref(CALL)

    def _buy(self, day, amount=1000):
        return self._won_deal(self.client, amount, datetime.combine(day, datetime.min.time()))

    def _refresh(self, day):
        with freeze_time(day):
            self.env.invalidate_all()
            self.env["res.partner"]._refresh_cadence_clients()

    def _winback(self):
        return self.client._get_cadence_reminders(["winback"])

    def _buy_every_61_days(self):
        # 1 Mar, 1 May, 1 Jul: a usual gap of 61 days. Lapsed after 61 + 31 (50%): 1 Oct.
        for day in (date(2026, 3, 1), date(2026, 5, 1), date(2026, 7, 1)):
            self._buy(day)

    def test_a_client_who_stopped_buying_is_called_back_once_a_lapse(self):
        self._buy_every_61_days()
        self._refresh("2026-09-20")
        self.assertEqual(self.client.cadence_winback_date, date(2026, 10, 1))
        self.assertFalse(self._winback(), "not lapsed within the week ahead yet")
        self._refresh("2026-09-25")
        call = self._winback()
        self.assertEqual(
            (call.date_deadline, call.user_id, call.activity_type_id), (date(2026, 10, 1), self.salesman, self.call)
        )
        self.assertEqual(call.summary, "Win back Nistru Bakery")
        self.assertIn("last bought on 07/01/2026 and has not bought since", str(call.note))
        with freeze_time("2026-10-05"):
            self.assertEqual(call.cadence_title, "Win back Nistru Bakery: 4 days late, last purchase 1 Jul 2026")
            call.with_user(self.salesman).action_feedback("They buy from Frigotehnica now; send our new price list")
        self._refresh("2026-10-06")
        self._refresh("2026-11-20")
        self.assertFalse(self._winback(), "called back once for this lapse, not every night")
        # Bought again on 20 Dec: gaps of 61, 61 and 172; the rhythm is 61, lapse after 92 days.
        self._buy(date(2026, 12, 20))
        self._refresh("2026-12-27")
        self.assertFalse(self._winback())
        self.assertEqual(self.client.cadence_winback_date, date(2027, 3, 22))
        self._refresh("2027-03-20")
        self.assertEqual(self._winback().date_deadline, date(2027, 3, 22), "a new lapse, a new call")

    def test_a_client_who_buys_again_no_longer_gets_the_call(self):
        self._buy_every_61_days()
        self._refresh("2026-10-01")
        self.assertTrue(self._winback())
        self._buy(date(2026, 10, 3))
        self._refresh("2026-10-04")
        self.assertFalse(self._winback(), "they bought: nothing to win back")
        self.assertEqual(self.client.cadence_last_purchase_date, date(2026, 10, 3))

    def test_without_a_known_rhythm_the_setting_says_when(self):
        self._buy(date(2026, 1, 10))
        self._refresh("2026-06-20")
        self.assertEqual(self.client.cadence_repurchase_interval, 0, "one purchase tells no rhythm")
        self.assertEqual(self.client.cadence_winback_date, date(2026, 7, 9), "180 days after the purchase")
        self.assertFalse(self._winback())
        self._set_cadence_settings(winback_days=150)
        self._refresh("2026-06-20")
        self.assertEqual(self._winback().date_deadline, date(2026, 6, 9), "150 days: already lapsed")

    def test_an_admin_who_changes_the_lapse_moves_the_open_call_or_stops_it(self):
        self._buy_every_61_days()
        self._refresh("2026-09-28")
        self.assertEqual(self._winback().date_deadline, date(2026, 10, 1))
        # Twice the usual gap on top: lapsed on 31 Dec. The call not made yet moves there.
        self._set_cadence_settings(winback_grace_percent=200)
        self._refresh("2026-09-29")
        self.assertEqual(self._winback().date_deadline, date(2026, 12, 31))
        # Switched off: open calls go, nobody is called back.
        self._set_cadence_settings(winback_days=0)
        self._refresh("2026-09-30")
        self.assertFalse(self._winback())
        self.assertFalse(self.client.cadence_winback_date)
        # Switched on again: the call never made comes back.
        self._set_cadence_settings(winback_days=180, winback_grace_percent=50)
        self._refresh("2026-10-01")
        self.assertEqual(self._winback().date_deadline, date(2026, 10, 1))

    def test_a_russian_salesperson_reads_the_call_in_russian(self):
        self._activate_translations()
        self.salesman.lang = "ru_RU"
        self._buy_every_61_days()
        self._refresh("2026-10-01")
        call = self._winback()
        self.assertEqual(call.summary, "Вернуть клиента Nistru Bakery")
        with freeze_time("2026-10-01"):
            title = call.with_user(self.salesman).with_context(lang="ru_RU").cadence_title
        self.assertTrue(title.startswith("Вернуть клиента Nistru Bakery: последняя покупка 1 июл"), title)

    @users("cadence_salesman")
    def test_a_salesperson_cannot_mark_a_lapse_as_called(self):
        with self.assertRaises(AccessError):
            self.client.with_user(self.env.user).write({"cadence_winback_called_for": date(2026, 1, 1)})

    def test_the_call_before_a_purchase_is_made_once_and_gives_way_to_the_win_back(self):
        self._buy_every_61_days()
        # Expected on 31 Aug: called a week before.
        self._refresh("2026-08-20")
        call = self.client._get_cadence_reminders(["repurchase"])
        self.assertEqual(call.date_deadline, date(2026, 8, 24))
        with freeze_time("2026-08-24"):
            call.action_feedback("They will order in September")
        self._refresh("2026-08-25")
        self._refresh("2026-09-10")
        self.assertFalse(self.client._get_cadence_reminders(["repurchase"]), "made once, not every night after")
        # Left undone, it gives way to the win-back call once the client lapsed.
        self.env.cr.execute(
            "UPDATE res_partner SET cadence_repurchase_called_for = NULL WHERE id = %s", [self.client.id]
        )
        self._refresh("2026-09-11")
        self.assertTrue(self.client._get_cadence_reminders(["repurchase"]))
        self._refresh("2026-09-25")
        self.assertFalse(self.client._get_cadence_reminders(["repurchase"]))
        self.assertEqual(self._winback().date_deadline, date(2026, 10, 1))
        self.assertReminders(self.client, [(date(2026, 10, 1), self.salesman, self.call)])
