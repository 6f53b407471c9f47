from odoo import fields, models
from odoo.tools import SQL
from odoo.tools.sql import index_exists

CADENCE_REMINDER_INDEX = "mail_activity_cadence_reminder_open_uniq"


class MailActivity(models.Model):
    _inherit = "mail.activity"

    cadence_reminder = fields.Boolean(
        readonly=True,
        copy=False,
        help="Planned by the partner cadence: at most one is open per record and activity type.",
    )

    def init(self):
        result = super().init()
        # Two planners running at once (two cron workers, a done reminder while the cron
        # runs) must not both insert a reminder: only the database can promise that.
        if not index_exists(self.env.cr, CADENCE_REMINDER_INDEX):
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX %s ON mail_activity (res_model, res_id, activity_type_id)"
                    " WHERE cadence_reminder AND active",
                    SQL.identifier(CADENCE_REMINDER_INDEX),
                )
            )
        return result

    def _action_done(self, feedback=False, attachment_ids=None):
        # Every activity done on a partner is a real touch, whoever planned it: hooking the
        # one private done path covers the inbox, the chatter, and "done & schedule next".
        touched_partner_ids = {
            activity.res_id for activity in self if activity.res_model == "res.partner" and activity.res_id
        }
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if touched_partner_ids:
            partners = self.env["res.partner"].sudo().browse(touched_partner_ids).exists()
            partners._register_cadence_touch(fields.Date.context_today(self))
        return result
