from odoo import api, fields, models
from odoo.tools import SQL, format_amount
from odoo.tools.misc import get_lang

from ..domain.reminders import ASK_REFERRALS, FIRST_CONTACT, TOUCH, WARM_INTRO, slot_kind


class ResPartner(models.Model):
    """A partner's reminders in the activity inbox, through the reminder engine: who gets them,
    what they say, and re-planning after a tier changed."""

    # One capability of res.partner per file, each short enough to read at once: pylint-odoo
    # would rather have one class per model, the project asks for files under 400 lines.
    _name = "res.partner"
    _inherit = ["res.partner", "partner.cadence.reminder.mixin"]  # pylint: disable=consider-merging-classes-inherited

    # A list's activity column shows the next activity's summary: a reminder's says why.
    activity_summary = fields.Char(related="activity_ids.cadence_title", readonly=True)

    def write(self, vals):
        result = super().write(vals)
        if "user_id" in vals:
            self._reassign_cadence_reminders()
        return result

    def _get_cadence_responsible_candidates(self):
        """Its salesperson, then its company's; the settings' default responsible after them."""
        self.ensure_one()
        return self.user_id | self.commercial_partner_id.user_id

    def _get_cadence_reminder_reasons(self, schedule, format_day):
        """Lines of the note of this reminder: what the salesperson should do, in their language.

        The note is written once, when the reminder is planned, so it holds only what stays
        true until the reminder is done: what this kind of contact asks for and who introduced
        the partner (told again when that changes). What moves with the days (how late, what
        is owed this period, what is still missing, the value at risk) is in the reminder's
        title, computed as it is read. ``format_day`` turns a date into text the reader's way.
        Extend to add more lines.
        """
        self.ensure_one()
        env = self.env
        reasons = []
        if schedule.kind == "first_contact":
            reasons.append(env._("Complete the first-contact information before anything else."))
        elif schedule.kind == "ask_referrals":
            reasons.append(
                env._(
                    "Ask for colleagues in the same line of work, and for third parties who could be "
                    "interested: record them with Record Referrals."
                )
            )
        warm_introduction = self.referred_by_id and self._get_warm_introduction_text()
        if warm_introduction:
            reasons.append(warm_introduction)
        return reasons

    def _reassign_cadence_reminders(self, leaving=None):
        # A company's new salesperson takes over the reminders of its contacts that have none.
        partners = self if leaving is not None else self | self.child_ids.filtered(lambda child: not child.user_id)
        return super(ResPartner, partners)._reassign_cadence_reminders(leaving)

    @api.model
    def _render_cadence_reminders_again(self, reminders):
        """A partner's cadence reminders are told again from their schedule."""
        reminders = super()._render_cadence_reminders_again(reminders)
        schedules = (
            self.env["partner.cadence.schedule"].sudo().search([("partner_id", "in", reminders.mapped("res_id"))])
        )
        by_slot = {(schedule.partner_id.id, schedule._get_reminder_slot()): schedule for schedule in schedules}
        untold = reminders.browse()
        for reminder in reminders:
            schedule = by_slot.get((reminder.res_id, reminder.cadence_slot))
            if not schedule:
                untold |= reminder
                continue
            localized = self.sudo().with_context(lang=reminder.user_id.lang or self.env.lang)
            pattern = get_lang(localized.env).date_format
            summary, lines = localized.browse(reminder.res_id)._describe_cadence_reminder(
                schedule.with_env(localized.env), lambda day, pattern=pattern: day.strftime(pattern)
            )
            reminder.sudo().with_context(mail_activity_quick_update=True).write(
                {"summary": summary, "note": self._render_cadence_note(lines)}
            )
        return untold

    def _describe_cadence_reminder(self, schedule, format_day):
        """The summary and the note lines of the reminder of ``schedule``, in this env's language."""
        self.ensure_one()
        summary = {
            "first_contact": self.env._("First-contact information"),
            "ask_referrals": self.env._("Ask for referrals"),
        }.get(schedule.kind) or self.cadence_tier_id.name
        return summary, self._get_cadence_reminder_reasons(schedule, format_day)

    @api.model
    def _get_cadence_display_titles(self, reminders):
        """A partner's reminder says who to contact and why now: how late it is, what is still
        owed this period when a line asks for several touches, what the first contact must
        bring, the value at risk, and on whose behalf to call ("Call Irina: 9 days late, 1 of 3
        this period, 740 € at risk, on behalf of Elena"), built from translatable parts for the
        reader, as of the reader's today."""
        titles = super()._get_cadence_display_titles(reminders)
        partners = self.browse(reminders.mapped("res_id"))._filtered_access("read")
        readable = set(partners.ids)
        # Names only of recommenders the reader may see, checked once for all the reminders.
        visible_referrers = set(partners.referred_by_id._filtered_access("read").ids)
        # Quotas of several touches a period, counted once for all the reminders' partners.
        quotas = {
            (schedule.partner_id.id, schedule._get_reminder_slot()): schedule
            for schedule in self.env["partner.cadence.schedule"]
            .sudo()
            .search([("partner_id", "in", partners.ids), ("kind", "=", TOUCH), ("touch_count", ">", 1)])
        }
        # §1: the first contact asks for more than the mandatory three: what is still unknown.
        secondary = partners.filtered(lambda partner: not partner.last_touch_date)._get_missing_secondary()
        env = self.env
        for reminder in reminders:
            kind = slot_kind(reminder.cadence_slot)
            if reminder.res_id not in readable or kind not in (TOUCH, FIRST_CONTACT, ASK_REFERRALS, WARM_INTRO):
                continue
            partner = self.browse(reminder.res_id)
            head = {
                TOUCH: env._("%(type)s %(partner)s", type=reminder.activity_type_id.name, partner=partner.name),
                FIRST_CONTACT: env._("First contact with %(partner)s", partner=partner.name),
                ASK_REFERRALS: env._("Ask %(partner)s for referrals", partner=partner.name),
                WARM_INTRO: env._("Warm call to %(partner)s", partner=partner.name),
            }[kind]
            timing = self._get_cadence_timing(reminder)
            reasons = [timing] if timing else []
            schedule = quotas.get((partner.id, reminder.cadence_slot))
            if schedule and schedule.period_quota > 1:
                reasons.append(
                    env._(
                        "%(done)s of %(quota)s this period",
                        done=schedule.done_in_period,
                        quota=schedule.period_quota,
                    )
                )
            if kind == FIRST_CONTACT and partner.first_contact_missing_display:
                reasons.append(env._("ask for %(missing)s", missing=partner.first_contact_missing_display))
            if kind in (TOUCH, FIRST_CONTACT) and secondary.get(partner.id):
                reasons.append(env._("also ask: %(unknown)s", unknown=", ".join(secondary[partner.id])))
            if partner.cadence_value_at_risk > 0:
                amount = format_amount(env, partner.cadence_value_at_risk, partner.cadence_currency_id)
                reasons.append(env._("%(amount)s at risk", amount=amount))
            introduction = partner.referred_by_id and partner._get_cadence_introduction()
            if introduction and not introduction.referrer_named:
                reasons.append(env._("recommended"))
            elif partner.referred_by_id.id in visible_referrers:
                reasons.append(env._("on behalf of %(referrer)s", referrer=partner.referred_by_id.name))
            titles[reminder] = (
                env._("%(head)s: %(reasons)s", head=head, reasons=", ".join(reasons)) if reasons else head
            )
        return titles

    def _get_cadence_reminder_values(self):
        return {partner.id: partner.cadence_value_at_risk for partner in self}

    def _plan_cadence_reminders(self):
        """Bring these partners' reminders in line with their schedules right away."""
        if not self:
            return 0
        schedules = self.env["partner.cadence.schedule"].sudo().search([("partner_id", "in", self.ids)])
        # A cadence reminder whose schedule is gone (its line deleted, a merge) has nothing
        # left to remind of.
        slots = {(schedule.partner_id.id, schedule._get_reminder_slot()) for schedule in schedules}
        self._get_cadence_reminders().filtered(
            lambda reminder: reminder.cadence_reminder and (reminder.res_id, reminder.cadence_slot) not in slots
        ).unlink()
        return schedules._plan_reminders()

    @api.model
    def _replan_changed_tiers(self):
        """Re-plan, in batches, the partners of the tiers changed since the last run (a tier,
        one of its lines or a planning setting); a tier changed again meanwhile stays marked."""
        planner = self.env["partner.cadence.planner"]
        self.env.flush_all()
        # Read raw, to the microsecond: the mark is cleared only where unchanged since this
        # read, so a request made during the run keeps its mark for the next one.
        marks = self.env.execute_query(
            SQL("SELECT id, replan_requested_at FROM partner_cadence_tier WHERE replan_requested_at IS NOT NULL")
        )
        if not marks:
            return
        requested = [SQL("(%s, %s::timestamp)", tier_id, at) for tier_id, at in marks]
        tier_ids = [tier_id for tier_id, _at in marks]
        # A channel partner who is also a client follows its client level's lines too.
        planner._run_batches(
            "res.partner",
            [
                "|",
                ("cadence_tier_id", "in", tier_ids),
                ("cadence_client_level_id", "in", tier_ids),
                ("active", "in", (True, False)),
            ],
            self._replan_partners,
        )
        planner._run_step(
            self.env.execute_query,
            SQL(
                """
                UPDATE partner_cadence_tier tier SET replan_requested_at = NULL
                  FROM (VALUES %s) AS requested(id, at)
                 WHERE tier.id = requested.id AND tier.replan_requested_at = requested.at
                """,
                SQL(", ").join(requested),
            ),
        )
        self.env["partner.cadence.tier"].invalidate_model(["replan_requested_at"])

    @api.model
    def _drop_stray_cadence_reminders(self, reminders):
        """One batch of the reminders in a cadence slot no schedule held when the pass looked:
        those a schedule holds again since (claimed, so looked at once more) stay."""
        schedules = (
            self.env["partner.cadence.schedule"].sudo().search([("partner_id", "in", reminders.mapped("res_id"))])
        )
        held = {(schedule.partner_id.id, schedule._get_reminder_slot()) for schedule in schedules}
        stray = reminders.filtered(lambda reminder: (reminder.res_id, reminder.cadence_slot) not in held)
        stray.unlink()
        return len(stray)

    @api.model
    def _replan_partners(self, partners):
        partners._sync_cadence_schedules()
        return len(partners)
