from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from .sql_indexes import ensure_partial_unique_index

CADENCE_REMINDER_INDEX = "mail_activity_cadence_reminder_open_uniq"
NURTURE_TOUCH_INDEX = "mail_activity_nurture_touch_open_uniq"


class MailActivity(models.Model):
    _inherit = "mail.activity"

    cadence_reminder = fields.Boolean(
        readonly=True,
        copy=False,
        help="Planned by the partner cadence: at most one is open per record and activity type.",
    )
    nurture_touch = fields.Boolean(
        readonly=True,
        copy=False,
        help="A touch of a lead's nurture sequence: one is open per lead, and each must carry something new.",
    )

    def init(self):
        result = super().init()
        # Two planners running at once (two cron workers, a done reminder while the cron
        # runs) must not both insert a reminder: only the database can promise that.
        ensure_partial_unique_index(
            self.env.cr,
            CADENCE_REMINDER_INDEX,
            self._table,
            ["res_model", "res_id", "activity_type_id"],
            "cadence_reminder AND active",
        )
        # Whatever the channels rotate through, a nurtured lead has one touch open at a time.
        ensure_partial_unique_index(
            self.env.cr, NURTURE_TOUCH_INDEX, self._table, ["res_model", "res_id"], "nurture_touch AND active"
        )
        return result

    def _action_done(self, feedback=False, attachment_ids=None):
        # Every activity done on a partner, or on a lead of theirs, is a real touch, whoever
        # planned it: hooking the one private done path covers the inbox, the chatter, and
        # "done & schedule next".
        nurture_touches = self.filtered("nurture_touch")
        if nurture_touches and not (feedback or "").strip():
            raise UserError(
                self.env._(
                    "Each nurture touch must carry something new: write what this one brought "
                    "(an offer, a case, a piece of news) before marking it done."
                )
            )
        nurtured_leads = self.env["crm.lead"].browse(nurture_touches.mapped("res_id"))
        touches = self._prepare_cadence_touches()
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        # Activity types that "Keep Done" archive their done activities instead of deleting
        # them: a schedule still linked to one would never be planned again.
        self.env["partner.cadence.schedule"].sudo().search([("activity_id", "in", self.ids)]).activity_id = False
        self.env["partner.cadence.touch"]._record(touches)
        nurtured_leads.sudo()._register_nurture_touch(fields.Date.context_today(self))
        return result

    def _get_cadence_partner(self):
        """The partner an activity touches: its record, or the customer of its lead."""
        self.ensure_one()
        if self.res_model == "res.partner":
            return self.env["res.partner"].sudo().browse(self.res_id).exists()
        if self.res_model == "crm.lead":
            return self.env["crm.lead"].sudo().browse(self.res_id).exists().partner_id
        return self.env["res.partner"]

    def _prepare_cadence_touches(self):
        today = fields.Date.context_today(self)
        touches = []
        for activity in self:
            partner = activity._get_cadence_partner()
            if not partner:
                continue
            # An activity created and completed today with a past deadline is a call logged
            # after the fact: it happened on its deadline. A cadence reminder that was overdue
            # when planned happens the day it is done.
            logged_late = (
                not activity.cadence_reminder
                and activity.date_deadline < today
                and activity.create_date.date() == today
            )
            touches.append(
                {
                    "partner_id": partner.id,
                    "date": activity.date_deadline if logged_late else today,
                    "activity_type_id": activity.activity_type_id.id,
                    "origin": "reminder" if activity.cadence_reminder else "activity",
                    "res_model": activity._name,
                    "res_id": activity.id,
                }
            )
        return touches

    # Engine-owned flags: only the planners (running as superuser) set them, so that nobody
    # passes a hand-made activity off as a planned reminder or a nurture touch.
    _ENGINE_FLAGS = ("cadence_reminder", "nurture_touch")

    def _check_engine_flags(self, vals_list):
        if self.env.su:
            return
        if any(flag in vals for vals in vals_list for flag in self._ENGINE_FLAGS):
            raise AccessError(
                self.env._("Cadence reminders and nurture touches are planned by Partner Cadence, not set by hand.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_engine_flags(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_engine_flags([vals])
        if "activity_type_id" in vals:
            self._check_no_second_open_reminder(vals["activity_type_id"])
        return super().write(vals)

    def _check_no_second_open_reminder(self, activity_type_id):
        """A planned reminder moved onto a type the record already has one open of would break
        the one-open-reminder rule: say so instead of failing on the database's index."""
        reminders = self.filtered(lambda activity: activity.cadence_reminder and activity.active)
        if not reminders:
            return
        clash = self.sudo().search(
            [
                ("cadence_reminder", "=", True),
                ("activity_type_id", "=", activity_type_id),
                ("id", "not in", reminders.ids),
                *expression.OR(
                    [
                        [("res_model", "=", reminder.res_model), ("res_id", "=", reminder.res_id)]
                        for reminder in reminders
                    ]
                ),
            ],
            limit=1,
        )
        if clash:
            raise UserError(
                self.env._(
                    "%(record)s already has an open %(type)s reminder: mark it done or change that one instead.",
                    record=clash.res_name,
                    type=clash.activity_type_id.name,
                )
            )
