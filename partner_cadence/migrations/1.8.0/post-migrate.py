"""The partners' nightly pass moved to the planner, the model named for what it does (its
cron record is noupdate: an upgrade keeps the old model and code otherwise)."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("partner_cadence.ir_cron_plan_partner_touches", raise_if_not_found=False)
    if cron:
        cron.write(
            {"model_id": env["ir.model"]._get_id("partner.cadence.planner"), "code": "model._cron_plan_partners()"}
        )
    # Whether a reminder is a cadence reminder or a nurture touch is read from its slot now:
    # the columns that stored it apart are gone.
    for column in ("cadence_reminder", "nurture_touch"):
        cr.execute(SQL("ALTER TABLE mail_activity DROP COLUMN IF EXISTS %s", SQL.identifier(column)))
