import datetime

from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    def write(self, vals):
        result = super().write(vals)
        # Partners of no company count in the main company's currency (cadence_currency_id):
        # they follow when it changes, which no field dependency can say.
        if "currency_id" in vals and self.sudo()._get_main_company() in self:
            partners = (
                self.env["res.partner"].sudo().with_context(active_test=False).search([("company_id", "=", False)])
            )
            self.env.add_to_compute(partners._fields["cadence_currency_id"], partners)
        return result

    def _get_cadence_working_days(self):
        """(working weekdays, public holidays) of this company's working calendar: where due
        dates fall when scheduling on working days only; no calendar, every day."""
        self.ensure_one()
        calendar = self.resource_calendar_id
        if not calendar:
            return set(), set()
        weekdays = {int(day) for day in calendar.attendance_ids.mapped("dayofweek")}
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("resource_id", "=", False),
                    ("calendar_id", "in", (False, calendar.id)),
                    ("company_id", "in", (False, self.id)),
                ]
            )
        )
        holidays = set()
        for leave in leaves:
            day = leave.date_from.date()
            while day <= leave.date_to.date():
                holidays.add(day)
                day += datetime.timedelta(days=1)
        return weekdays, holidays
