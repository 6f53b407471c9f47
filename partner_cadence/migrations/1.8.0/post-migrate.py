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
    # A partner's last touch is read from its touches now: a date typed before touches were
    # recorded becomes the touch set by hand it stands for.
    cr.execute(
        SQL(
            """
            INSERT INTO partner_cadence_touch (partner_id, date, origin, create_uid, create_date, write_uid, write_date)
            SELECT partner.id, partner.last_touch_date, 'manual', %(root)s, NOW() AT TIME ZONE 'UTC',
                   %(root)s, NOW() AT TIME ZONE 'UTC'
              FROM res_partner partner
             WHERE partner.last_touch_date IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM partner_cadence_touch touch
                                WHERE touch.partner_id = partner.id AND touch.date >= partner.last_touch_date)
            """,
            root=SUPERUSER_ID,
        )
    )
