from odoo import api, fields, models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._register_cadence_touches()
        return events

    def write(self, vals):
        result = super().write(vals)
        if {"start", "stop", "partner_ids"} & vals.keys():
            self._register_cadence_touches()
        return result

    def _register_cadence_touches(self):
        """A meeting that has started is a touch with each partner on a cadence who attends it,
        dated by the meeting, not by when it was entered."""
        now = fields.Datetime.now()
        meeting_type_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "mail.mail_activity_data_meeting", raise_if_not_found=False
        )
        touches = [
            {
                "partner_id": partner.id,
                "date": event.start_date if event.allday else event.start.date(),
                "activity_type_id": meeting_type_id or False,
                "origin": "meeting",
                "res_model": event._name,
                "res_id": event.id,
            }
            for event in self.sudo()
            if event.start and event.start <= now
            for partner in event.partner_ids
            if partner.cadence_tier_id
        ]
        self.env["partner.cadence.touch"]._record(touches)

    @api.model
    def _register_ended_cadence_meetings(self):
        """Register the meetings that started since the last run (the planner calls this)."""
        params = self.env["ir.config_parameter"].sudo()
        now = fields.Datetime.now()
        since = fields.Datetime.to_datetime(params.get_param("partner_cadence.meetings_registered_until"))
        domain = [("start", "<=", now), ("partner_ids.cadence_tier_id", "!=", False)]
        if since:
            domain.append(("start", ">", since))
        self.sudo().search(domain)._register_cadence_touches()
        params.set_param("partner_cadence.meetings_registered_until", fields.Datetime.to_string(now))
