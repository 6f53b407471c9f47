from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged, users

from odoo.addons.partner_cadence.domain.referrals import ancestry, introduction_path, subtree_size

from .common import PartnerCadenceCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23")
class TestReferrals(PartnerCadenceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-11-23"):
            cls.chain = cls.env["res.partner"]
            for index in range(8):
                cls.chain |= cls._create_partner(f"Link Number{index}")
            for referrer, referred in zip(cls.chain[:-1], cls.chain[1:], strict=True):
                cls.env["res.partner.referral"].create({"referrer_id": referrer.id, "referred_id": referred.id})

    def _refer(self, referrer, referred, **values):
        return self.env["res.partner.referral"].create(
            {"referrer_id": referrer.id, "referred_id": referred.id, **values}
        )

    def test_self_duplicate_and_cyclic_referrals_are_refused(self):
        first, second, third = self.chain[:3]
        with self.assertRaisesRegex(ValidationError, "cannot recommend themself"), self.cr.savepoint():
            self._refer(first, first)
        with self.assertRaisesRegex(ValidationError, "already recommended"), self.cr.savepoint():
            self._refer(first, second)
        with (
            self.assertRaisesRegex(ValidationError, "Link Number2 → Link Number0 → Link Number1 → Link Number2"),
            self.cr.savepoint(),
        ):
            self._refer(third, first)
        with self.assertRaisesRegex(ValidationError, "close a circle"), self.cr.savepoint():
            first.referred_by_id = third
        self.assertEqual(self.env["res.partner.referral"].search_count([("referred_id", "=", first.id)]), 0)
        # Another kind for the same pair is a second, valid recommendation.
        self._refer(first, second, kind_id=self.env.ref("partner_cadence.res_partner_referral_kind_client").id)

    def test_depth_and_path_for_chains_of_six_and_seven(self):
        parents = {partner.id: partner.referred_by_id.id for partner in self.chain}
        for length in (6, 7):
            partner = self.chain[length - 1]
            with self.subTest(length=length):
                self.assertEqual(partner.referral_depth, length - 1)
                expected = ancestry(parents, partner.id)
                self.assertEqual(
                    partner.referral_path, " → ".join(self.env["res.partner"].browse(expected).mapped("name"))
                )
        for partner in self.chain:
            self.assertEqual(partner.referral_subtree_size, subtree_size(parents, partner.id))
        self.assertEqual(self.chain[0].referral_subtree_size, 7)
        self.assertFalse(self.chain[0].referral_path)

    def test_archiving_a_partner_in_the_middle_keeps_the_tree_readable(self):
        self.chain[3].action_archive()
        self.chain.invalidate_recordset(["referral_path", "referral_depth"])
        self.assertEqual(self.chain[5].referral_depth, 5)
        self.assertIn("Link Number3", self.chain[5].referral_path)

    def test_who_can_introduce_me_both_ways_and_within_six_handshakes(self):
        pairs = [(r.referrer_id.id, r.referred_id.id) for r in self.env["res.partner.referral"].search([])]
        self.chain[2].user_id = self.salesman
        for target, hops in ((self.chain[0], 2), (self.chain[7], 5)):
            with self.subTest(target=target.name):
                chain = target.with_user(self.salesman)._find_introduction_chain()
                self.assertEqual(len(chain) - 1, hops)
                self.assertEqual(chain, introduction_path(pairs, {self.chain[2].id}, target.id, 6))
                self.assertEqual(chain[0], self.chain[2].id)
        self.chain[2].user_id = False
        self.chain[0].user_id = self.salesman
        self.assertIsNone(self.chain[7].with_user(self.salesman)._find_introduction_chain(), "7 handshakes away")
        self.assertIn(
            "within 6 handshakes",
            self.chain[7].with_user(self.salesman).action_who_can_introduce_me()["params"]["message"],
        )

    def test_who_can_introduce_me_shows_the_chain_in_the_tree(self):
        self.chain[2].user_id = self.salesman
        action = self.chain[0].with_user(self.salesman).action_who_can_introduce_me()
        self.assertEqual(action["res_model"], "res.partner")
        self.assertEqual(action["domain"], [("id", "in", [self.chain[2].id, self.chain[1].id, self.chain[0].id])])
        self.assertEqual(action["display_name"], " → ".join(self.chain[i].name for i in (2, 1, 0)))

    def test_the_tree_opened_from_a_partner_is_its_branch(self):
        action = self.chain[3].action_open_referral_tree()
        ids = action["domain"][0][2]
        # Its recommender, itself and the four it introduced, not the partners above.
        self.assertEqual(sorted(ids), sorted(self.chain[2:].ids))
        self.assertNotIn(self.chain[1].id, ids)
        shown = self.env["res.partner"].with_context(active_test=False).search(action["domain"])
        self.assertEqual(shown, self.chain[2:])

    def test_a_referred_partner_gets_a_warm_first_call(self):
        newcomer = self._create_partner("Nina Newcomer", user=self.salesman)
        self._refer(self.realtor, newcomer)
        call = newcomer.activity_search(["partner_cadence.mail_activity_type_warm_intro"])
        self.assertEqual(call.summary, "Call on behalf of Elena Realtor")
        self.assertIn("who recommended them on 11/23/2026", call.note)
        self.assertEqual(call.user_id, self.salesman)
        self.assertEqual(newcomer.referred_by_id, self.realtor)

    def test_who_introduced_a_partner_is_read_from_the_recommendations(self):
        """The recommendations are the one source: "Introduced By" follows the one marked as
        the introduction, and setting it by hand marks or records a recommendation."""
        newcomer = self._create_partner("Nina Newcomer")
        second_referrer = self._create_partner("Ion Second")
        first = self._refer(self.realtor, newcomer)
        second = self._refer(second_referrer, newcomer, date=date(2026, 11, 25))
        self.assertEqual((first.introduction, second.introduction), (True, False), "the first one introduces")
        self.assertEqual(newcomer.referred_by_id, self.realtor)

        second.introduction = True
        self.assertEqual((first.introduction, newcomer.referred_by_id), (False, second_referrer))
        self.assertEqual(second_referrer.referred_partner_ids, newcomer)

        newcomer.referred_by_id = self.realtor
        self.assertEqual((first.introduction, second.introduction), (True, False), "marked, nothing recorded twice")
        self.assertEqual(self.env["res.partner.referral"].search_count([("referred_id", "=", newcomer.id)]), 2)

        third_referrer = self._create_partner("Olga Third")
        newcomer.referred_by_id = third_referrer
        recorded = self.env["res.partner.referral"].search(
            [("referred_id", "=", newcomer.id), ("referrer_id", "=", third_referrer.id)]
        )
        self.assertEqual(recorded.kind_id, self.env.ref("partner_cadence.res_partner_referral_kind_other"))
        self.assertEqual((recorded.introduction, first.introduction), (True, False))

        recorded.unlink()
        self.assertFalse(newcomer.referred_by_id, "the introduction deleted, nobody introduced them")
        newcomer.referred_by_id = self.realtor
        newcomer.referred_by_id = False
        self.assertFalse(first.introduction)
        self.assertEqual(self.env["res.partner.referral"].search_count([("referred_id", "=", newcomer.id)]), 2)

    def test_cadence_reminders_of_a_referred_partner_name_the_recommender(self):
        newcomer = self._create_partner("Nina Newcomer", user=self.salesman)
        self._refer(self.realtor, newcomer)
        newcomer.cadence_tier_id = self.tier_weekly
        self.assertIn("Call on behalf of Elena Realtor", self._reminders(newcomer).note)

    def test_a_referrer_who_asked_not_to_be_named_is_named_nowhere(self):
        """ "Don't say I gave you the number": the calls say only that they come recommended."""
        newcomer = self._create_partner("Nina Newcomer", user=self.salesman)
        referral = self._refer(self.realtor, newcomer, referrer_named=False)
        newcomer.cadence_tier_id = self.tier_weekly
        intro = newcomer.activity_search(["partner_cadence.mail_activity_type_warm_intro"])
        call = self._reminders(newcomer)
        self.assertEqual(intro.summary, "Call as recommended")
        intro_title = intro.with_user(self.salesman).cadence_title
        self.assertEqual(intro_title, "Warm call to Nina Newcomer: recommended")
        for text in (intro.summary, intro.note, call.note, call.with_user(self.salesman).cadence_title, intro_title):
            self.assertNotIn("Elena", text)
        self.assertIn("say only that the call comes recommended", intro.note)
        self.assertIn("recommended", call.with_user(self.salesman).cadence_title)
        self.assertEqual(newcomer.referred_by_id, self.realtor, "the salesperson still knows who it was")
        # The referrer agrees after all: the open call names them at once.
        referral.referrer_named = True
        self.assertEqual(intro.summary, "Call on behalf of Elena Realtor")
        self.assertIn("Elena Realtor", intro.note)
        (call | intro).invalidate_recordset(["cadence_title"])  # as the next request reads it
        self.assertIn("on behalf of Elena Realtor", call.with_user(self.salesman).cadence_title)
        self.assertEqual(
            intro.with_user(self.salesman).cadence_title, "Warm call to Nina Newcomer: on behalf of Elena Realtor"
        )

    def test_record_referrals_can_keep_the_referrer_unnamed(self):
        wizard = (
            self.env["res.partner.referral.wizard"]
            .with_context(default_partner_id=self.realtor.id)
            .create({"referrer_named": False, "line_ids": [Command.create({"name": "Dan Quiet", "phone": "069 111"})]})
        )
        wizard.action_record()
        referral = self.env["res.partner.referral"].search([("referrer_id", "=", self.realtor.id)])
        self.assertEqual((referral.referred_id.name, referral.referrer_named), ("Dan Quiet", False))

    def test_partners_on_a_cadence_are_asked_for_referrals_periodically(self):
        self.env["ir.config_parameter"].sudo().set_param("partner_cadence.ask_referrals_days", 90)
        self.realtor._sync_cadence_schedules()
        self.assertEqual(self.realtor.next_touch_date, date(2026, 11, 17), "the ask does not make anyone late")
        ask = self.realtor.cadence_schedule_ids.filtered(lambda s: s.kind == "ask_referrals")
        # §1: recommendations are asked at the first contacts: she was called on the 10th,
        # so the first ask comes as soon as asking applies to her, not 90 days later.
        self.assertEqual(ask.next_due_date, date(2026, 11, 23))
        reminder = self._reminders(self.realtor, "partner_cadence.mail_activity_type_ask_referrals")
        self.assertEqual(reminder.summary, "Ask for referrals")
        self.assertIn("Ask for colleagues in the same line of work", reminder.note)
        reminder.with_user(self.salesman).action_feedback(feedback="Two colleagues, recorded")
        self.assertEqual(ask.next_due_date, date(2027, 2, 21), "then every 90 days")
        with freeze_time("2027-02-16"):
            self.env["partner.cadence.planner"]._cron_plan_partners()
        self.assertTrue(self._reminders(self.realtor, "partner_cadence.mail_activity_type_ask_referrals"))

    def test_a_partner_never_reached_is_not_asked_for_referrals_yet(self):
        self.env["ir.config_parameter"].sudo().set_param("partner_cadence.ask_referrals_days", 90)
        new = self._create_partner("Nina Nouă", self.tier_weekly, user=self.salesman)
        ask = new.cadence_schedule_ids.filtered(lambda s: s.kind == "ask_referrals")
        self.assertTrue(ask)
        self.assertFalse(ask.next_due_date, "asked after the first real contact")
        new._register_cadence_touch(date(2026, 11, 23), self.call_type, origin="activity")
        self.assertEqual(ask.next_due_date, date(2026, 11, 23))

    def test_recording_several_referrals_finds_existing_partners(self):
        known = self._create_partner("Vera Known", phone="+373 69 555 123", email="vera@example.com")
        wizard = Form(self.env["res.partner.referral.wizard"].with_context(default_partner_id=self.realtor.id))
        for name, phone, email in (
            ("V. Known", "069 555 123", False),
            ("Someone", False, "VERA@example.com"),
            ("Petru Nou", "060 111 222", "petru@example.com"),
        ):
            with wizard.line_ids.new() as line:
                line.name, line.phone, line.email = name, phone, email
        result = wizard.save().action_record()
        self.assertIn("1 new contacts, 2 found", result["params"]["message"])
        referred = self.realtor.referral_given_ids.referred_id
        self.assertEqual(len(referred), 2)
        self.assertIn(known, referred)
        self.assertEqual((referred - known).phone, "060 111 222")

    def test_a_name_alone_proposes_a_contact_and_nothing_typed_is_lost(self):
        namesake = self._create_partner("Mihai Popescu", phone="+373 69 777 001")
        wizard = Form(self.env["res.partner.referral.wizard"].with_context(default_partner_id=self.realtor.id))
        with wizard.line_ids.new() as line:
            line.name, line.phone, line.email = "Mihai Popescu", "060 222 333", "mihai@example.com"
            self.assertFalse(line.partner_id, "another phone: not decided by the name")
            self.assertEqual(line.name_match_id, namesake, "but proposed")
        wizard.save().action_record()
        newcomer = self.realtor.referral_given_ids.referred_id
        self.assertNotEqual(newcomer, namesake)
        self.assertEqual((newcomer.phone, newcomer.email), ("060 222 333", "mihai@example.com"))

        # The salesperson knows it is the first Mihai: they pick him.
        colleague = self._create_partner("Ana Colleague")
        wizard = Form(self.env["res.partner.referral.wizard"].with_context(default_partner_id=colleague.id))
        with wizard.line_ids.new() as line:
            line.name, line.phone, line.email = "Mihai Popescu", "060 222 444", "mihai.p@example.com"
            self.assertIn(line.name_match_id, namesake | newcomer)
            line.partner_id = namesake
        wizard.save().action_record()
        referral = colleague.referral_given_ids
        self.assertEqual(referral.referred_id, namesake)
        self.assertEqual(namesake.email, "mihai.p@example.com", "the e-mail it lacked is added")
        self.assertEqual(namesake.phone, "+373 69 777 001", "its own phone stays")
        self.assertIn("060 222 444", referral.note, "the other phone typed is kept")

    def test_merging_partners_keeps_their_referrals(self):
        twin = self._create_partner("Link Twin")
        newcomer = self._create_partner("Olga Later")
        self._refer(twin, newcomer)
        self._refer(twin, self.chain[1], kind_id=self.env.ref("partner_cadence.res_partner_referral_kind_client").id)
        wizard = self.env["base.partner.merge.automatic.wizard"].create({})
        wizard._merge((self.chain[0] | twin).ids, self.chain[0])
        given = self.chain[0].referral_given_ids
        self.assertEqual(set(given.referred_id.ids), {self.chain[1].id, newcomer.id})
        self.assertEqual(len(given), 3)
        self.assertFalse(twin.exists())

    def test_top_recommenders_count_won_customers_and_revenue(self):
        customer = self.chain[1]
        lead = self.env["crm.lead"].create(
            {"name": "Flat", "partner_id": customer.id, "type": "opportunity", "expected_revenue": 7000}
        )
        lead.action_set_won()
        self.assertEqual((self.chain[0].referral_converted_count, self.chain[0].referral_revenue), (1, 7000))
        self.env.flush_all()
        report = self.env["res.partner.referral.report"].search([("referrer_id", "=", self.chain[0].id)])
        self.assertEqual((report.referral_count, report.converted_count, report.revenue), (1, 1, 7000))

    @users("cadence_salesman")
    def test_salesman_records_but_cannot_delete_referrals(self):
        referral = self.env["res.partner.referral"].create(
            {"referrer_id": self.realtor.id, "referred_id": self.chain[0].id}
        )
        self.assertEqual(referral.create_uid, self.env.user)
        with self.assertRaises(AccessError):
            referral.unlink()

    def test_other_company_does_not_see_the_referrals(self):
        outsider = self._other_company_user("referral_outsider")
        self.assertFalse(self.env["res.partner.referral"].with_user(outsider).search([]))
        self.assertTrue(self.env["res.partner.referral"].with_user(self.manager).search([]))
