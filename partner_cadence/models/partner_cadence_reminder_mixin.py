import dataclasses
from collections import defaultdict
from datetime import timedelta

from babel.dates import format_timedelta
from markupsafe import Markup, escape
from psycopg2 import errors

from odoo import api, fields, models
from odoo.tools import SQL, format_date, get_lang
from odoo.tools.misc import babel_locale_parse

from .. import compat
from ..domain.capacity import RIDES_ALONG, Request, place_reminders
from ..domain.reminders import Reminder, after_unanswered, days_late, plan_changes, responsible, slot_kind


class PartnerCadenceReminderMixin(models.AbstractModel):
    """The one engine behind every planned reminder, shared by partners and leads.

    A record holds at most one open reminder per slot (see ``domain.reminders``); the engine
    fills, moves, hands on and empties slots through the ORM, in batches, so that Odoo's and
    other addons' hooks, followers and access rules apply. ``mail_activity_quick_update``
    keeps Odoo from mailing each salesperson a notice per reminder: each user with reminders
    due gets one bus notification, and the inbox is where they look. A partial unique index
    on open slots is the last guard against two transactions filling one slot at once.
    """

    _name = "partner.cadence.reminder.mixin"
    _description = "Cadence Reminders"

    def _get_cadence_responsible_candidates(self):
        """The users this record's reminders go to, first choice first; when none is active,
        the settings' default responsible takes them. Extend to put someone first."""
        self.ensure_one()
        return self.env["res.users"]

    def _get_cadence_responsible(self, default_user, leaving=()):
        """The user who gets this record's reminders now; ``leaving`` users are being archived."""
        candidates = self._get_cadence_responsible_candidates()
        user_id = responsible([(user.id, user.active) for user in candidates], default_user.id, leaving)
        return self.env["res.users"].browse(user_id)

    @api.model
    def _get_cadence_display_titles(self, reminders):
        """{reminder: title} for the open ``reminders`` of this model, as their reader should
        see them now, in the reader's language: why the reminder is due, as of today. The
        stored summary stands for the reminders left out (all of them, by default). Extend
        per model."""
        return {}

    @api.model
    def _get_cadence_timing(self, reminder):
        """When ``reminder`` stands, as of the reader's today and in their language: how late it
        is ("9 days late"), or that it waited for a day with room ("due 1 Dec, moved to fit the
        day"); None when it is on its day. A part of its title."""
        late = days_late(reminder.date_deadline, fields.Date.context_today(self))
        if late:
            locale = babel_locale_parse(get_lang(self.env).code)
            duration = format_timedelta(timedelta(days=late), granularity="day", threshold=late + 1, locale=locale)
            return self.env._("%(duration)s late", duration=duration)
        if reminder.cadence_moved:
            return self.env._(
                "due %(date)s, moved to fit the day",
                date=format_date(self.env, reminder.cadence_due_date, date_format="d MMM"),
            )
        return None

    def _get_cadence_reminders(self, slots=None):
        """The open reminders of these records, of ``slots`` only when given."""
        domain = [("res_model", "=", self._name), ("res_id", "in", self.ids), ("cadence_slot", "!=", False)]
        if slots is not None:
            domain.append(("cadence_slot", "in", list(slots)))
        return self.env["mail.activity"].sudo().search(domain)

    def _ensure_cadence_reminders(self, wanted, cutoff, describe=None):
        """Make each named slot hold what it should, for these records, in a few batched writes.

        :param wanted: {(record id, slot): domain.reminders.Reminder, or None when nothing is due};
            a reminder without ``user_id`` goes to the record's responsible, found here
        :param cutoff: the last due date planned now; open reminders follow their date anyway
        :param describe: ``describe(record, slot, format_day)`` returns the summary and the lines
            of the note of a new reminder, ``record`` in its responsible user's language; by
            default the record's ``_describe_cadence_slot``
        :return: the number of reminders created
        """
        if not wanted:
            return 0
        describe = describe or (
            lambda record, reminder_slot, format_day: record._describe_cadence_slot(reminder_slot, format_day)
        )
        wanted = self._assign_cadence_responsibles(wanted)
        open_reminders = self.browse({res_id for res_id, _slot in wanted})._get_cadence_reminders(
            {slot for _res_id, slot in wanted}
        )
        by_key = {(reminder.res_id, reminder.cadence_slot): reminder for reminder in open_reminders}
        # A reminder holds what it should while it was planned for the slot's due date, even on
        # a later day that had room (see ``_place_cadence_reminders``).
        changes = plan_changes(
            wanted,
            {
                key: (reminder.cadence_due_date or reminder.date_deadline, reminder.user_id.id)
                for key, reminder in by_key.items()
            },
            cutoff,
        )
        activities = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
        activities.browse(by_key[key].id for key in changes.drop).unlink()
        moving = [key for keys in changes.move.values() for key in keys]
        days = self._place_cadence_reminders(
            {key: wanted[key] for key in [*changes.create, *moving]},
            activities.browse(by_key[key].id for key in moving),
        )
        writes = defaultdict(list)
        for key in moving:
            writes[days[key], wanted[key].deadline, wanted[key].user_id].append(by_key[key].id)
        for (day, due, user_id), reminder_ids in writes.items():
            activities.browse(reminder_ids).write({"date_deadline": day, "cadence_due_date": due, "user_id": user_id})
        created = self._create_cadence_reminders(
            self._prepare_cadence_reminders({key: wanted[key] for key in changes.create}, days, describe)
        )
        today = fields.Date.context_today(self)
        due_now = {wanted[key].user_id for key in [*changes.create, *moving] if days[key] <= today}
        if due_now and not compat.ACTIVITY_COUNTER_SENT_BY_ODOO:
            self.env["res.users"].browse(due_now)._bus_send("mail.activity/updated", {"activity_created": True})
        if changes.create or changes.drop:
            self.invalidate_model(["activity_ids"])
        return len(created)

    def _place_cadence_reminders(self, wanted, moving):
        """{(record id, slot): the day its reminder goes on} for the reminders ``wanted`` (being
        created, or ``moving`` open ones): a day that fits its user's capacity and holds no
        other planned touch of the record (see ``domain.capacity``). Activities a user made by
        hand fill the day but take no one's: the salesperson chose them."""
        if not wanted:
            return {}
        settings = self.env["partner.cadence.planner"]._get_settings()
        today = fields.Date.context_today(self)
        users = self.env["res.users"].sudo().browse({reminder.user_id for reminder in wanted.values()})
        capacity = {user.id: user.cadence_daily_capacity or settings.daily_capacity for user in users}
        records = self.sudo().browse({res_id for res_id, _slot in wanted})
        others = SQL("active AND id NOT IN %s", tuple(moving.ids) or (0,))
        load = {}
        if any(capacity.values()):
            rows = self.env.execute_query(
                SQL(
                    """
                    SELECT user_id, date_deadline, count(*) FROM mail_activity
                     WHERE %s AND user_id IN %s GROUP BY 1, 2
                    """,
                    others,
                    tuple(users.ids),
                )
            )
            load = {(user_id, day): count for user_id, day, count in rows}
        taken = self.env.execute_query(
            SQL(
                """
                SELECT res_id, date_deadline FROM mail_activity
                 WHERE %s AND res_model = %s AND res_id IN %s
                   AND split_part(cadence_slot, ':', 1) NOT IN %s
                """,
                others,
                self._name,
                tuple(records.ids),
                RIDES_ALONG,
            )
        )
        values = records._get_cadence_reminder_values()
        calendars = {}
        if settings.weekdays_only:
            for company in records.mapped(lambda record: record.company_id or self.env.company):
                calendars[company.id] = company._get_cadence_working_days()
        requests = []
        for (res_id, slot), reminder in wanted.items():
            record = records.browse(res_id)
            requests.append(
                Request(
                    (res_id, slot),
                    reminder.user_id,
                    None if slot_kind(slot) in RIDES_ALONG else res_id,
                    reminder.deadline,
                    values.get(res_id, 0.0),
                    calendars.get((record.company_id or self.env.company).id),
                )
            )
        return place_reminders(requests, load, taken, capacity, today)

    @api.model
    def _place_cadence_reminders_again(self, reminders):
        """Put the open ``reminders`` (of this model) on the day that fits them now, from the
        date they are due by the rhythm."""
        wanted = {
            (reminder.res_id, reminder.cadence_slot): Reminder(
                reminder.activity_type_id.id, reminder.cadence_due_date, reminder.user_id.id
            )
            for reminder in reminders
        }
        days = self._place_cadence_reminders(wanted, reminders)
        moves = defaultdict(list)
        for reminder in reminders:
            day = days[reminder.res_id, reminder.cadence_slot]
            if day != reminder.date_deadline:
                moves[day].append(reminder.id)
        for day, reminder_ids in moves.items():
            reminders.browse(reminder_ids).with_context(mail_activity_quick_update=True).write({"date_deadline": day})

    def _get_cadence_reminder_values(self):
        """{record id: the value at risk without its reminders}: the most valuable are planned
        first when a day is full. Nothing by default; extend per model."""
        return {}

    def _assign_cadence_responsibles(self, wanted):
        """``wanted`` with each reminder that names no user given the record's responsible
        (see ``_get_cadence_responsible``): records with the same candidates share one answer,
        and the default responsible of the settings is looked up once."""
        unassigned = [key for key, reminder in wanted.items() if reminder and not reminder.user_id]
        if not unassigned:
            return wanted
        planner = self.env["partner.cadence.planner"]
        default_user = planner._get_default_responsible(planner._get_settings())
        by_candidates = {}
        assigned = dict(wanted)
        for key in unassigned:
            record = self.browse(key[0])
            candidates = tuple(record._get_cadence_responsible_candidates().ids)
            if candidates not in by_candidates:
                by_candidates[candidates] = record._get_cadence_responsible(default_user).id
            assigned[key] = dataclasses.replace(wanted[key], user_id=by_candidates[candidates])
        return assigned

    def _prepare_cadence_reminders(self, wanted, days, describe):
        """``mail.activity`` values of the reminders ``wanted`` ({(record id, slot): Reminder}),
        each on its day of ``days``, their text in each responsible user's language: one date
        pattern per language."""
        model_id = self.env["ir.model"]._get_id(self._name)
        users = self.env["res.users"].sudo().browse({reminder.user_id for reminder in wanted.values()})
        lang_of = {user.id: user.lang or self.env.lang for user in users}
        by_lang = defaultdict(list)
        for key, reminder in wanted.items():
            by_lang[lang_of[reminder.user_id]].append((key, reminder))
        vals_list = []
        for lang, items in by_lang.items():
            localized = self.with_context(lang=lang)
            date_pattern = get_lang(localized.env).date_format
            for (res_id, slot), reminder in items:
                summary, lines = describe(
                    localized.browse(res_id), slot, lambda day, pattern=date_pattern: day.strftime(pattern)
                )
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": res_id,
                        "activity_type_id": reminder.activity_type_id,
                        "summary": summary,
                        "note": self._render_cadence_note(lines),
                        "date_deadline": days[res_id, slot],
                        "cadence_due_date": reminder.deadline,
                        "user_id": reminder.user_id,
                        "automated": True,
                        "cadence_slot": slot,
                    }
                )
        return vals_list

    @api.model
    def _render_cadence_note(self, lines):
        """A note of text ``lines``: names in them are text, never HTML; no note without lines."""
        return Markup("").join(Markup("<p>%s</p>") % escape(line) for line in lines) or False

    @api.model
    def _create_cadence_reminders(self, vals_list):
        """``mail.activity`` records for ``vals_list``, all in one create; should a concurrent
        transaction have filled one of the slots meanwhile (the unique index refuses it), the
        others are created one by one and that slot is left to the other transaction."""
        activities = self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True)
        if not vals_list:
            return activities
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

    def _reassign_cadence_reminders(self, leaving=None):
        """Hand open reminders on to whoever is responsible now.

        :param leaving: users being archived: only their reminders move, to the record's
            responsible; None moves every reminder of these records whose responsible changed
        """
        planner = self.env["partner.cadence.planner"]
        default_user = planner._get_default_responsible(planner._get_settings())
        reminders = self._get_cadence_reminders()
        if leaving is not None:
            reminders = reminders.filtered(lambda reminder: reminder.user_id in leaving)
        leaving_ids = set(leaving.ids) if leaving else set()
        by_user = defaultdict(list)
        other_language = []
        for reminder in reminders:
            user = self.browse(reminder.res_id)._get_cadence_responsible(default_user, leaving_ids)
            if reminder.user_id != user:
                by_user[user.id].append(reminder.id)
                if (reminder.user_id.lang or self.env.lang) != (user.lang or self.env.lang):
                    other_language.append(reminder.id)
        for user_id, reminder_ids in by_user.items():
            reminders.browse(reminder_ids).with_context(mail_activity_quick_update=True).write({"user_id": user_id})
        if other_language:
            self._render_cadence_reminders_again(reminders.browse(other_language))

    def _describe_cadence_slot(self, reminder_slot, format_day):
        """The summary and the note lines of this record's reminder in ``reminder_slot``, in
        this env's language, from what the record holds now; an empty tuple for a slot whose
        text needs what only its planner knows (it is told by ``_render_cadence_reminders_again``,
        or stays as planned). The ``describe`` of ``_ensure_cadence_reminders`` by default.
        Extend per slot kind."""
        return ()

    @api.model
    def _render_cadence_reminders_again(self, reminders):
        """Write the summary and note of ``reminders`` (of this model) again in their
        responsible's language: handed to someone else, or their responsible now reads another
        language. Slots ``_describe_cadence_slot`` tells; extend per model for the others.

        :return: the reminders not told here
        """
        untold = reminders.browse()
        # Each record read with all the others: one query a field for the batch, not a record.
        res_ids = tuple(reminders.mapped("res_id"))
        for reminder in reminders:
            localized = self.sudo().with_context(lang=reminder.user_id.lang or self.env.lang)
            pattern = get_lang(localized.env).date_format
            told = (
                localized.browse(reminder.res_id)
                .with_prefetch(res_ids)
                ._describe_cadence_slot(reminder.cadence_slot, lambda day, pattern=pattern: day.strftime(pattern))
            )
            if not told:
                untold |= reminder
                continue
            summary, lines = told
            reminder.sudo().with_context(mail_activity_quick_update=True).write(
                {"summary": summary, "note": self._render_cadence_note(lines)}
            )
        return untold

    def _drop_cadence_reminders(self, slots):
        """Empty ``slots`` of these records."""
        self._get_cadence_reminders(slots).unlink()

    def _count_unanswered_call(self, unanswered_before, limit):
        """(unanswered calls in a row now, the day to try again or None) after one more call
        nobody answered, noted in the record's chatter; the caller pauses the record."""
        self.ensure_one()
        settings = self.env["partner.cadence.planner"]._get_settings()
        unanswered, resume = after_unanswered(
            unanswered_before, limit, fields.Date.context_today(self), settings.unanswered_resume_days
        )
        if resume:
            body = self.env._(
                "No answer %(count)s times in a row: paused until %(date)s, then tried again.",
                count=limit,
                date=format_date(self.env, resume),
            )
        else:
            body = self.env._("No answer (%(count)s in a row).", count=unanswered)
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        return unanswered, resume

    def _drop_duplicate_cadence_reminders(self, destination):
        """Before these records' activities move onto ``destination`` (a merge): drop each open
        reminder whose slot ``destination``, or one of these records before it, already fills."""
        reminders = (self | destination)._get_cadence_reminders()
        filled = set()
        duplicates = reminders.browse()
        for reminder in reminders.sorted(lambda reminder: (reminder.res_id != destination.id, reminder.id)):
            if reminder.cadence_slot in filled:
                duplicates |= reminder
            filled.add(reminder.cadence_slot)
        duplicates.unlink()
