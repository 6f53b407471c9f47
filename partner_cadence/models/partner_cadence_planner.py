import functools
import logging
import time

from psycopg2 import errors

from odoo import api, models
from odoo.tools import SQL

from .. import compat
from ..domain.bounds import REDERIVE_IN_REQUEST_MAX
from ..domain.settings import CadenceSettings

_logger = logging.getLogger(__name__)

# How often a batch that PostgreSQL refused (a user committed a change to one of its rows
# after the batch's snapshot) is tried again on a fresh snapshot before the run gives up.
MAX_TRIES = 5
RETRIED_ERRORS = (errors.SerializationFailure, errors.LockNotAvailable, errors.DeadlockDetected)


class PartnerCadencePlanner(models.AbstractModel):
    """How the scheduled actions work through a large base, shared by partners and leads.

    The way Odoo's own job runners do it: each batch is claimed with
    ``SELECT ... FOR UPDATE SKIP LOCKED``, so a second planner, or a salesperson editing a
    record of the batch, never blocks the run nor makes it fail: the locked record is left
    to the transaction that holds it (which plans it itself) or to the next run. Each batch
    commits on its own, so a run killed midway keeps what it did and the next one resumes.
    """

    _name = "partner.cadence.planner"
    _description = "Cadence Planner"

    # ------------------------------------------------------------
    # THE NIGHTLY PASS
    # ------------------------------------------------------------

    @api.model
    def _cron_plan_partners(self):
        """Scheduled action: the partners' nightly pass, one named step after the other, each
        timed in the log. Returns the number of reminders planned.

        Every step claims and commits its own batches (see ``_run_batches``): the pass is safe
        to run on several servers at once, and a pass killed midway resumes where it stopped.
        """
        partners = self.env["res.partner"]
        schedules = self.env["partner.cadence.schedule"]
        steps = (
            (
                "re-derive values whose inputs changed, plan partners saved without planning",
                self.env["partner.cadence.rederivation"]._run_pending,
            ),
            ("re-plan partners of changed tiers", partners._replan_changed_tiers),
            (
                "register the meetings held",
                functools.partial(self._run_step, self.env["calendar.event"]._register_ended_cadence_meetings),
            ),
            ("plan due reminders, drop stray ones", schedules._plan_due_reminders),
            ("refresh partner values", partners._refresh_cadence_values),
            ("refresh clients", partners._refresh_cadence_clients),
            ("record survey scores", partners._refresh_cadence_survey_scores),
            (
                "plan direct mail",
                functools.partial(self._run_step, self.env["partner.cadence.direct.mail"]._plan_letters),
            ),
        )
        results = dict(self._run_timed_steps(steps))
        return results["plan due reminders, drop stray ones"]

    @api.model
    def _run_timed_steps(self, steps):
        """Run each ``(name, step)`` in turn, logging what it returned and how long it took."""
        for name, step in steps:
            started = time.perf_counter()
            result = step()
            _logger.info("cadence planner: %s: %s in %.2f s", name, result, time.perf_counter() - started)
            yield name, result

    # ------------------------------------------------------------
    # SETTINGS AND HELPERS
    # ------------------------------------------------------------

    @api.model
    def _get_settings(self):
        """The settings as one typed object (see ``domain.settings``); each parameter read is
        cached by ir.config_parameter until one is written."""
        params = self.env["ir.config_parameter"].sudo()
        return CadenceSettings.from_parameters(params.get_param)

    @api.model
    def _get_default_responsible(self, settings):
        """The settings' default responsible, or the administrator when it is unset or gone."""
        user = self.env["res.users"].sudo().browse(settings.default_user_id).exists()
        return user or self.env.ref("base.user_admin")

    @api.model
    def _rederive(self, model_name, domain, inputs):
        """Re-derive the stored values of ``model_name``'s records matching ``domain`` whose
        ``inputs`` changed meaning (an admin changed a tier, a grid cell or a setting they are
        read with): in this request when they fit in one batch, else in the scheduled action
        (see partner.cadence.rederivation). The model's ``_cadence_rederive(inputs)`` does it."""
        limit = min(self._get_settings().batch_size, REDERIVE_IN_REQUEST_MAX)
        records = self.env[model_name].sudo().with_context(active_test=False).search(domain, limit=limit + 1)
        if len(records) <= limit:
            records._cadence_rederive(inputs)
        else:
            self.env["partner.cadence.rederivation"].sudo()._request(model_name, domain, inputs)

    @api.model
    def _replace_moved_reminders(self, users=None):
        """After a daily capacity changed (the settings', or ``users``' own): the open reminders
        that waited for room in their user's day take the earliest day that fits now, in this
        request when they are few, else in the scheduled action (see ``_rederive``)."""
        domain = [("active", "=", True), ("cadence_moved", "=", True)]
        if users:
            domain.append(("user_id", "in", users.ids))
        self._rederive("mail.activity", domain, ["daily_capacity"])

    @api.model
    def _notification(self, message, kind="success", close_dialog=False, next_action=None):
        """The client action showing ``message`` as Odoo's own buttons do, closing the dialog the
        button stood in when ``close_dialog``, or then opening ``next_action``."""
        params = {"type": kind, "message": message}
        if close_dialog:
            params["next"] = {"type": "ir.actions.act_window_close"}
        elif next_action:
            params["next"] = next_action
        return {"type": "ir.actions.client", "tag": "display_notification", "params": params}

    @api.model
    def _commits_batches(self):
        """Committing lets a long run keep each finished batch when it is killed later. Tests
        run inside one transaction that they roll back, and module data (demo data calling a
        planner) loads inside the install's own transaction and savepoints: neither commits."""
        return self.pool.ready and not compat.in_test_transaction()

    @api.model
    def _commit(self):
        if self._commits_batches():
            self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _run_step(self, step, *args):
        """Run ``step(*args)`` as one transaction and commit it; when a concurrent change makes
        PostgreSQL refuse it, roll back and run it again on a fresh snapshot."""
        if not self._commits_batches():
            return step(*args)
        for attempt in range(1, MAX_TRIES + 1):
            try:
                result = step(*args)
                self._commit()
                return result
            except RETRIED_ERRORS as error:
                self.env.cr.rollback()
                if attempt == MAX_TRIES:
                    raise
                _logger.info("cadence planner: %s, trying the batch again (%s)", type(error).__name__, attempt)
        return None

    @api.model
    def _claim(self, model, domain, after_id, limit):
        """The next ``limit`` records of ``model`` matching ``domain`` after ``after_id``, locked
        for this transaction; records another transaction holds are skipped, not waited for."""
        records = self.env[model].sudo()
        query = records._search([("id", ">", after_id), *domain], order="id", limit=limit)
        rows = self.env.execute_query(
            SQL("%s FOR UPDATE OF %s SKIP LOCKED", query.select(), SQL.identifier(records._table))
        )
        return records.browse(row[0] for row in rows)

    @api.model
    def _run_batches(self, model, domain, process):
        """Claim and ``process`` batches of ``model`` matching ``domain``, each in its own
        transaction, reporting progress to the scheduled action; returns the sum of what
        ``process`` returned."""
        batch_size = self._get_settings().batch_size
        remaining = self.env[model].sudo().search_count(domain)
        done = 0
        last_id = 0

        def claim_and_process(after_id, done_before):
            batch = self._claim(model, domain, after_id, batch_size)
            if not batch:
                return None, 0
            count = process(batch)
            compat.report_cron_progress(
                self.env, done=done_before + count, remaining=max(remaining - done_before - count, 0)
            )
            return batch[-1].id, count

        while True:
            batch_last_id, count = self._run_step(claim_and_process, last_id, done)
            if batch_last_id is None:
                break
            last_id = batch_last_id
            done += count
            # Each batch's records are done with: dropping them keeps memory flat at any N.
            self.env.invalidate_all()
        return done

    @api.model
    def _run_batches_over_ids(self, model, ids, process):
        """Like ``_run_batches``, over the records of ``model`` with ``ids`` (found by a query
        that no domain can express), claimed a batch at a time; records gone or held by
        another transaction meanwhile are left to it or to the next run."""
        batch_size = self._get_settings().batch_size
        done = 0

        def claim_and_process(chunk, done_before):
            batch = self._claim(model, [("id", "in", chunk)], 0, batch_size)
            count = process(batch) if batch else 0
            compat.report_cron_progress(
                self.env, done=done_before + count, remaining=max(len(ids) - done_before - len(chunk), 0)
            )
            return count

        for start in range(0, len(ids), batch_size):
            done += self._run_step(claim_and_process, ids[start : start + batch_size], done)
            self.env.invalidate_all()
        return done
