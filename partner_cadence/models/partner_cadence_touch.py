from odoo import api, fields, models
from odoo.tools import SQL

from .sql_indexes import ensure_partial_unique_index

TOUCH_SOURCE_INDEX = "partner_cadence_touch_source_uniq"

# Which origins are real touches whatever the settings say: a done cadence reminder, or a
# last touch a user set by hand. Logged activities, meetings and e-mails count when the
# "logged touches reset the clock" setting is on.
ALWAYS_COUNTED_ORIGINS = ("reminder", "manual")


class PartnerCadenceTouch(models.Model):
    """A real contact with a partner, dated by when it happened, not when it was logged."""

    _name = "partner.cadence.touch"
    _description = "Cadence Touch"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True, index=True)
    activity_type_id = fields.Many2one("mail.activity.type", string="Touch Type", ondelete="set null")
    origin = fields.Selection(
        [
            ("reminder", "Cadence reminder done"),
            ("activity", "Activity done"),
            ("meeting", "Meeting"),
            ("email", "E-mail"),
            ("manual", "Set by hand"),
        ],
        required=True,
    )
    summary = fields.Char(
        string="What It Brought", help="The feedback of the done activity, the meeting's or the e-mail's subject."
    )
    res_model = fields.Char(string="Source Model", readonly=True)
    res_id = fields.Many2oneReference(string="Source Record", model_field="res_model", readonly=True)
    user_id = fields.Many2one("res.users", string="By", default=lambda self: self.env.user)
    company_id = fields.Many2one(related="partner_id.company_id", store=True)

    def init(self):
        # The same meeting or e-mail seen twice (a rerun, a message edited) is one touch.
        ensure_partial_unique_index(
            self.env.cr, TOUCH_SOURCE_INDEX, self._table, ["partner_id", "res_model", "res_id"], "res_model IS NOT NULL"
        )

    @api.model
    def _counted_origins(self):
        if self.env["partner.cadence.planner"]._get_settings().logged_touches_reset:
            return tuple(origin for origin, _label in self._fields["origin"].selection)
        return ALWAYS_COUNTED_ORIGINS

    @api.model
    def _record(self, touch_values):
        """Record touches (a list of field dicts) and move their partners' cadence on.

        A touch already recorded from the same source is skipped, so hooks may see the same
        meeting or message twice.
        """
        touch_values = [values for values in touch_values if values.get("partner_id")]
        if not touch_values:
            return self.browse()
        sourced = [
            (values["partner_id"], values["res_model"], values["res_id"])
            for values in touch_values
            if values.get("res_model")
        ]
        if sourced:
            known = set(
                self.env.execute_query(
                    SQL(
                        "SELECT partner_id, res_model, res_id FROM partner_cadence_touch"
                        " WHERE (partner_id, res_model, res_id) IN %s",
                        tuple(sourced),
                    )
                )
            )
            touch_values = [
                values
                for values in touch_values
                if (values["partner_id"], values.get("res_model"), values.get("res_id")) not in known
            ]
        touches = self.sudo().create(touch_values)
        touches.partner_id._apply_cadence_touches(touches)
        return touches
