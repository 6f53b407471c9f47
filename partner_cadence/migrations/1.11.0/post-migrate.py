"""Past clients are called back now, and each client call is made once a purchase: the
win-back settings get their shipped values, as a new install does, and the calls before an
expected purchase that were planned already count as made (else each would come once more)."""

from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.tools import SQL

from odoo.addons.partner_cadence.domain.cadence import planning_cutoff
from odoo.addons.partner_cadence.hooks import pre_init_hook


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    pre_init_hook(env)
    settings = env["partner.cadence.planner"]._get_settings()
    cutoff = planning_cutoff(fields.Date.context_today(env["res.partner"]), settings.horizon_days)
    env.execute_query(
        SQL(
            "UPDATE res_partner SET cadence_repurchase_called_for = cadence_last_purchase_date"
            " WHERE cadence_repurchase_date <= %s",
            cutoff + timedelta(days=settings.repurchase_notice_days),
        )
    )
