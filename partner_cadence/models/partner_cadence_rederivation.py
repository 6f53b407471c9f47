import ast
import logging

from odoo import api, fields, models
from odoo.tools import SQL

from .. import compat

_logger = logging.getLogger(__name__)


@compat.sql_constraints(
    ("model_uniq", "UNIQUE(model_name)", "A model has one pending re-derivation, widened by each new request.")
)
class PartnerCadenceRederivation(models.Model):
    """Stored values whose inputs changed outside their own records, waiting for the
    scheduled action.

    Some stored values are derived from records and settings that no ``@api.depends`` can
    name: a partner's suggested tier from the tiers' inbound frequencies and the market-share
    thresholds, a client's NPS group from the promoter score, a lead's potential from the
    marker thresholds. When an admin changes one of those, ``partner.cadence.planner._rederive``
    re-derives the records concerned in the same request when they are few; when they are
    many, it leaves a row here and the scheduled action works through them in batches,
    resuming after its last finished batch when it was killed. Each model re-derives its
    records in its ``_cadence_rederive(inputs)`` hook.
    """

    _name = "partner.cadence.rederivation"
    _description = "Pending Re-derivation"
    _order = "id"

    model_name = fields.Char(required=True, readonly=True)
    domain = fields.Text(required=True, readonly=True, help="The records to re-derive, as a domain.")
    inputs = fields.Char(
        required=True, readonly=True, help="The input fields whose meaning changed, separated by commas."
    )
    last_id = fields.Integer(
        string="Done Up To Record", readonly=True, default=0, help="Records up to this id are re-derived already."
    )

    @api.model
    def _request(self, model_name, domain, inputs):
        """Mark ``model_name``'s records matching ``domain`` to re-derive from ``inputs``,
        adding to what is already marked, from the first record again."""
        self.env.flush_all()
        # Inserted unless the model has its row already (two first requests at once insert
        # one), else that row, locked, is widened: two admins saving at once both count.
        inserted = self.env.execute_query(
            SQL(
                """
                INSERT INTO partner_cadence_rederivation
                       (model_name, domain, inputs, last_id, create_uid, write_uid, create_date, write_date)
                VALUES (%(model)s, %(domain)s, %(inputs)s, 0, %(uid)s, %(uid)s,
                        NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC')
                ON CONFLICT (model_name) DO NOTHING
                RETURNING id
                """,
                model=model_name,
                domain=repr(domain),
                inputs=",".join(sorted(inputs)),
                uid=self.env.uid,
            )
        )
        if not inserted:
            rows = self.env.execute_query(
                SQL(
                    "SELECT id, domain, inputs FROM partner_cadence_rederivation WHERE model_name = %s FOR UPDATE",
                    model_name,
                )
            )
            mark_id, marked_domain, marked_inputs = rows[0]
            self.browse(mark_id).write(
                {
                    "domain": repr(compat.domain_or([ast.literal_eval(marked_domain), domain])),
                    "inputs": ",".join(sorted(set(marked_inputs.split(",")) | set(inputs))),
                    "last_id": 0,
                }
            )
        self.invalidate_model()
        # Absent while the module installs: its data changes tiers before the action exists.
        cron = self.env.ref("partner_cadence.ir_cron_plan_partner_touches", raise_if_not_found=False)
        if cron:
            cron.sudo()._trigger()

    @api.model
    def _run_pending(self):
        """Scheduled action step: re-derive every marked model's records, a batch per
        transaction; a request made meanwhile restarts its model from the first record."""
        planner = self.env["partner.cadence.planner"]
        batch_size = planner._get_settings().batch_size
        done = 0
        for mark_id in self.search([]).ids:
            while True:
                count = planner._run_step(self._rederive_next_batch, mark_id, batch_size)
                self.env.invalidate_all()
                if count is None:
                    break
                done += count
        return done

    @api.model
    def _rederive_next_batch(self, mark_id, batch_size):
        """The next batch of the mark ``mark_id``, with the mark locked so that a request
        made meanwhile waits and then restarts it; None when the mark is finished."""
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                "SELECT model_name, domain, inputs, COALESCE(last_id, 0) FROM partner_cadence_rederivation"
                " WHERE id = %s FOR UPDATE",
                mark_id,
            )
        )
        if not rows:
            return None
        model_name, domain, inputs, last_id = rows[0]
        records = self.env[model_name].sudo().with_context(active_test=False)
        batch = records.search([("id", ">", last_id), *ast.literal_eval(domain)], order="id", limit=batch_size)
        mark = self.browse(mark_id)
        if not batch:
            mark.unlink()
            return None
        batch._cadence_rederive(inputs.split(","))
        mark.last_id = batch[-1].id
        return len(batch)
