import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from ..domain import bounds


class PartnerCadenceCallOutcome(models.TransientModel):
    """How a call to a partner went, and what comes next (§6): only a real contact is a
    touch; nobody answering or a message left tries again after the retry delay of the
    settings; a callback date waits for that day; "not interested" rests the partner as the
    resume rule of the settings says, until then or until a manager resumes it."""

    _name = "partner.cadence.call.outcome"
    _description = "Call Outcome"

    activity_id = fields.Many2one("mail.activity", required=True, ondelete="cascade")
    outcome = fields.Selection(
        [
            ("reached", "Reached"),
            ("no_answer", "No answer"),
            ("message", "Left a message"),
            ("call_back", "Call back on a date"),
            ("not_interested", "Not interested"),
        ],
        required=True,
        default="reached",
    )
    call_back_date = fields.Date(string="Call Back On")
    note = fields.Text(string="What Was Said")

    @api.model
    def _open_for(self, activity):
        wizard = self.create({"activity_id": activity.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Call Outcome"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_apply(self):
        self.ensure_one()
        activity = self.activity_id
        # Called over RPC too: an outcome is for those who may change the call and its partner.
        activity.check_access("write")
        partner = self.env["res.partner"].browse(activity.res_id)
        partner.check_access("write")
        today = fields.Date.context_today(self)
        settings = self.env["partner.cadence.planner"]._get_settings()
        if self.outcome == "reached":
            activity.action_feedback(feedback=self.note or False)
            return {"type": "ir.actions.act_window_close"}
        if self.outcome in ("no_answer", "message"):
            activity.action_no_answer()
            retry = today + datetime.timedelta(days=settings.call_retry_days)
            body = self.env._("Left a message.") if self.outcome == "message" else False
        elif self.outcome == "call_back":
            day = self.call_back_date
            if not day or day < today or bounds.date_problem(day, today, future_allowed=True):
                raise ValidationError(self.env._("Say when to call back: a day from today on, within planning reach."))
            retry = day
            body = self.env._("Asked to be called back on %(date)s.", date=format_date(self.env, retry))
        else:
            retry = today + datetime.timedelta(days=settings.unanswered_resume_days)
            body = self.env._(
                "Not interested: the rhythm rests until %(date)s, or until a manager resumes it.",
                date=format_date(self.env, retry),
            )
        if self.note:
            body = f"{body} {self.note}" if body else self.note
        if body:
            partner.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
        # The next attempt waits for that day: the reminder moves there (a pause is "nothing
        # due before"), and a longer pause already set is kept.
        if not partner.cadence_paused_until or partner.cadence_paused_until < retry:
            partner.sudo().cadence_paused_until = retry
        return {"type": "ir.actions.act_window_close"}
