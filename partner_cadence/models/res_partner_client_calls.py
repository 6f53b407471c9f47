from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL, format_amount, format_date

from ..domain import clients
from ..domain.cadence import planning_cutoff
from ..domain.reminders import Reminder, slot, slot_kind

REPURCHASE = "repurchase"
WINBACK = "winback"
# Each kind of client call is made once a purchase: the last purchase it was planned after.
CALLED_FOR = {REPURCHASE: "cadence_repurchase_called_for", WINBACK: "cadence_winback_called_for"}


class ResPartner(models.Model):
    """The calls a client's purchases call for (§7): before the next purchase is expected, and
    back when the client stopped buying. Each is made once a purchase: done, it does not come
    back until the client buys again."""

    # One capability of res.partner per file, each short enough to read at once: pylint-odoo
    # would rather have one class per model, the project asks for files under 400 lines.
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    # The engine's own marks (a user who could write them could silence a call), written by
    # _plan_cadence_client_call alone.
    cadence_repurchase_called_for = fields.Date(
        string="Repurchase Call Made After the Purchase Of",
        readonly=True,
        copy=False,
        groups="base.group_system",
        help="The last purchase after which the call before the next one was planned: one call a purchase.",
    )
    cadence_winback_called_for = fields.Date(
        string="Called Back After the Purchase Of",
        readonly=True,
        copy=False,
        groups="base.group_system",
        help="The last purchase after which the client lapsed and was called back: one win-back call a lapse.",
    )
    cadence_winback_date = fields.Date(
        compute="_compute_cadence_winback_date",
        string="Called Back If No Purchase By",
        help="A client who has not bought again by this day is called back: after their usual gap and a share of it, "
        "or after the days set in Settings when their rhythm is not known yet.",
    )

    # Not stored: it reads settings, and only the nightly pass acts on it.
    @api.depends("cadence_last_purchase_date", "cadence_repurchase_interval")
    def _compute_cadence_winback_date(self):
        settings = self.env["partner.cadence.planner"]._get_settings()
        for partner in self:
            partner.cadence_winback_date = partner._get_cadence_winback_date(settings) or False

    def _get_cadence_winback_date(self, settings):
        """The day this client lapses and is called back (domain.clients.winback_call_date)."""
        self.ensure_one()
        return clients.winback_call_date(
            self.cadence_last_purchase_date or None,
            self.cadence_repurchase_interval,
            settings.winback_days,
            settings.winback_grace_percent,
        )

    def _get_cadence_repurchase_call_date(self, settings):
        """The day of the call before this client's expected purchase, or None."""
        self.ensure_one()
        expected = self.cadence_repurchase_date
        return expected and clients.repurchase_call_date(expected, settings.repurchase_notice_days)

    # ------------------------------------------------------------
    # THE NIGHTLY STEP
    # ------------------------------------------------------------

    @api.model
    def _plan_cadence_client_calls(self, changed_ids, today, settings):
        """Scheduled action step, after the clients' figures: the repurchase and win-back calls
        of the clients whose figures changed (``changed_ids``), whose call falls due and was
        not made for their last purchase, or whose call is open (a setting may have moved it)."""
        planner = self.env["partner.cadence.planner"]
        due = self._get_clients_to_call(planning_cutoff(today, settings.horizon_days), settings)
        for kind, plan in ((REPURCHASE, self._plan_repurchase_reminders), (WINBACK, self._plan_winback_reminders)):
            planner._run_batches_over_ids("res.partner", sorted({*changed_ids, *due[kind]}), plan)

    @api.model
    def _get_clients_to_call(self, cutoff, settings):
        """{kind: ids of the clients whose call of that kind is open, or falls due by
        ``cutoff`` and was not made for their last purchase yet}, from one read of the clients."""
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT partner.id, partner.cadence_last_purchase_date, partner.cadence_repurchase_interval,
                       partner.cadence_repurchase_date,
                       partner.cadence_repurchase_called_for IS DISTINCT FROM partner.cadence_last_purchase_date,
                       partner.cadence_winback_called_for IS DISTINCT FROM partner.cadence_last_purchase_date,
                       array(SELECT activity.cadence_slot FROM mail_activity activity
                              WHERE activity.res_model = 'res.partner' AND activity.res_id = partner.id
                                AND activity.cadence_slot IN %s AND activity.active)
                  FROM res_partner partner
                 WHERE partner.cadence_last_purchase_date IS NOT NULL
                """,
                (slot(REPURCHASE), slot(WINBACK)),
            )
        )
        notice = timedelta(days=settings.repurchase_notice_days)
        lapse = settings.winback_days, settings.winback_grace_percent
        due = {REPURCHASE: [], WINBACK: []}
        for partner_id, last_purchase, interval, expected, repurchase_new, winback_new, open_slots in rows:
            lapsed = clients.winback_call_date(last_purchase, interval or 0, *lapse)
            if slot(WINBACK) in open_slots or (winback_new and lapsed and lapsed <= cutoff):
                due[WINBACK].append(partner_id)
            if slot(REPURCHASE) in open_slots or (
                repurchase_new and expected and expected - notice <= cutoff and not (lapsed and lapsed <= cutoff)
            ):
                due[REPURCHASE].append(partner_id)
        return due

    @api.model
    def _plan_repurchase_reminders(self, partners):
        """A call a few days before each client's expected purchase; none when there is no
        telling or the client lapsed (the win-back call replaces it), and it follows the date
        when the client bought again."""
        settings = self.env["partner.cadence.planner"]._get_settings()
        cutoff = planning_cutoff(fields.Date.context_today(self), settings.horizon_days)

        def due_of(partner):
            lapsed = partner._get_cadence_winback_date(settings)
            return None if lapsed and lapsed <= cutoff else partner._get_cadence_repurchase_call_date(settings)

        return partners._plan_cadence_client_call(REPURCHASE, due_of)

    @api.model
    def _plan_winback_reminders(self, partners):
        """A call to each client who stopped buying (§7: competitors work your past clients
        while you chase new ones); it goes when the client buys again."""
        settings = self.env["partner.cadence.planner"]._get_settings()

        return partners._plan_cadence_client_call(
            WINBACK, lambda partner: partner._get_cadence_winback_date(settings), ends_with_purchase=True
        )

    def _describe_cadence_slot(self, reminder_slot, format_day):
        """A repurchase call says how often the client buys; a win-back call, since when not."""
        kind = slot_kind(reminder_slot)
        if kind == REPURCHASE:
            return self.env._("Repurchase due: %(client)s", client=self.name), [
                self.env._(
                    "%(client)s usually buys every %(days)s days; last purchase on %(date)s, %(amount)s on average.",
                    client=self.name,
                    days=self.cadence_repurchase_interval,
                    date=format_day(self.cadence_last_purchase_date),
                    amount=format_amount(self.env, self.cadence_average_purchase, self.cadence_currency_id),
                )
            ]
        if kind == WINBACK:
            return self.env._("Win back %(client)s", client=self.name), [
                self.env._(
                    "%(client)s last bought on %(date)s and has not bought since: ask what changed and what would "
                    "bring them back.",
                    client=self.name,
                    date=format_day(self.cadence_last_purchase_date),
                )
            ]
        return super()._describe_cadence_slot(reminder_slot, format_day)

    def _plan_cadence_client_call(self, kind, due_of, ends_with_purchase=False):
        """Make these clients' ``kind`` slot hold a call on ``due_of(partner)`` when it falls due
        within the planning horizon and was not made for their last purchase yet; empty it when
        nothing is due, or, ``ends_with_purchase``, when the client bought since it was planned.

        The call is marked made for the last purchase with it, in its transaction (a batch
        killed before it commits plans it again); a call dropped before it was made, because a
        setting turned it off, is unmarked so that it comes when due again.
        """
        settings = self.env["partner.cadence.planner"]._get_settings()
        cutoff = planning_cutoff(fields.Date.context_today(self), settings.horizon_days)
        call_type_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mail_activity_data_call")
        mark = CALLED_FOR[kind]
        marks = {partner.id: partner.sudo()[mark] for partner in self}
        holding = set(self._get_cadence_reminders([slot(kind)]).mapped("res_id"))
        wanted, called, not_due = {}, [], []
        for partner in self:
            due = due_of(partner)
            made = marks[partner.id] == partner.cadence_last_purchase_date
            if not due:
                wanted[partner.id, slot(kind)] = None
                not_due.append(partner.id)
            elif partner.id in holding and not made and due > cutoff and ends_with_purchase:
                # The client bought since the call was planned: what it was for is over.
                wanted[partner.id, slot(kind)] = None
            elif partner.id in holding:
                # An open call follows its date, even beyond the horizon, and now stands for
                # the last purchase.
                wanted[partner.id, slot(kind)] = Reminder(call_type_id, due, None)
                if not made:
                    called.append(partner.id)
            elif not made and due <= cutoff:
                wanted[partner.id, slot(kind)] = Reminder(call_type_id, due, None)
                called.append(partner.id)
        column = SQL.identifier(mark)
        unmarked = [partner_id for partner_id in not_due if partner_id in holding]
        if unmarked:
            self.env.execute_query(SQL("UPDATE res_partner SET %s = NULL WHERE id = ANY(%s)", column, unmarked))
        created = self._ensure_cadence_reminders(wanted, cutoff)
        if called:
            self.env.execute_query(
                SQL("UPDATE res_partner SET %s = cadence_last_purchase_date WHERE id = ANY(%s)", column, called)
            )
        self.browse(unmarked + called).invalidate_recordset([mark])
        return created

    # ------------------------------------------------------------
    # TITLES
    # ------------------------------------------------------------

    @api.model
    def _get_cadence_display_titles(self, reminders):
        """A client's calls say why now, in the reader's language: "Win back Irina: 3 days
        late, last purchase 27 Jul 2026", "Repurchase due: Irina: expected 9 Oct"."""
        titles = super()._get_cadence_display_titles(reminders)
        env = self.env
        readable = set(self.browse(reminders.mapped("res_id"))._filtered_access("read").ids)
        for reminder in reminders:
            kind = slot_kind(reminder.cadence_slot)
            if reminder.res_id not in readable or kind not in (REPURCHASE, WINBACK):
                continue
            partner = self.browse(reminder.res_id)
            timing = self._get_cadence_timing(reminder)
            reasons = [timing] if timing else []
            if kind == WINBACK:
                head = env._("Win back %(client)s", client=partner.name)
                day = partner.cadence_last_purchase_date
                reason = day and env._("last purchase %(date)s", date=format_date(env, day, date_format="d MMM y"))
            else:
                head = env._("Repurchase due: %(client)s", client=partner.name)
                day = partner.cadence_repurchase_date
                reason = day and env._("expected %(date)s", date=format_date(env, day, date_format="d MMM"))
            reasons += [reason] if reason else []
            titles[reminder] = (
                env._("%(head)s: %(reasons)s", head=head, reasons=", ".join(reasons)) if reasons else head
            )
        return titles
