from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, html2plaintext

from .. import compat
from ..domain.clients import score_from_text
from ..domain.reminders import NURTURE, PARTNER_CADENCE_KINDS, slot_kind, touch_date
from .sql_indexes import ensure_partial_unique_index

OPEN_SLOT_INDEX = "mail_activity_cadence_slot_open_uniq"


class MailActivity(models.Model):
    _inherit = "mail.activity"

    cadence_slot = fields.Char(
        readonly=True,
        copy=False,
        help="Planned by Partner Cadence: the slot of its record this reminder fills "
        "(one open reminder per record and slot).",
    )
    cadence_due_date = fields.Date(
        string="Due by the Rhythm",
        readonly=True,
        copy=False,
        help="Planned by Partner Cadence: when the rhythm asked for this reminder. Its date is later when "
        "that day was full, or already held another touch of the same person.",
    )
    # Read from the two dates, never stored apart from them.
    cadence_moved = fields.Boolean(
        string="Moved to Fit the Day",
        compute="_compute_cadence_moved",
        search="_search_cadence_moved",
        help="Planned by Partner Cadence for a later day than the rhythm asked: its day was full.",
    )
    # Read from the slot, never stored apart from it: the slot is the one fact.
    cadence_reminder = fields.Boolean(
        compute="_compute_cadence_kind",
        search="_search_cadence_reminder",
        help="Planned by the partner cadence: at most one is open per record and activity type.",
    )
    nurture_touch = fields.Boolean(
        compute="_compute_cadence_kind",
        search="_search_nurture_touch",
        help="A touch of a lead's nurture sequence: one is open per lead, and each must carry something new.",
    )

    cadence_cycle_template_id = fields.Many2one(
        "mail.activity.plan.template",
        string="B2B Cycle Step",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="Launched by a plan as a step of the B2B cycle: done, the opportunity has reached it.",
    )

    cadence_asks_score = fields.Boolean(
        compute="_compute_cadence_asks_score",
        help="An NPS call: marking it done asks the client's answer from 0 to 10.",
    )

    # What the reader sees wherever an activity is listed (My Activities, a list's activity
    # column, the Cadence tab): a reminder says why, in their language, as of their today.
    cadence_title = fields.Char(
        string="Reminder",
        compute="_compute_cadence_title",
        help="Planned reminders: whom to contact and why now. Other activities: their summary.",
    )

    @api.depends(
        "summary",
        "cadence_slot",
        "cadence_cycle_template_id",
        "date_deadline",
        "cadence_due_date",
        "res_id",
        "res_model",
    )
    @api.depends_context("uid", "lang", "tz")
    def _compute_cadence_title(self):
        titles = self._get_cadence_display_titles()
        defaults = self._get_type_default_summaries()
        for activity in self:
            title = titles.get(activity, activity.summary)
            # An activity that kept its type's default summary (the NPS call's question, say),
            # planned by someone reading another language, reads it in the reader's.
            if activity.activity_type_id and title in defaults.get(activity.activity_type_id, ()):
                title = activity.activity_type_id.summary
            activity.cadence_title = title

    def _get_type_default_summaries(self):
        """{activity type: its default summary in every installed language} of these activities."""
        types = self.activity_type_id.filtered("summary")
        languages = [code for code, _name in self.env["res.lang"].get_installed()]
        return {kind: {kind.with_context(lang=code).summary for code in languages} for kind in types}

    @api.depends("activity_type_id")
    def _compute_cadence_asks_score(self):
        survey_type = self.env.ref("partner_cadence.mail_activity_type_nps_survey", raise_if_not_found=False)
        for activity in self:
            activity.cadence_asks_score = bool(survey_type) and activity.activity_type_id == survey_type

    def action_done(self):
        # The list's and the kanban card's Done (My Activities) give no feedback: what a
        # nurture touch or an NPS call must carry is asked first, as the done popup does.
        if any(self.mapped("nurture_touch")) or any(self.mapped("cadence_asks_score")):
            return self.env["partner.cadence.activity.done"]._open_for(self)
        return super().action_done()

    @api.depends("cadence_due_date", "date_deadline")
    def _compute_cadence_moved(self):
        for activity in self:
            activity.cadence_moved = (
                bool(activity.cadence_due_date) and activity.cadence_due_date < activity.date_deadline
            )

    def _search_cadence_moved(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        self.flush_model(["cadence_due_date", "date_deadline"])
        rows = self.env.execute_query(SQL("SELECT id FROM mail_activity WHERE cadence_due_date < date_deadline"))
        return [("id", "in" if (operator == "=") == value else "not in", [row[0] for row in rows])]

    def _cadence_rederive(self, inputs):
        """Hook of ``partner.cadence.planner._rederive``: a daily capacity changed, the open
        reminders that waited for room take the earliest day that fits now, each through its
        record's reminder engine."""
        moved = self.filtered(lambda activity: activity.active and activity.cadence_moved)
        for model, reminders in moved.grouped("res_model").items():
            self.env[model].sudo()._place_cadence_reminders_again(reminders)

    @api.depends("cadence_slot")
    def _compute_cadence_kind(self):
        for activity in self:
            kind = slot_kind(activity.cadence_slot) if activity.cadence_slot else None
            activity.cadence_reminder = kind in PARTNER_CADENCE_KINDS
            activity.nurture_touch = kind == NURTURE

    def _search_cadence_reminder(self, operator, value):
        return self._search_slot_kinds(PARTNER_CADENCE_KINDS, operator, value)

    def _search_nurture_touch(self, operator, value):
        return self._search_slot_kinds((NURTURE,), operator, value)

    def _search_slot_kinds(self, kinds, operator, value):
        """Activities whose slot is of ``kinds`` (``= True``), or of none of them."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        # A kind alone ("nurture"), or a kind and an activity type ("touch:3").
        matching = compat.domain_or(
            [[("cadence_slot", "=", kind)] for kind in kinds]
            + [[("cadence_slot", "=like", kind.replace("_", "\\_") + ":%")] for kind in kinds]
        )
        if (operator == "=") == value:
            return matching
        return ["|", ("cadence_slot", "=", False), "!", *matching]

    def init(self):
        result = super().init()
        # Two planners running at once (two cron workers, a done reminder while the cron
        # runs) must not both insert a reminder: only the database can promise that.
        ensure_partial_unique_index(
            self.env.cr,
            OPEN_SLOT_INDEX,
            self._table,
            ["res_model", "res_id", "cadence_slot"],
            "cadence_slot IS NOT NULL AND active",
        )
        return result

    def _get_cadence_display_titles(self):
        """{reminder: title} of the planned reminders and the B2B cycle's steps among these
        activities, as their model renders them for the reader now; the others keep their
        summary."""
        titles = {}
        reminders = self.filtered(lambda activity: activity.cadence_slot and activity.active)
        by_model = defaultdict(lambda: self.browse())
        for reminder in reminders:
            by_model[reminder.res_model] |= reminder
        for model, model_reminders in by_model.items():
            records = self.env.get(model)
            if records is not None and hasattr(records, "_get_cadence_display_titles"):
                titles.update(records._get_cadence_display_titles(model_reminders))
        steps = self.filtered(lambda activity: activity.cadence_cycle_template_id and activity.active)
        if steps:
            titles.update(self.env["crm.lead"]._get_cycle_step_titles(steps))
        return titles

    def _action_done(self, feedback=False, attachment_ids=None):
        # Every activity done on a partner, or on a lead of theirs, is a real touch, whoever
        # planned it: hooking the one private done path covers the inbox, the chatter, and
        # "done & schedule next".
        nurture_touches = self.filtered("nurture_touch")
        if nurture_touches and not (feedback or "").strip():
            raise UserError(
                self.env._(
                    "Each nurture touch must carry something new: write what this one brought "
                    "(an offer, a case, a piece of news) before marking it done."
                )
            )
        nurtured_leads = self.env["crm.lead"].browse(nurture_touches.mapped("res_id"))
        cycle_steps = [
            (activity.res_id, activity.cadence_cycle_template_id)
            for activity in self
            if activity.cadence_cycle_template_id and activity.res_model == "crm.lead"
        ]
        surveyed, score = self._get_nps_surveys(feedback)
        done_slots = [
            (activity.res_model, activity.res_id, activity.cadence_slot) for activity in self if activity.cadence_slot
        ]
        touches = self._prepare_cadence_touches(feedback)
        # The chatter's "done" line tells why the touch was due, as the doer read it.
        for activity in self:
            if activity.cadence_title != activity.summary:
                activity.sudo().with_context(mail_activity_quick_update=True).summary = activity.cadence_title
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        today = fields.Date.context_today(self)
        self.env["partner.cadence.touch"]._record(touches)
        nurtured_leads.sudo()._register_nurture_touch(today)
        if cycle_steps:
            self.env["crm.lead"].sudo()._register_cycle_steps(cycle_steps)
        if surveyed:
            surveyed._record_nps_score(score, today)
        if done_slots:
            self.env["partner.cadence.direct.mail"]._register_done(done_slots, today)
        return result

    def action_call_outcome(self):
        """How a call to a partner went: a dialog that says what comes next."""
        self.ensure_one()
        self.check_access("write")
        self.env[self.res_model].browse(self.res_id).check_access("read")
        return self.env["partner.cadence.call.outcome"]._open_for(self)

    def action_no_answer(self):
        """Nobody answered this call: not a touch. The attempt is noted on the record, the
        reminder stays open, and too many in a row pause the record (§6)."""
        self.check_access("write")
        for model in ("res.partner", "crm.lead"):
            records = self.env[model].browse({activity.res_id for activity in self if activity.res_model == model})
            records.check_access("read")
            records.sudo()._register_unanswered_call()
        return True

    def _get_nps_surveys(self, feedback):
        """The clients whose NPS survey these activities complete, and the score the feedback
        gives; a survey done without a score is refused before anything is saved."""
        surveys = self.filtered("cadence_asks_score")
        if not surveys:
            return self.env["res.partner"], None
        score = score_from_text(html2plaintext(feedback or ""))
        if score is None:
            raise UserError(
                self.env._("Write the client's answer from 0 to 10 in the feedback before marking the survey done.")
            )
        partners = self.env["res.partner"]
        for survey in surveys:
            partners |= survey._get_cadence_partner().commercial_partner_id
        return partners, score

    def _get_cadence_partner(self):
        """The partner an activity touches: its record, or the customer of its lead."""
        self.ensure_one()
        if self.res_model == "res.partner":
            return self.env["res.partner"].sudo().browse(self.res_id).exists()
        if self.res_model == "crm.lead":
            return self.env["crm.lead"].sudo().browse(self.res_id).exists().partner_id
        return self.env["res.partner"]

    def _prepare_cadence_touches(self, feedback=False):
        today = fields.Date.context_today(self)
        brought = html2plaintext(feedback or "").strip() or False
        touches = []
        for activity in self:
            partner = activity._get_cadence_partner()
            if not partner:
                continue
            touches.append(
                {
                    "partner_id": partner.id,
                    "date": touch_date(
                        activity.date_deadline, activity.create_date.date(), today, planned=bool(activity.cadence_slot)
                    ),
                    "activity_type_id": activity.activity_type_id.id,
                    "origin": "reminder" if activity.cadence_slot else "activity",
                    "summary": brought,
                    "res_model": activity._name,
                    "res_id": activity.id,
                }
            )
        return touches

    # Engine-owned flags: only the planners (running as superuser) set them, so that nobody
    # passes a hand-made activity off as a planned reminder or a nurture touch.
    _ENGINE_FLAGS = (
        "cadence_slot",
        "cadence_due_date",
        "cadence_reminder",
        "nurture_touch",
        "cadence_cycle_template_id",
    )

    def _check_engine_flags(self, vals_list):
        if self.env.su:
            return
        if any(flag in vals for vals in vals_list for flag in self._ENGINE_FLAGS):
            raise AccessError(
                self.env._("Cadence reminders and nurture touches are planned by Partner Cadence, not set by hand.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_engine_flags(vals_list)
        steps = self.env.context.get("partner_cadence_plan_steps")
        if steps:
            vals_list = [
                {**vals, "cadence_cycle_template_id": steps[vals["summary"]]} if vals.get("summary") in steps else vals
                for vals in vals_list
            ]
        return super().create(vals_list)

    def write(self, vals):
        self._check_engine_flags([vals])
        if "activity_type_id" in vals:
            self._check_no_second_open_reminder(vals["activity_type_id"])
        return super().write(vals)

    def _check_no_second_open_reminder(self, activity_type_id):
        """A planned reminder moved onto a type the record already has one open of would break
        the one-open-reminder rule: say so instead of failing on the database's index."""
        reminders = self.filtered(lambda activity: activity.cadence_reminder and activity.active)
        if not reminders:
            return
        clash = self.sudo().search(
            [
                ("cadence_reminder", "=", True),
                ("activity_type_id", "=", activity_type_id),
                ("id", "not in", reminders.ids),
                *compat.domain_or(
                    [
                        [("res_model", "=", reminder.res_model), ("res_id", "=", reminder.res_id)]
                        for reminder in reminders
                    ]
                ),
            ],
            limit=1,
        )
        if clash:
            raise UserError(
                self.env._(
                    "%(record)s already has an open %(type)s reminder: mark it done or change that one instead.",
                    record=clash.res_name,
                    type=clash.activity_type_id.name,
                )
            )
