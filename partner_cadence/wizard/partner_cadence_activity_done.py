from odoo import api, fields, models
from odoo.exceptions import UserError


class PartnerCadenceActivityDone(models.TransientModel):
    """Done from a list or a kanban card (My Activities, the Done button of a list): what the
    done popup asks up front elsewhere, asked here before anything is saved: what new a
    nurture touch brought, the client's answer to an NPS call."""

    _name = "partner.cadence.activity.done"
    _description = "Mark Reminders Done"

    activity_ids = fields.Many2many("mail.activity", string="Activities", required=True)
    asks_what_is_new = fields.Boolean(compute="_compute_asks")
    asks_score = fields.Boolean(compute="_compute_asks")
    score = fields.Selection(
        [(str(score), str(score)) for score in range(11)],
        string="The Client's Answer, 0 to 10",
        help="How likely the client is to recommend us, as they said it.",
    )
    feedback = fields.Text(string="What New Did This Touch Bring?")

    @api.depends("activity_ids")
    def _compute_asks(self):
        for wizard in self:
            wizard.asks_what_is_new = any(wizard.activity_ids.mapped("nurture_touch"))
            wizard.asks_score = any(wizard.activity_ids.mapped("cadence_asks_score"))

    @api.model
    def _open_for(self, activities):
        wizard = self.create({"activity_ids": [(6, 0, activities.ids)]})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mark as Done"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_done(self):
        self.ensure_one()
        # Called over RPC too: marking activities done is for those who may change them (all of
        # them: read as the caller, those they may not see would silently drop out).
        self.sudo().activity_ids.with_env(self.env).check_access("write")
        if self.asks_what_is_new and not (self.feedback or "").strip():
            raise UserError(self.env._("Write what new this touch brought before marking it done."))
        if self.asks_score and not self.score:
            raise UserError(self.env._("Choose the client's answer, from 0 to 10."))
        # The score leads the feedback, where the survey reads it, as when it is typed there.
        feedback = " ".join(part for part in (self.score, (self.feedback or "").strip()) if part)
        self.activity_ids.action_feedback(feedback=feedback or False)
        return {"type": "ir.actions.act_window_close"}
