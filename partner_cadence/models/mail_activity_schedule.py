from odoo import models


class MailActivitySchedule(models.TransientModel):
    _inherit = "mail.activity.schedule"

    def action_schedule_plan(self):
        # The activities a plan launches do not say which template they come from: name the
        # steps of the B2B cycle by their summary, unique within a plan, for mail.activity.
        steps = self.plan_id.res_model == "crm.lead" and {
            template.summary: template.id for template in self.plan_id.template_ids if template.cadence_cycle_step
        }
        if not steps:
            return super().action_schedule_plan()
        return super(MailActivitySchedule, self.with_context(partner_cadence_plan_steps=steps)).action_schedule_plan()
