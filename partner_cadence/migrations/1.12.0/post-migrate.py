"""Lost leads go on in long-term nurturing unless their reason means "never": the reason this
addon shipped for low potential (a data record no upgrade rewrites) says it stops."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    reason = env.ref("partner_cadence.crm_lost_reason_low_potential", raise_if_not_found=False)
    if reason:
        reason.cadence_after_loss = "stop"
