import logging
from collections import defaultdict

from markupsafe import Markup, escape
from psycopg2 import errors

from odoo import api, fields, models
from odoo.tools import SQL, get_lang

from ..domain.cadence import planning_cutoff

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    """Reminders in the activity inbox: planned, moved, handed on, and the scheduled action
    that keeps them in step with the schedules."""

    # One capability of res.partner per file, each short enough to read at once: pylint-odoo
    # would rather have one class per model, the project asks for files under 400 lines.
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _get_cadence_responsible(self, default_user):
        """The user a partner's reminders go to: its salesperson, its company's, or the default.

        An archived salesperson is skipped: their reminders were deleted with them, and the
        partner must not drop out of the cadence.
        """
        self.ensure_one()
        for user in (self.user_id, self.commercial_partner_id.user_id):
            if user and user.active:
                return user
        return default_user

    def _get_cadence_reminder_reasons(self, schedule, format_day):
        """Lines of text that tell the salesperson why this reminder is due, in their language.

        ``format_day`` turns a date into text the reader's way. Extend to add more reasons,
        such as who recommended the partner.
        """
        self.ensure_one()
        env = self.env
        tier = self.cadence_tier_id
        if schedule.kind == "first_contact":
            reasons = [
                env._(
                    "Complete the first-contact information before anything else; missing: %(missing)s.",
                    missing=self.first_contact_missing_display,
                )
            ]
        elif schedule.kind == "ask_referrals":
            reasons = [
                env._(
                    "Ask for colleagues in the same line of work, and for third parties who could be "
                    "interested: record them with Record Referrals."
                )
            ]
        else:
            reasons = [
                env._(
                    "%(tier)s: %(type)s %(done)s of %(quota)s done this period.",
                    tier=tier.name,
                    type=schedule.activity_type_id.name,
                    done=schedule.done_in_period,
                    quota=schedule.touch_count,
                )
            ]
        if self.last_touch_date:
            reasons.append(env._("Last touch on %(date)s.", date=format_day(self.last_touch_date)))
        else:
            reasons.append(env._("No touch recorded yet: this is the first contact."))
        warm_introduction = self.referred_by_id and self._get_warm_introduction_text()
        if warm_introduction:
            reasons.append(warm_introduction)
        return reasons

    def _plan_cadence_reminders(self):
        """Bring these partners' reminders in line with their schedules right away."""
        if not self:
            return 0
        settings = self._get_cadence_settings()
        self._reschedule_cadence_reminders(self.ids)
        cutoff = planning_cutoff(fields.Date.context_today(self), settings["horizon_days"])
        due = (
            self.env["partner.cadence.schedule"]
            .sudo()
            .search([("partner_id", "in", self.ids), *self._get_cadence_due_domain(cutoff)], order="id")
        )
        return self._insert_cadence_reminders(due, settings["default_user"])

    @api.model
    def _get_cadence_due_domain(self, cutoff):
        """Schedules owed a reminder when planning up to ``cutoff`` (a date).

        Extend to hold partners back. A schedule that has its open reminder is left out, so
        planning twice plans nothing.
        """
        return [
            ("next_due_date", "<=", cutoff),
            ("activity_id", "=", False),
            ("partner_id.active", "=", True),
        ]

    @api.model
    def _reschedule_cadence_reminders(self, partner_ids=None):
        """Move open reminders to their schedule's due date; drop those no longer due at all.

        :param partner_ids: the partners to look at; None for every partner (the scheduled action)
        """
        self.env.flush_all()
        partner_filter = SQL() if partner_ids is None else SQL("AND schedule.partner_id = ANY(%s)", list(partner_ids))
        # Reminders a user is changing right now are left to them (SKIP LOCKED); the next run
        # catches up with any it skipped.
        moved = self.env.execute_query(
            SQL(
                """
                WITH due AS (
                    SELECT activity.id, schedule.next_due_date
                      FROM mail_activity activity
                      JOIN partner_cadence_schedule schedule ON schedule.activity_id = activity.id
                     WHERE schedule.next_due_date IS NOT NULL
                       AND activity.date_deadline <> schedule.next_due_date
                       %s
                       FOR UPDATE OF activity SKIP LOCKED
                )
                UPDATE mail_activity activity
                   SET date_deadline = due.next_due_date, write_date = NOW() AT TIME ZONE 'UTC'
                  FROM due
                 WHERE due.id = activity.id
             RETURNING activity.id
                """,
                partner_filter,
            )
        )
        if moved:
            self.env["mail.activity"].invalidate_model(["date_deadline"])
        dropped = self.env.execute_query(
            SQL(
                "SELECT activity_id FROM partner_cadence_schedule schedule"
                " WHERE activity_id IS NOT NULL AND next_due_date IS NULL %s",
                partner_filter,
            )
        )
        if dropped:
            self.env["mail.activity"].sudo().browse([row[0] for row in dropped]).unlink()

    def _reassign_cadence_reminders(self):
        """Open reminders follow a change of salesperson, the company's to its contacts too."""
        partners = self | self.child_ids.filtered(lambda child: not child.user_id)
        settings = self._get_cadence_settings()
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [("res_model", "=", "res.partner"), ("res_id", "in", partners.ids), ("cadence_reminder", "=", True)]
            )
        )
        by_user = defaultdict(list)
        for activity in activities:
            user = self.browse(activity.res_id)._get_cadence_responsible(settings["default_user"])
            if activity.user_id != user:
                by_user[user].append(activity.id)
        for user, activity_ids in by_user.items():
            activities.browse(activity_ids).with_context(mail_activity_quick_update=True).write({"user_id": user.id})

    def _insert_cadence_reminders(self, schedules, default_user):
        """Create the reminders of ``schedules`` (due, none open), through the ORM in one batch.

        ``mail_activity_quick_update`` keeps Odoo from mailing each salesperson a notice per
        reminder: each user with new reminders due gets one bus notification, and the inbox is
        where salespeople look. The partial unique index on open cadence reminders makes a
        concurrent save's reminder win: ours is dropped and the schedule linked to theirs.
        """
        if not schedules:
            return 0
        model_id = self.env["ir.model"]._get_id("res.partner")
        vals_list = []
        users_due_now = set()
        today = fields.Date.context_today(self)
        by_lang = defaultdict(list)
        responsibles = {}
        for schedule in schedules:
            partner = schedule.partner_id
            key = (partner.user_id.id, partner.commercial_partner_id.user_id.id)
            if key not in responsibles:
                responsibles[key] = partner._get_cadence_responsible(default_user)
            responsible = responsibles[key]
            by_lang[responsible.lang or self.env.lang].append((schedule, responsible))
        for lang, pairs in by_lang.items():
            localized = self.with_context(lang=lang)
            # One date pattern per language, not one language lookup per reminder.
            date_pattern = get_lang(localized.env).date_format
            for schedule, responsible in pairs:
                partner = schedule.partner_id.with_env(localized.env)
                schedule = schedule.with_env(localized.env)
                reasons = partner._get_cadence_reminder_reasons(schedule, lambda day, p=date_pattern: day.strftime(p))
                summary = {
                    "first_contact": localized.env._("First-contact information"),
                    "ask_referrals": localized.env._("Ask for referrals"),
                }.get(schedule.kind) or partner.cadence_tier_id.name
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": partner.id,
                        "activity_type_id": schedule.activity_type_id.id,
                        "summary": summary,
                        "note": Markup("").join(Markup("<p>%s</p>") % escape(reason) for reason in reasons),
                        "date_deadline": schedule.next_due_date,
                        "user_id": responsible.id,
                        "automated": True,
                        "cadence_reminder": True,
                    }
                )
                if schedule.next_due_date <= today:
                    users_due_now.add(responsible.id)
        created = self._create_cadence_reminders(vals_list)
        # Link each schedule to its open reminder, ours or a concurrent planner's.
        self.env.execute_query(
            SQL(
                """
                UPDATE partner_cadence_schedule schedule
                   SET activity_id = activity.id
                  FROM mail_activity activity
                 WHERE schedule.id = ANY(%s)
                   AND activity.res_model = 'res.partner'
                   AND activity.res_id = schedule.partner_id
                   AND activity.activity_type_id = schedule.activity_type_id
                   AND activity.cadence_reminder AND activity.active
                """,
                schedules.ids,
            )
        )
        schedules.invalidate_recordset(["activity_id"])
        self.env["mail.activity"].invalidate_model()
        self.invalidate_model(["activity_ids"])
        if users_due_now:
            self.env["res.users"].browse(users_due_now)._bus_send("mail.activity/updated", {"activity_created": True})
        return len(created)

    @api.model
    def _create_cadence_reminders(self, vals_list):
        """``mail.activity`` records for ``vals_list``, all in one create; should a concurrent
        transaction have planned one of them meanwhile (the unique index refuses it), the
        others are created one by one and that one is left to the other transaction."""
        activities = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
        try:
            with self.env.cr.savepoint():
                return activities.create(vals_list)
        except errors.UniqueViolation:
            created = activities.browse()
            for vals in vals_list:
                try:
                    with self.env.cr.savepoint():
                        created |= activities.create(vals)
                except errors.UniqueViolation:
                    continue
            return created

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
        planner._run_batches(
            "res.partner",
            [("cadence_tier_id", "in", [tier_id for tier_id, _at in marks]), ("active", "in", (True, False))],
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
    def _replan_partners(self, partners):
        partners._sync_cadence_schedules()
        return len(partners)

    @api.model
    def _cron_plan_cadence_touches(self):
        """Scheduled action: reminders for every schedule due within the planning horizon.

        Safe to run on several servers at once and to kill midway: see partner.cadence.planner.
        """
        planner = self.env["partner.cadence.planner"]
        settings = self._get_cadence_settings()
        self._replan_changed_tiers()
        planner._run_step(self.env["calendar.event"]._register_ended_cadence_meetings)
        planner._run_step(self._reschedule_cadence_reminders)
        cutoff = planning_cutoff(fields.Date.context_today(self), settings["horizon_days"])
        done = planner._run_batches(
            "partner.cadence.schedule",
            self._get_cadence_due_domain(cutoff),
            lambda batch: self._insert_cadence_reminders(batch, settings["default_user"]),
        )
        self._refresh_cadence_values()
        _logger.info("cadence planner: %s reminders planned up to %s", done, cutoff)
        return done
