from odoo import api, fields, models
from odoo.tools import SQL

from ..domain import economics


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
                "summary": event.name,
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
        """Register the meetings that have started since they were planned (the planner calls
        this): those with a partner on a cadence and no touch from them yet. Derived from the
        touches themselves, it keeps no state: two planners at once, or a killed run, register
        each meeting once. Meetings older than the value window no longer matter."""
        settings = self.env["partner.cadence.planner"]._get_settings()
        now = fields.Datetime.now()
        since = fields.Datetime.to_datetime(economics.revenue_window_start(now.date(), settings.value_window_months))
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT DISTINCT event.id
                  FROM calendar_event event
                  JOIN calendar_event_res_partner_rel attendee ON attendee.calendar_event_id = event.id
                  JOIN res_partner partner ON partner.id = attendee.res_partner_id
                 WHERE event.active AND event.start <= %(now)s AND event.start >= %(since)s
                   AND partner.cadence_tier_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM partner_cadence_touch touch
                                    WHERE touch.partner_id = partner.id
                                      AND touch.res_model = 'calendar.event' AND touch.res_id = event.id)
                """,
                now=now,
                since=since,
            )
        )
        self.sudo().browse(row[0] for row in rows)._register_cadence_touches()
