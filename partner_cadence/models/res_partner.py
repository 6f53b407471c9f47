import logging
import threading
from collections import defaultdict

from psycopg2 import errors

from odoo import api, fields, models
from odoo.tools import SQL, format_date, mute_logger

from ..domain.cadence import next_touch_date, planning_cutoff

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    _inherit = "res.partner"

    # How many partners one transaction of the planner handles: small enough that a killed
    # run loses at most one batch of work (redone by the next run), large enough to amortise
    # the per-batch queries.
    _cadence_batch_size = 1000

    cadence_tier_id = fields.Many2one(
        "partner.cadence.tier",
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
        domain="['|', ('company_id', '=', False), ('company_id', 'in', allowed_company_ids)]",
        help="How often this partner is contacted. No tier, no reminders.",
    )
    last_touch_date = fields.Date(
        tracking=True,
        help="When this partner was last really contacted: set when any activity on the partner is marked done.",
    )
    next_touch_date = fields.Date(
        compute="_compute_next_touch_date",
        store=True,
        index="btree_not_null",
        help="When the next contact is due: the last touch plus the tier's interval.",
    )

    @api.depends("last_touch_date", "cadence_tier_id.interval_number", "cadence_tier_id.interval_unit")
    def _compute_next_touch_date(self):
        today = fields.Date.context_today(self)
        for partner in self:
            tier = partner.cadence_tier_id
            if not tier:
                partner.next_touch_date = False
                continue
            partner.next_touch_date = next_touch_date(
                partner.last_touch_date or None,
                tier.interval_number,
                tier.interval_unit,
                # A partner that joins a tier untouched is due the day it joins.
                first_due=partner.next_touch_date or today,
            )

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered("cadence_tier_id")._plan_cadence_reminders()
        return partners

    def write(self, vals):
        result = super().write(vals)
        if {"cadence_tier_id", "last_touch_date"} & vals.keys():
            self._plan_cadence_reminders()
        return result

    # ------------------------------------------------------------------
    # Hooks: small and documented, for modules that extend the cadence.
    # ------------------------------------------------------------------

    @api.model
    def _get_cadence_due_domain(self, cutoff):
        """Partners owed a reminder when planning up to ``cutoff`` (a date).

        Extend to exclude partners (paused, do not contact...). The last leaf keeps a partner
        that already has its open reminder out of the result, so planning twice plans nothing.
        """
        return [
            ("cadence_tier_id", "!=", False),
            ("next_touch_date", "<=", cutoff),
            ("activity_ids", "not any", [("cadence_reminder", "=", True)]),
        ]

    def _get_cadence_responsible(self, default_user):
        """The user a partner's reminder goes to: its salesperson, its company's, or the default."""
        self.ensure_one()
        return self.user_id or self.commercial_partner_id.user_id or default_user

    def _prepare_cadence_reminder_values(self, responsible, model_id):
        """Values of the reminder planned for this partner, written in the responsible's language."""
        self.ensure_one()
        tier = self.cadence_tier_id.with_context(lang=responsible.lang)
        env = self.with_context(lang=responsible.lang).env
        if self.last_touch_date:
            note = env._(
                "%(tier)s: last touch on %(last)s, next touch due on %(next)s.",
                tier=tier.name,
                last=format_date(env, self.last_touch_date),
                next=format_date(env, self.next_touch_date),
            )
        else:
            note = env._("%(tier)s: no touch recorded yet, first contact due.", tier=tier.name)
        return {
            "res_model_id": model_id,
            "res_id": self.id,
            "activity_type_id": tier.activity_type_id.id,
            "summary": tier.name,
            "note": note,
            "date_deadline": self.next_touch_date,
            "user_id": responsible.id,
            "automated": True,
            "cadence_reminder": True,
        }

    # ------------------------------------------------------------------
    # Planning
    # ------------------------------------------------------------------

    @api.model
    def _get_cadence_settings(self):
        params = self.env["ir.config_parameter"].sudo()
        default_user = (
            self.env["res.users"].sudo().browse(int(params.get_param("partner_cadence.default_user_id") or 0)).exists()
        )
        return {
            "horizon_days": int(params.get_param("partner_cadence.horizon_days") or 0),
            "default_user": default_user or self.env.ref("base.user_admin"),
        }

    def _register_cadence_touch(self, touch_date):
        """Record a real touch on ``touch_date``; an older touch never moves the clock back."""
        later = self.filtered(lambda partner: not partner.last_touch_date or partner.last_touch_date < touch_date)
        if later:
            later.last_touch_date = touch_date
        # The others' clock did not move, but the reminder just done has to be replaced.
        (self - later)._plan_cadence_reminders()

    def _plan_cadence_reminders(self):
        """Bring these partners' reminders in line with their cadence right away."""
        if not self:
            return
        settings = self._get_cadence_settings()
        self._reschedule_cadence_reminders(self.ids)
        cutoff = planning_cutoff(fields.Date.context_today(self), settings["horizon_days"])
        due = self.sudo().search([("id", "in", self.ids), *self._get_cadence_due_domain(cutoff)], order="id")
        due._create_cadence_reminders(settings["default_user"])

    @api.model
    def _reschedule_cadence_reminders(self, partner_ids=None):
        """Move open reminders to their partner's next touch; drop those of partners left untiered.

        :param partner_ids: the partners to look at; None for every partner (the scheduled action)
        """
        activities = self.env["mail.activity"].sudo()
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT activity.id, partner.next_touch_date
                  FROM mail_activity activity
                  JOIN res_partner partner ON partner.id = activity.res_id
                 WHERE activity.res_model = 'res.partner'
                   AND activity.cadence_reminder
                   AND activity.active
                   AND activity.date_deadline IS DISTINCT FROM partner.next_touch_date
                   %s
                """,
                SQL() if partner_ids is None else SQL("AND partner.id = ANY(%s)", list(partner_ids)),
            )
        )
        by_deadline = defaultdict(list)
        for activity_id, deadline in rows:
            by_deadline[deadline].append(activity_id)
        activities.browse(by_deadline.pop(None, [])).unlink()
        for deadline, activity_ids in by_deadline.items():
            activities.browse(activity_ids).with_context(mail_activity_quick_update=True).write(
                {"date_deadline": deadline}
            )

    def _create_cadence_reminders(self, default_user):
        """One automated reminder per partner in ``self``, which have none open."""
        if not self:
            return self.env["mail.activity"]
        model_id = self.env["ir.model"]._get_id("res.partner")
        vals_list = [
            partner._prepare_cadence_reminder_values(partner._get_cadence_responsible(default_user), model_id)
            for partner in self
        ]
        # The planner notifies nobody one reminder at a time: the inbox is where salespeople
        # look, and 10,000 reminders must not mean 10,000 e-mails.
        activities = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
        # A conflict is expected when planners race, not a bad query worth an error log.
        with mute_logger("odoo.sql_db"):
            try:
                with self.env.cr.savepoint():
                    return activities.create(vals_list)
            except (errors.UniqueViolation, errors.SerializationFailure):
                # Another planner committed some of these reminders since this one searched:
                # keep theirs, create the rest one by one.
                created = activities.browse()
                for vals in vals_list:
                    try:
                        with self.env.cr.savepoint():
                            created |= activities.create(vals)
                    except (errors.UniqueViolation, errors.SerializationFailure):
                        _logger.info("partner %s got its cadence reminder from another planner", vals["res_id"])
                return created

    @api.model
    def _cron_plan_cadence_touches(self):
        """Scheduled action: reminders for every partner due within the planning horizon.

        Batches are independent and each commits, so a run killed midway resumes where it
        stopped: the next run finds exactly the partners still without a reminder.
        """
        settings = self._get_cadence_settings()
        self._reschedule_cadence_reminders()
        self._commit_cadence_batch()
        cutoff = planning_cutoff(fields.Date.context_today(self), settings["horizon_days"])
        partners = self.sudo()
        domain = self._get_cadence_due_domain(cutoff)
        remaining = partners.search_count(domain)
        done = last_id = 0
        while True:
            batch = partners.search([("id", ">", last_id), *domain], order="id", limit=self._cadence_batch_size)
            if not batch:
                break
            batch._create_cadence_reminders(settings["default_user"])
            last_id = batch[-1].id
            done += len(batch)
            self.env["ir.cron"]._notify_progress(done=done, remaining=max(remaining - done, 0))
            self._commit_cadence_batch()
        _logger.info("cadence planner: %s reminders planned up to %s", done, cutoff)
        return done

    def _commit_cadence_batch(self):
        # Committing lets a long run keep each finished batch when it is killed later; tests
        # run inside one transaction that they roll back, so they must not commit.
        if not getattr(threading.current_thread(), "testing", False):
            self.env.cr.commit()  # pylint: disable=invalid-commit
