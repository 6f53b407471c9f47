from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..domain.settings import SETTINGS


class ResUsers(models.Model):
    _inherit = "res.users"

    cadence_daily_capacity = fields.Integer(
        string="Reminders a Day",
        help="How many planned reminders this person's day holds; the least valuable of the rest move to the "
        "next working day. 0: the figure of the settings (CRM > Partner Cadence).",
    )

    cadence_expert_window_day = fields.Selection(
        [
            ("0", "Monday"),
            ("1", "Tuesday"),
            ("2", "Wednesday"),
            ("3", "Thursday"),
            ("4", "Friday"),
            ("5", "Saturday"),
            ("6", "Sunday"),
        ],
        string="Expert Window",
        help="The day of the week this expert takes high-potential deals: their expert meetings are planned on it. "
        "Empty: on the day the lead is found to have high potential.",
    )
    cadence_expert_window_hours = fields.Float(
        string="Expert Hours a Week",
        help="How long the weekly expert window lasts: a week holds no more expert meetings than fit in it. "
        "0: the figure of the settings.",
    )

    # A user's own figure, and the setting it stands in for (0: the setting's figure).
    _CADENCE_OWN_FIGURES = {
        "cadence_daily_capacity": "daily_capacity",
        "cadence_expert_window_hours": "expert_window_hours",
    }

    @api.constrains(*_CADENCE_OWN_FIGURES)
    def _check_cadence_own_figures(self):
        """A user's own figure lies in the range of the setting it stands in for."""
        for field_name, setting_name in self._CADENCE_OWN_FIGURES.items():
            setting = SETTINGS[setting_name]
            for user in self:
                value = user[field_name]
                if value and not setting.minimum <= value <= setting.maximum:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s: from %(min)s to %(max)s.",
                            setting=self._fields[field_name]._description_string(self.env),
                            min=setting.minimum,
                            max=setting.maximum,
                        )
                    )

    def write(self, vals):
        # However a user is archived (an import, a script writing active=False), their open
        # planned reminders go to whoever is responsible now: no record waits on someone who
        # will never look.
        archiving = self.filtered("active") if "active" in vals and not vals["active"] else self.browse()
        # A reminder's text is written in its reader's language: one who switches reads their
        # open reminders in the new one, not only those planned from now on.
        relanguaged = self.filtered(lambda user: user.lang != vals["lang"]) if vals.get("lang") else self.browse()
        result = super().write(vals)
        if "cadence_daily_capacity" in vals:
            self.env["partner.cadence.planner"]._replace_moved_reminders(self)
        if archiving:
            archiving._hand_on_cadence_reminders()
        if relanguaged:
            relanguaged._render_cadence_reminders_again()
        return result

    def action_archive(self):
        # Odoo deletes the activities of the users it archives: hand the planned reminders on
        # first, so that no partner or lead drops out of its cadence.
        self.filtered("active")._hand_on_cadence_reminders()
        return super().action_archive()

    @api.model
    def _get_activity_groups(self):
        # A lost lead in long-term nurturing is archived and holds its touch (§4): the systray's
        # list of leads shows the archived ones too, else the count leads nowhere.
        groups = super()._get_activity_groups()
        for group in groups:
            if group.get("model") == "crm.lead" and not group.get("domain"):
                group["domain"] = [("active", "in", [True, False])]
        return groups

    def _get_open_cadence_reminders(self):
        return self.env["mail.activity"].sudo().search([("cadence_slot", "!=", False), ("user_id", "in", self.ids)])

    def _render_cadence_reminders_again(self):
        """Tell the open planned reminders of these users again, in each one's language now."""
        for model, model_reminders in self._get_open_cadence_reminders().grouped("res_model").items():
            self.env[model]._render_cadence_reminders_again(model_reminders)

    def _hand_on_cadence_reminders(self):
        """Give the open planned reminders of these (leaving) users to each record's responsible."""
        reminders = self._get_open_cadence_reminders()
        for model, model_reminders in reminders.grouped("res_model").items():
            records = self.env[model].sudo().browse(set(model_reminders.mapped("res_id")))
            records._reassign_cadence_reminders(leaving=self)
