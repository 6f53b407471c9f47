from odoo import api, fields, models
from odoo.tools import SQL

from .. import compat
from ..domain.cadence import period_quota, period_start, planning_cutoff
from ..domain.reminders import PARTNER_CADENCE_KINDS, Reminder, slot

DUE_INDEX = "partner_cadence_schedule_due_idx"


@compat.sql_constraints(
    ("partner_type_uniq", "UNIQUE(partner_id, activity_type_id)", "A partner has one schedule per touch type.")
)
class PartnerCadenceSchedule(models.Model):
    """Where one partner stands on one line of its tier: last touch and next due date.

    Its open reminder is found, not stored: the reminder engine keeps it in the schedule's
    slot of the partner (see ``_get_reminder_slot``), so no second writer can leave a link
    pointing at a reminder that was done, archived or deleted.
    """

    _name = "partner.cadence.schedule"
    _description = "Cadence Schedule"
    _order = "partner_id, kind desc, id"

    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade", index=True)
    line_id = fields.Many2one("partner.cadence.tier.line", ondelete="set null", index="btree_not_null")
    client_line_id = fields.Many2one(
        "partner.cadence.tier.line",
        string="Client Level Line",
        ondelete="set null",
        help="For a channel partner who is also a client: its client level's line of the same touch type, "
        "whose quota applies too.",
    )
    kind = fields.Selection(
        [("touch", "Touch"), ("first_contact", "First-contact information"), ("ask_referrals", "Ask for referrals")],
        required=True,
        default="touch",
    )
    activity_type_id = fields.Many2one("mail.activity.type", string="Touch Type", required=True, ondelete="cascade")
    touch_count = fields.Integer(related="line_id.touch_count", string="Quota")
    done_in_period = fields.Integer(compute="_compute_done_in_period", string="Done This Period")
    period_quota = fields.Integer(
        compute="_compute_done_in_period",
        string="Owed This Period",
        help="The line's quota, or its share for the days left when the partner entered it during this period.",
    )
    start_date = fields.Date(required=True, help="When the partner entered this line: its first touch is due then.")
    last_touch_date = fields.Date(
        compute="_compute_last_touch_date",
        store=True,
        precompute=True,
        help="The latest touch that moves this line's clock, read from the partner's touches.",
    )
    next_due_date = fields.Date(string="Next Due", index=True)
    activity_id = fields.Many2one("mail.activity", string="Open Reminder", compute="_compute_activity_id")
    company_id = fields.Many2one(related="partner_id.company_id", store=True)

    def unlink(self):
        # A schedule's open reminder means nothing without it, except in a merge, where the
        # merged partner's new schedules take it over.
        if self.env.context.get("cadence_keep_reminders"):
            return super().unlink()
        slots = {(schedule.partner_id.id, schedule._get_reminder_slot()) for schedule in self}
        self.partner_id._get_cadence_reminders({key for _partner_id, key in slots}).filtered(
            lambda reminder: (reminder.res_id, reminder.cadence_slot) in slots
        ).unlink()
        return super().unlink()

    def _get_reminder_slot(self):
        self.ensure_one()
        return slot(self.kind, self.activity_type_id.id)

    def _compute_activity_id(self):
        reminders = self.partner_id._get_cadence_reminders()
        by_slot = {(reminder.res_id, reminder.cadence_slot): reminder for reminder in reminders}
        for schedule in self:
            schedule.activity_id = by_slot.get((schedule.partner_id.id, schedule._get_reminder_slot()), False)

    @api.depends(
        "partner_id.cadence_touch_ids.date",
        "partner_id.cadence_touch_ids.origin",
        "partner_id.cadence_touch_ids.activity_type_id",
        "line_id",
        "client_line_id",
        "start_date",
    )
    def _compute_done_in_period(self):
        counts = self.partner_id._get_cadence_done_counts()
        today = fields.Date.context_today(self)
        for schedule in self:
            schedule.done_in_period = counts.get((schedule.partner_id.id, schedule.id, schedule.line_id.id), 0)
            tier = schedule.line_id.tier_id
            if schedule.line_id.quota_kind == "in_total" or not tier:
                schedule.period_quota = schedule.touch_count
                continue
            start = period_start(today, tier.interval_number, tier.interval_unit)
            schedule.period_quota = period_quota(
                schedule.touch_count, start, tier.interval_number, tier.interval_unit, schedule.start_date
            )

    @api.depends(
        "partner_id.cadence_touch_ids.date",
        "partner_id.cadence_touch_ids.origin",
        "partner_id.cadence_touch_ids.activity_type_id",
        "kind",
        "activity_type_id",
        "line_id.counts_any_touch",
    )
    def _compute_last_touch_date(self):
        counted = self.env["partner.cadence.touch"]._counted_origins()
        ask_type_id = self.env["ir.model.data"]._xmlid_to_res_id("partner_cadence.mail_activity_type_ask_referrals")
        for schedule in self:
            # The call-back completing the first-contact information starts from any contact.
            if schedule.kind == "first_contact":
                moves = lambda touch: touch.activity_type_id.id != ask_type_id  # noqa: E731
            else:
                moves = lambda touch, schedule=schedule: schedule._counts_touch(touch.activity_type_id.id)  # noqa: E731
            schedule.last_touch_date = max(
                (
                    touch.date
                    for touch in schedule.partner_id.cadence_touch_ids
                    if touch.origin in counted and moves(touch)
                ),
                default=False,
            )

    def _counts_touch(self, touch_type_id, line=None):
        """Whether a touch of ``touch_type_id`` moves this schedule's clock (or counts toward
        ``line``, its line by default): its own type, or any contact for a line counting every
        touch; asking for referrals never counts as a contact of another line."""
        self.ensure_one()
        if touch_type_id == self.activity_type_id.id:
            return True
        ask_type_id = self.env["ir.model.data"]._xmlid_to_res_id("partner_cadence.mail_activity_type_ask_referrals")
        return bool((line or self.line_id).counts_any_touch) and touch_type_id != ask_type_id

    def _plan_reminders(self):
        """Make each schedule's slot hold a reminder on its due date, or nothing when nothing
        is due, through the reminder engine; returns the number of reminders created."""
        if not self:
            return 0
        settings = self.env["partner.cadence.planner"]._get_settings()
        cutoff = planning_cutoff(fields.Date.context_today(self), settings.horizon_days)
        wanted = {}
        by_key = {}
        for schedule in self:
            partner = schedule.partner_id
            key = (partner.id, schedule._get_reminder_slot())
            by_key[key] = schedule
            # The engine finds who gets it.
            wanted[key] = (
                Reminder(schedule.activity_type_id.id, schedule.next_due_date, None)
                if schedule.next_due_date and partner.active
                else None
            )

        def describe(partner, reminder_slot, format_day):
            schedule = by_key[partner.id, reminder_slot].with_env(partner.env)
            return partner._describe_cadence_reminder(schedule, format_day)

        return self.env["res.partner"]._ensure_cadence_reminders(wanted, cutoff, describe)

    @api.model
    def _get_ids_to_plan(self, cutoff):
        """(schedule ids, reminder ids): the schedules whose slot does not hold what it should
        (due by ``cutoff`` with no open reminder, or with one planned for another date, or with
        one while nothing is due), the most valuable partners first and then the earliest due
        (the order a full day keeps them in, see ``domain.capacity``); and the open reminders in
        a cadence slot that no schedule holds any more (a user removed the schedule while a
        planner filled its slot). One query."""
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT schedule.id, activity.id
                  FROM (SELECT schedule.id, schedule.partner_id, schedule.next_due_date, partner.active,
                               partner.cadence_value_at_risk AS value,
                               schedule.kind || ':' || schedule.activity_type_id AS slot
                          FROM partner_cadence_schedule schedule
                          JOIN res_partner partner ON partner.id = schedule.partner_id) schedule
             FULL JOIN (SELECT id, res_id, cadence_slot, COALESCE(cadence_due_date, date_deadline) AS due
                          FROM mail_activity
                         WHERE res_model = 'res.partner' AND active
                           AND split_part(cadence_slot, ':', 1) IN %(kinds)s) activity
                    ON activity.res_id = schedule.partner_id AND activity.cadence_slot = schedule.slot
                 WHERE CASE WHEN schedule.id IS NULL THEN TRUE
                            WHEN activity.id IS NULL
                            THEN schedule.next_due_date <= %(cutoff)s AND schedule.active
                            ELSE schedule.next_due_date IS NULL
                                 OR activity.due <> schedule.next_due_date
                                 OR NOT schedule.active
                        END
              ORDER BY schedule.value DESC NULLS LAST, schedule.next_due_date, schedule.id, activity.id
                """,
                kinds=PARTNER_CADENCE_KINDS,
                cutoff=cutoff,
            )
        )
        return (
            [schedule_id for schedule_id, _activity_id in rows if schedule_id],
            sorted(activity_id for schedule_id, activity_id in rows if not schedule_id),
        )

    @api.model
    def _plan_due_reminders(self):
        """Nightly pass step: every slot that does not hold what it should, within the planning
        horizon, in claimed batches: stray reminders dropped, due ones planned; returns the
        number of reminders created."""
        planner = self.env["partner.cadence.planner"]
        cutoff = planning_cutoff(fields.Date.context_today(self), planner._get_settings().horizon_days)
        schedule_ids, stray_ids = self._get_ids_to_plan(cutoff)
        planner._run_batches_over_ids("mail.activity", stray_ids, self.env["res.partner"]._drop_stray_cadence_reminders)
        return planner._run_batches_over_ids(self._name, schedule_ids, self._plan_reminders_of)

    @api.model
    def _plan_reminders_of(self, schedules):
        return schedules._plan_reminders()
