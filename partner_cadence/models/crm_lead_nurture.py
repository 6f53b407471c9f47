from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..domain import economics
from ..domain.cadence import planning_cutoff
from ..domain.nurture import (
    missed_minimum,
    next_channel,
    next_long_term_touch,
    next_nurture_touch,
    nurture_after_loss,
    sequence_potential,
)
from ..domain.reminders import NURTURE, Reminder, slot, slot_kind


class CrmLead(models.Model):
    """The nurture sequence of a lead (§4): phases, one open touch at a time, each bringing
    something new, until the lead buys or is stopped; lost for a reason that means "not now",
    it goes on in long-term nurturing.

    A new lead is enrolled when created (``nurture_start_date`` set, no state yet) and the lead
    planner starts it: crm's create path stays free of our queries and activities."""

    # One capability of crm.lead per file: pylint-odoo would rather have one class per
    # model, the project asks for the nurture sequence apart.
    _name = "crm.lead"
    _inherit = ["crm.lead", "partner.cadence.reminder.mixin"]  # pylint: disable=consider-merging-classes-inherited

    # A list's activity column shows the next activity's summary: a reminder's says why.
    activity_summary = fields.Char(related="activity_ids.cadence_title", readonly=True)

    nurture_phase = fields.Many2one("crm.nurture.phase", readonly=True, tracking=True, copy=False)

    nurture_start_date = fields.Date(readonly=True, copy=False, help="The day the lead entered the nurture sequence.")

    nurture_state = fields.Selection(
        [("running", "Nurturing"), ("paused", "Paused"), ("stopped", "Stopped")],
        readonly=True,
        tracking=True,
        index="btree_not_null",
        copy=False,
    )

    nurture_stop_reason = fields.Char(tracking=True, copy=False)

    nurture_long_term_date = fields.Date(
        string="Long-Term Since",
        readonly=True,
        tracking=True,
        copy=False,
        help='Lost for a reason that means "not now": from this day the lead gets educational touches at the last '
        "nurture phase's rhythm until it buys, is restored or a manager stops it.",
    )

    nurture_unanswered_count = fields.Integer(
        string="Unanswered Touches in a Row", readonly=True, copy=False, help="Reset by any real contact."
    )

    nurture_resume_date = fields.Date(
        readonly=True, copy=False, help="A lead paused after unanswered touches resumes then."
    )

    nurture_touch_count = fields.Integer(readonly=True, copy=False, string="Nurture Touches")

    nurture_phase_touch_count = fields.Integer(
        readonly=True,
        copy=False,
        string="Touches This Phase",
        help="Touches made since the lead entered its current phase.",
    )

    nurture_last_touch_date = fields.Date(readonly=True, copy=False)

    nurture_next_date = fields.Date(readonly=True, copy=False, index="btree_not_null", string="Next Nurture Touch")

    nurture_value_at_risk = fields.Monetary(
        compute="_compute_nurture_value_at_risk",
        string="Revenue at Risk",
        currency_field="company_currency",
        help="Each month the lead's next touch is late costs a share of its expected revenue (10% by default).",
    )

    preferred_channel_id = fields.Many2one(
        "mail.activity.type",
        help="Every nurture touch uses it: some decision makers want paper, others e-mail.",
    )

    @api.depends("expected_revenue", "nurture_next_date", "nurture_state")
    def _compute_nurture_value_at_risk(self):
        monthly_loss = self.env["partner.cadence.planner"]._get_settings().monthly_loss_percent
        today = fields.Date.context_today(self)
        for lead in self:
            lead.nurture_value_at_risk = (
                economics.value_at_risk(lead.expected_revenue, lead.nurture_next_date or None, today, monthly_loss)
                if lead.nurture_state == "running"
                else 0.0
            )

    def action_start_nurture(self):
        """Start, or restart where it fits: a lead never nurtured enters the sequence (on the day
        it was enrolled when it came in); a stopped one goes on with the phase its age puts it
        in; a lost one gets long-term touches from today."""
        today = fields.Date.context_today(self)
        for lead in self:
            if lead.potential == "low":
                raise UserError(self.env._("%(lead)s has low potential: it is not nurtured.", lead=lead.name))
            if lead.active and lead.stage_id.is_won:
                raise UserError(
                    self.env._("%(lead)s is won: the client's own cadence takes over from nurturing.", lead=lead.name)
                )
            values = {"nurture_state": "running", "nurture_stop_reason": False, "nurture_unanswered_count": 0}
            if not lead.nurture_state:
                values.update(
                    nurture_start_date=lead.nurture_start_date or today,
                    nurture_touch_count=0,
                    nurture_phase_touch_count=0,
                    nurture_phase=False,
                    nurture_last_touch_date=False,
                )
            if not lead.active:
                values["nurture_long_term_date"] = today
            lead.write(values)
        self._plan_nurture()

    def _enrol_new_leads(self):
        """Start the leads enrolled when they came in (see the class); one won or of low
        potential by then is not nurtured, and leaves the queue."""
        starting = self.filtered(lambda lead: lead.active and not lead.stage_id.is_won and lead.potential != "low")
        (self - starting).write({"nurture_start_date": False})
        starting.action_start_nurture()

    def _nurture_after_loss(self):
        """Lost leads: go on in long-term nurturing, or stop, as their lost reason says."""
        today = fields.Date.context_today(self)
        long_term = self.browse()
        stopping = defaultdict(lambda: self.browse())
        for lead in self.filtered(lambda lead: not lead.active):
            outcome = nurture_after_loss(lead.nurture_state or None, lead.lost_reason_id.cadence_after_loss or None)
            if outcome == "long_term" and lead.potential != "low":
                long_term |= lead
            elif outcome:
                stopping[lead.lost_reason_id] |= lead
        for reason, leads in stopping.items():
            leads._stop_nurture(
                self.env._("Lost: %(reason)s.", reason=reason.name) if reason else self.env._("The lead was lost.")
            )
        long_term.filtered(lambda lead: not lead.nurture_long_term_date).write({"nurture_long_term_date": today})
        long_term.filtered(lambda lead: lead.nurture_state == "running")._plan_nurture()

    def _nurture_after_restore(self):
        """Restored leads that were in long-term nurturing or stopped go back to the phase their
        age puts them in."""
        restart = self.filtered(
            lambda lead: lead.active
            and lead.potential != "low"
            and (lead.nurture_long_term_date or lead.nurture_state == "stopped")
        )
        if not restart:
            return
        restart.write({"nurture_long_term_date": False})
        restart.filtered(lambda lead: lead.nurture_state == "stopped").write(
            {"nurture_state": "running", "nurture_stop_reason": False}
        )
        restart.filtered(lambda lead: lead.nurture_state == "running")._plan_nurture()

    def action_pause_nurture(self):
        self.filtered(lambda lead: lead.nurture_state == "running").write({"nurture_state": "paused"})
        self._drop_open_nurture_touches()

    def action_resume_nurture(self):
        self.filtered(lambda lead: lead.nurture_state == "paused").write(
            {"nurture_state": "running", "nurture_resume_date": False, "nurture_unanswered_count": 0}
        )
        self._plan_nurture()

    def _register_unanswered_call(self):
        """One more touch nobody answered: at the phase's limit, the nurturing pauses until
        the resume delay of the settings has passed, and the chatter says so."""
        for lead in self:
            unanswered, resume = lead._count_unanswered_call(
                lead.nurture_unanswered_count, lead.nurture_phase.unanswered_limit
            )
            lead.nurture_unanswered_count = unanswered
            if resume and lead.nurture_state == "running":
                lead.write({"nurture_state": "paused", "nurture_resume_date": resume})
                lead._drop_open_nurture_touches()

    def action_stop_nurture(self):
        for lead in self:
            if not lead.nurture_stop_reason:
                raise UserError(self.env._("Say why the nurturing of %(lead)s stops.", lead=lead.name))
        self._stop_nurture(False)

    def _stop_nurture(self, reason):
        values = {"nurture_state": "stopped", "nurture_next_date": False, "nurture_long_term_date": False}
        if reason:
            values["nurture_stop_reason"] = reason
        self.write(values)
        self._drop_open_nurture_touches()

    def _drop_open_nurture_touches(self):
        self._drop_cadence_reminders([slot(NURTURE)])

    def _get_cadence_responsible_candidates(self):
        """Its salesperson; the settings' default responsible after, as for partners."""
        self.ensure_one()
        return self.user_id

    def _plan_nurture(self):
        """Move each running lead to its current phase and keep exactly one open nurture touch,
        on the date its phase says, through the reminder engine."""
        today = fields.Date.context_today(self)
        settings = self.env["partner.cadence.planner"]._get_settings()
        cutoff = planning_cutoff(today, settings.horizon_days)
        key_slot = slot(NURTURE)
        call_type_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mail_activity_data_call")
        sequences = {}
        wanted = {}
        long_term = {}
        for lead in self:
            if lead.nurture_state != "running":
                continue
            if lead.is_blacklisted:
                lead._stop_nurture(self.env._("The e-mail address is blacklisted."))
                continue
            sequence_key = (lead.company_id, sequence_potential(lead.potential))
            if sequence_key not in sequences:
                sequences[sequence_key] = self.env["crm.nurture.phase"]._get_sequence(lead.company_id, lead.potential)
            phases = sequences[sequence_key]
            if not phases:
                continue
            if lead.nurture_long_term_date:
                phase = phases[-1]
                due = next_long_term_touch(
                    phase._as_domain_phase(), lead.nurture_long_term_date, lead.nurture_last_touch_date or None
                )
            else:
                index, due = next_nurture_touch(
                    [phase._as_domain_phase() for phase in phases],
                    lead.nurture_start_date,
                    lead.nurture_last_touch_date or None,
                    today,
                    lead.nurture_phase_touch_count if lead.nurture_phase in phases else 0,
                )
                phase = phases[index]
            if lead.nurture_phase != phase:
                lead._enter_nurture_phase(phase)
            if lead.nurture_next_date != due:
                lead.nurture_next_date = due
            channel = next_channel(
                phase.activity_type_ids.ids,
                lead.nurture_touch_count,
                preferred=(lead.preferred_channel_id or lead.partner_id.preferred_channel_id).id,
            )
            (long_term if lead.nurture_long_term_date else wanted)[lead.id, key_slot] = Reminder(
                channel or call_type_id, due, None
            )

        self.env["crm.lead"]._ensure_cadence_reminders(wanted, cutoff)
        if long_term:
            # A lost lead is out of crm's lists: its next touch, however far, is what shows it is
            # still worked (in My Activities and the Nurtured Leads list).
            self.env["crm.lead"]._ensure_cadence_reminders(
                long_term, max(reminder.deadline for reminder in long_term.values())
            )

    def _describe_cadence_slot(self, reminder_slot, format_day):
        """A nurture touch names its phase and number, and what it should bring."""
        if reminder_slot != slot(NURTURE):
            return super()._describe_cadence_slot(reminder_slot, format_day)
        if self.nurture_long_term_date:
            summary = self.env._("Long-term touch %(number)s", number=self.nurture_touch_count + 1)
        else:
            summary = self.env._(
                "%(phase)s touch %(number)s", phase=self.nurture_phase.name, number=self.nurture_touch_count + 1
            )
        return summary, self._get_nurture_touch_lines()

    @api.model
    def _get_cadence_display_titles(self, reminders):
        """A nurture touch says, in the reader's language, which lead and what this touch is
        for: "E-mail Sky Business Centre: intensive phase, touch 2, bring an offer, 3 days late"."""
        titles = super()._get_cadence_display_titles(reminders)
        leads = self.browse(reminders.mapped("res_id"))._filtered_access("read")
        readable = set(leads.ids)
        for reminder in reminders:
            if reminder.res_id not in readable or slot_kind(reminder.cadence_slot) != NURTURE:
                continue
            lead = self.browse(reminder.res_id)
            reasons = [
                lead._get_nurture_long_term_reason()
                if lead.nurture_long_term_date
                else self.env._(
                    "%(phase)s phase, touch %(number)s",
                    phase=lead.nurture_phase.name,
                    number=lead.nurture_touch_count + 1,
                ),
                # What the touch should bring: intensive touches sell, later ones educate.
                self.env._("bring an offer")
                if lead.nurture_phase.touch_purpose == "sell"
                else self.env._("bring news or a case"),
            ]
            timing = self._get_cadence_timing(reminder)
            if timing:
                reasons.append(timing)
            head = self.env._("%(type)s %(partner)s", type=reminder.activity_type_id.name, partner=lead.display_name)
            titles[reminder] = self.env._("%(head)s: %(reasons)s", head=head, reasons=", ".join(reasons))
        return titles

    def _get_nurture_long_term_reason(self):
        self.ensure_one()
        if self.lost_reason_id:
            return self.env._("long-term, lost: %(reason)s", reason=self.lost_reason_id.name)
        return self.env._("long-term")

    def _get_cadence_reminder_values(self):
        # A lead's worth, weighed by its chance: crm's own prorated revenue.
        return {lead.id: lead.prorated_revenue for lead in self}

    def _enter_nurture_phase(self, phase):
        """Move the lead to ``phase``, saying in the chatter when the phase it leaves ended short
        of its minimum number of touches."""
        self.ensure_one()
        previous = self.nurture_phase
        done = self.nurture_phase_touch_count
        lacking = previous and missed_minimum(previous._as_domain_phase(), done)
        self.write({"nurture_phase": phase.id, "nurture_phase_touch_count": 0})
        body = self.env._("Nurture phase: %(phase)s.", phase=phase.name)
        if lacking:
            body = self.env._(
                "Nurture phase: %(phase)s. The %(previous)s phase ended with %(done)s of its %(minimum)s touches.",
                phase=phase.name,
                previous=previous.name,
                done=done,
                minimum=previous.touch_count,
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")

    def _get_nurture_touch_lines(self):
        """What the touch must carry, as lines of its note; extend to add more."""
        self.ensure_one()
        purpose = {
            "sell": self.env._("A sales touch: this is when most purchases are decided; move them towards buying."),
            "educate": self.env._(
                "An educational touch: share something useful (a guide, a case, news), and offer the newsletter."
            ),
        }.get(self.nurture_phase.touch_purpose)
        lines = [purpose] if purpose else []
        if self.nurture_long_term_date:
            lines.append(
                self.env._(
                    "Lost on %(date)s (%(reason)s), and only for now: stay useful. If they are ready to buy, "
                    "restore the lead.",
                    date=format_date(self.env, self.nurture_long_term_date),
                    reason=self.lost_reason_id.name or self.env._("no reason given"),
                )
            )
        lines.append(self.env._("Bring something new: an offer, a case, a piece of news. Record it when done."))
        if self.referred_by_id:
            lines.append(self.env._("Recommended by %(referrer)s.", referrer=self.referred_by_id.name))
        return lines

    def _register_nurture_touch(self, touch_date):
        for lead in self.filtered(lambda lead: lead.nurture_state == "running"):
            lead.write(
                {
                    "nurture_touch_count": lead.nurture_touch_count + 1,
                    "nurture_phase_touch_count": lead.nurture_phase_touch_count + 1,
                    "nurture_unanswered_count": 0,
                    "nurture_last_touch_date": max(touch_date, lead.nurture_last_touch_date or touch_date),
                }
            )
        self._plan_nurture()

    @api.model
    def _cron_plan_lead_touches(self):
        """Scheduled action: seminar attendees' answers become leads, leads get the marker
        questions of a team they were moved to, new leads start their nurturing, and every
        nurtured lead (lost ones in long-term nurturing too) its one open touch, due as its
        phase says. Batches are claimed and committed as partner.cadence.planner describes."""
        planner = self.env["partner.cadence.planner"]
        self._create_seminar_leads()
        missing = planner._run_step(self._get_leads_missing_marker_questions)
        planner._run_batches(
            "crm.lead",
            [
                ("nurture_state", "=", "paused"),
                ("nurture_resume_date", "<=", fields.Date.context_today(self)),
                ("active", "in", [True, False]),
            ],
            self._resume_nurture_of,
        )
        planner._run_batches("crm.lead", [("id", "in", missing.ids)], self._add_marker_questions_to)
        planner._run_batches(
            "crm.lead", [("nurture_state", "=", False), ("nurture_start_date", "!=", False)], self._enrol_new_leads_of
        )
        return planner._run_batches(
            "crm.lead", [("nurture_state", "=", "running"), ("active", "in", [True, False])], self._plan_nurture_of
        )

    @api.model
    def _enrol_new_leads_of(self, leads):
        leads._enrol_new_leads()
        return len(leads)

    @api.model
    def _resume_nurture_of(self, leads):
        leads.action_resume_nurture()
        return len(leads)

    @api.model
    def _add_marker_questions_to(self, leads):
        leads._add_marker_questions()
        return len(leads)

    @api.model
    def _plan_nurture_of(self, leads):
        leads._plan_nurture()
        return len(leads)

    def _merge_dependences_history(self, opportunities):
        # Odoo moves every activity of the merged leads onto this one: keep one open reminder
        # per slot, this lead's where it has one.
        (opportunities - self)._drop_duplicate_cadence_reminders(self)
        return super()._merge_dependences_history(opportunities)
