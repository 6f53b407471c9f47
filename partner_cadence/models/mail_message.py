from odoo import api, models


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        messages = super().create(vals_list)
        messages._register_cadence_touches()
        return messages

    def _register_cadence_touches(self):
        """An e-mail received from, or sent to, a partner on a cadence (on the partner or one of
        their leads) is a touch, dated by the message. Internal notes and system messages are not."""
        comment = self.env.ref("mail.mt_comment")
        email_type = self.env.ref("mail.mail_activity_data_email", raise_if_not_found=False)
        touches = []
        for message in self.sudo():
            if message.model not in ("res.partner", "crm.lead") or not message.res_id:
                continue
            if not (
                message.message_type == "email" or (message.message_type == "comment" and message.subtype_id == comment)
            ):
                continue
            record = self.env[message.model].sudo().browse(message.res_id)
            partner = record if message.model == "res.partner" else record.partner_id
            if not partner.cadence_tier_id:
                continue
            touches.append(
                {
                    "partner_id": partner.id,
                    "date": message.date.date(),
                    "activity_type_id": email_type.id if email_type else False,
                    "origin": "email",
                    "res_model": message._name,
                    "res_id": message.id,
                }
            )
        self.env["partner.cadence.touch"]._record(touches)
