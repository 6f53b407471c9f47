"""One reminder engine: reminders are found by their slot, not by a link on the schedule.

Give the open reminders of earlier versions their slot (so that they are neither planned
twice nor lost), drop the link column and the indexes the slot index replaces, and move the
partner planner's scheduled action onto the schedule model (its data is not updated).
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

OLD_INDEXES = (
    "mail_activity_cadence_reminder_open_uniq",
    "mail_activity_nurture_touch_open_uniq",
    "partner_cadence_schedule_due_unplanned_idx",
)


def migrate(cr, version):
    cr.execute(
        SQL(
            """
            UPDATE mail_activity activity
               SET cadence_slot = schedule.kind || ':' || schedule.activity_type_id
              FROM partner_cadence_schedule schedule
             WHERE schedule.activity_id = activity.id AND activity.active
            """
        )
    )
    cr.execute(SQL("UPDATE mail_activity SET cadence_slot = 'nurture' WHERE nurture_touch AND active"))
    cr.execute(
        SQL(
            """
            UPDATE mail_activity SET cadence_slot = 'warm_intro'
             WHERE id IN (SELECT MIN(activity.id)
                            FROM mail_activity activity
                            JOIN ir_model_data xmlid ON xmlid.res_id = activity.activity_type_id
                             AND xmlid.model = 'mail.activity.type' AND xmlid.module = 'partner_cadence'
                             AND xmlid.name = 'mail_activity_type_warm_intro'
                           WHERE activity.res_model = 'res.partner' AND activity.active
                             AND activity.cadence_slot IS NULL
                        GROUP BY activity.res_id)
            """
        )
    )
    # Planned reminders no schedule linked any more have no slot: they stay as plain activities.
    cr.execute(SQL("UPDATE mail_activity SET cadence_reminder = FALSE WHERE cadence_reminder AND cadence_slot IS NULL"))
    for index in OLD_INDEXES:
        cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(index)))
    cr.execute(SQL("ALTER TABLE partner_cadence_schedule DROP COLUMN IF EXISTS activity_id"))
    env = api.Environment(cr, SUPERUSER_ID, {})
    # One-off clients are not asked for referrals again and again (the tier data is noupdate).
    level_5 = env.ref("partner_cadence.partner_cadence_tier_client_level_5", raise_if_not_found=False)
    if level_5:
        level_5.asks_referrals = False
        # Its one meeting, if possible, is one in total, not one every period.
        level_5.line_ids.filtered(lambda line: line.touch_count == 1).quota_kind = "in_total"
    cron = env.ref("partner_cadence.ir_cron_plan_partner_touches", raise_if_not_found=False)
    if cron:
        cron.write(
            {"model_id": env["ir.model"]._get_id("partner.cadence.schedule"), "code": "model._cron_plan_reminders()"}
        )
