from collections import defaultdict

from odoo import api, fields, models

from .. import compat
from ..domain.cadence import period_start
from ..domain.planning import PartnerPlan, QuotaLine, Slot, plan_partner

# What a partner saved without planning is marked with for the nightly pass: its schedules.
SYNC_REQUESTED = "cadence_schedule_ids"

# Fields whose change decides which cadence lines a partner is on, or whether it is due.
CADENCE_SCHEDULE_FIELDS = {
    "cadence_tier_id",
    "cadence_client_level_id",
    "cadence_paused_until",
    "cadence_do_not_contact",
    "active",
    "name",
    *compat.PARTNER_PHONE_FIELDS,
    "parent_id",
    "is_company",
    "company_name",
    "cadence_private_individual",
    "cadence_inbound_frequency",
    "cadence_financial_standing",
    "cadence_relationship",
    "cadence_tier_pinned",
}


class ResPartner(models.Model):
    """Where a partner stands on its cadence: touches recorded, one schedule per tier line,
    each line's next due date (§1 and §2)."""

    # One capability of res.partner per file, each short enough to read at once: pylint-odoo
    # would rather have one class per model, the project asks for files under 400 lines.
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered("cadence_tier_id")._plan_cadence_on_save(entered_at_last_touch=True)
        return partners

    def write(self, vals):
        result = super().write(vals)
        if CADENCE_SCHEDULE_FIELDS & vals.keys():
            # Partners never on a cadence have nothing to sync: keep imports and mass edits cheap.
            self.filtered(
                lambda partner: partner.cadence_tier_id or partner.cadence_schedule_ids
            )._plan_cadence_on_save()
        return result

    def _plan_cadence_on_save(self, entered_at_last_touch=False):
        """Sync these partners' schedules now, or, under ``mail_activity_automation_skip`` (an
        import, say), mark them for the nightly pass, which plans them. ``entered_at_last_touch``:
        partners recorded just now, whose typed last touch says their rhythm was already running."""
        if self.env.context.get("mail_activity_automation_skip"):
            self._request_cadence_sync()
        else:
            self._sync_cadence_schedules(entered_at_last_touch)

    def _request_cadence_sync(self):
        """Plan these partners in the nightly pass, not now (``mail_activity_automation_skip``:
        an import of thousands plans nothing inside the import)."""
        if self:
            self.env["partner.cadence.rederivation"].sudo()._request(
                self._name, [("id", "in", self.ids)], [SYNC_REQUESTED]
            )

    def _register_cadence_touch(self, touch_date, activity_type=None, origin="manual", source=None):
        """Record a real touch on ``touch_date`` with each of these partners."""
        values = {
            "date": touch_date,
            "activity_type_id": activity_type.id if activity_type else False,
            "origin": origin,
        }
        if source:
            values.update(res_model=source._name, res_id=source.id)
        return self.env["partner.cadence.touch"]._record([{**values, "partner_id": partner.id} for partner in self])

    def _register_unanswered_call(self):
        """One more call nobody answered: at the tier's limit, the partner rests until the
        resume delay of the settings has passed, and the chatter says so."""
        for partner in self:
            unanswered, resume = partner._count_unanswered_call(
                partner.cadence_unanswered_count, partner.cadence_tier_id.unanswered_limit
            )
            partner.write(
                {"cadence_unanswered_count": unanswered, **({"cadence_paused_until": resume} if resume else {})}
            )

    def _apply_cadence_touches(self, touches):
        """After the counted ``touches``: the unanswered calls before them no longer count, and
        the partners are re-planned (their last touches and their lines' are read from the
        touches)."""
        counted_origins = touches._counted_origins()
        touches.filtered(
            lambda touch: touch.origin in counted_origins and touch.partner_id.cadence_unanswered_count
        ).partner_id.cadence_unanswered_count = 0
        self._refresh_cadence()

    def _sync_cadence_schedules(self, entered_at_last_touch=False):
        """Give each partner one schedule per line of its tier (and one to complete its
        first-contact information when that is missing), then re-plan.

        A new schedule begins to apply today: a tier put on a partner makes it late only from
        then on. With ``entered_at_last_touch`` (a partner recorded with its last touch typed
        in), from that touch: its rhythm was already running."""
        if not self:
            return
        schedules = self.env["partner.cadence.schedule"].sudo()
        first_contact_type = self.env.ref("partner_cadence.mail_activity_type_first_contact")
        ask_type = self.env.ref("partner_cadence.mail_activity_type_ask_referrals")
        asks_referrals = self.env["partner.cadence.planner"]._get_settings().ask_referrals_days > 0
        existing = defaultdict(lambda: schedules.browse())
        for schedule in schedules.search([("partner_id", "in", self.ids)]):
            existing[schedule.partner_id.id] |= schedule
        today = fields.Date.context_today(self)
        obsolete = schedules.browse()
        new_values = []
        # Partners whose reminders must say what changed: another tier's line applies now.
        retold = self.browse()
        for partner in self:
            wanted, client_lines = partner._get_wanted_cadence_schedules(
                first_contact_type, ask_type if asks_referrals else None
            )
            for schedule in existing[partner.id]:
                kind, line = wanted.pop(schedule.activity_type_id.id, (None, None))
                if kind is None or kind != schedule.kind:
                    obsolete |= schedule
                    if kind:
                        wanted[schedule.activity_type_id.id] = (kind, line)
                else:
                    if schedule.line_id != (line or schedules.line_id):
                        if line and line.tier_id != schedule.line_id.tier_id:
                            # Another tier's rule begins to apply today: not late before then.
                            schedule.start_date = today
                            retold |= partner
                        schedule.line_id = line
                    client_line = client_lines.get(schedule.activity_type_id.id, schedules.client_line_id)
                    if schedule.client_line_id != client_line:
                        schedule.client_line_id = client_line
            for type_id, (kind, line) in wanted.items():
                new_values.append(
                    {
                        "partner_id": partner.id,
                        "line_id": line.id if line else False,
                        "client_line_id": client_lines[type_id].id if type_id in client_lines else False,
                        "kind": kind,
                        "activity_type_id": type_id,
                        "start_date": min(partner.last_touch_date or today, today) if entered_at_last_touch else today,
                    }
                )
        obsolete.unlink()
        schedules.create(new_values)
        self._refresh_cadence()
        if retold:
            self._render_cadence_reminders_again(retold._get_cadence_reminders())

    def _get_wanted_cadence_schedules(self, first_contact_type, ask_type):
        """The schedules this partner should have: ({type id: (kind, line or None)}, {type id:
        client level line sharing that type's schedule}); ``ask_type`` None when the settings
        ask nobody for referrals."""
        self.ensure_one()
        wanted = {}
        client_lines = {}
        if not (self.cadence_tier_id and self.active):
            return wanted, client_lines
        for line in self.cadence_tier_id.line_ids.filtered(lambda line: line.touch_count > 0):
            wanted[line.activity_type_id.id] = ("touch", line)
        # A channel partner who is also a client: its level's lines too, one schedule (and one
        # reminder) per touch type whichever asks for it.
        level = self.cadence_client_level_id
        if level and level != self.cadence_tier_id:
            for line in level.line_ids.filtered(lambda line: line.touch_count > 0):
                if line.activity_type_id.id in wanted:
                    client_lines[line.activity_type_id.id] = line
                else:
                    wanted[line.activity_type_id.id] = ("touch", line)
        if not self.first_contact_complete:
            wanted[first_contact_type.id] = ("first_contact", None)
        if ask_type and self.cadence_tier_id.asks_referrals:
            wanted[ask_type.id] = ("ask_referrals", None)
        return wanted, client_lines

    def _get_cadence_done_counts(self):
        """Counted touches in the current period of each line of each schedule: {(partner id,
        schedule id, line id): count} (a partner who is also a client has its level's line too,
        counted over the level's period)."""
        schedules = (
            self.env["partner.cadence.schedule"].sudo().search([("partner_id", "in", self.ids), ("kind", "=", "touch")])
        )
        if not schedules:
            return {}
        today = fields.Date.context_today(self)
        # A line "in total" counts since the partner entered it, the others within the period.
        starts = {}
        for schedule in schedules:
            for line in schedule.line_id | schedule.client_line_id:
                tier = line.tier_id
                starts[schedule, line] = (
                    schedule.start_date
                    if line.quota_kind == "in_total"
                    else period_start(today, tier.interval_number, tier.interval_unit)
                )
        if not starts:
            return {}
        touches = self.env["partner.cadence.touch"].sudo()
        rows = touches.search_read(
            [
                ("partner_id", "in", schedules.partner_id.ids),
                ("date", ">=", min(starts.values())),
                ("origin", "in", touches._counted_origins()),
            ],
            ["partner_id", "date", "activity_type_id"],
        )
        by_partner = defaultdict(list)
        for row in rows:
            by_partner[row["partner_id"][0]].append(row)
        counts = {}
        for (schedule, line), start in starts.items():
            count = sum(
                1
                for row in by_partner[schedule.partner_id.id]
                if row["date"] >= start
                and schedule._counts_touch(row["activity_type_id"] and row["activity_type_id"][0], line)
            )
            counts[schedule.partner_id.id, schedule.id, line.id] = count
        return counts

    def _get_cadence_plan(self, done_counts, settings, calendar):
        """This partner as ``domain.planning`` reads it: its schedules as slots, touch slots in
        the order of their lines (the first keeps its day), and what holds them back."""
        self.ensure_one()

        def quota(schedule, line):
            tier = line.tier_id
            return QuotaLine(
                tier.interval_number,
                tier.interval_unit,
                line.touch_count,
                in_total=line.quota_kind == "in_total",
                done=done_counts.get((self.id, schedule.id, line.id), 0),
            )

        schedules = self.cadence_schedule_ids.sorted(lambda schedule: (schedule.line_id.sequence, schedule.id))
        return PartnerPlan(
            slots=tuple(
                Slot(
                    schedule,
                    schedule.kind,
                    schedule.start_date,
                    schedule.last_touch_date or None,
                    # A touch schedule whose line was deleted waits for the scheduled action to
                    # remove it: nothing is due on it meanwhile.
                    tuple(quota(schedule, line) for line in schedule.line_id | schedule.client_line_id)
                    if schedule.line_id
                    else (),
                )
                for schedule in schedules
            ),
            blocked=not self.active or self.cadence_do_not_contact or not self.cadence_tier_id,
            paused_until=self.cadence_paused_until or None,
            ask_referrals_days=settings.ask_referrals_days,
            calendar=calendar,
        )

    def _refresh_cadence(self):
        """Recompute every schedule's next due date and the partners' next touch (the domain
        decides, see ``domain.planning``), then re-plan."""
        if not self:
            return
        today = fields.Date.context_today(self)
        settings = self.env["partner.cadence.planner"]._get_settings()
        done_counts = self._get_cadence_done_counts()
        calendars = {}
        for partner in self.sudo():
            calendar = None
            if settings.weekdays_only:
                company = partner.company_id or self.env.company
                if company not in calendars:
                    calendars[company] = company._get_cadence_working_days()
                calendar = calendars[company]
            planned = plan_partner(partner._get_cadence_plan(done_counts, settings, calendar), today)
            for schedule, due in planned.dues.items():
                if schedule.next_due_date != (due or False):
                    schedule.next_due_date = due
            if partner.next_touch_date != (planned.next_touch or False):
                partner.next_touch_date = planned.next_touch
        self._refresh_cadence_values(self)
        self._plan_cadence_reminders()
