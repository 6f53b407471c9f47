"""Lost leads go on in long-term nurturing unless their reason means "never": the reason this
addon shipped for low potential (a data record no upgrade rewrites) says it stops. Partners
with a large team are prospects for our own products: the new setting gets its shipped value
(the others keep the admin's, "Nurture New Leads" included) and the partners follow it."""

from odoo import SUPERUSER_ID, api

from odoo.addons.partner_cadence.domain.settings import PARAMETER_PREFIX, SETTINGS


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    reason = env.ref("partner_cadence.crm_lost_reason_low_potential", raise_if_not_found=False)
    if reason:
        reason.cadence_after_loss = "stop"
    params = env["ir.config_parameter"].sudo()
    key = PARAMETER_PREFIX + "own_products_team_size"
    if params.get_param(key) is False:
        params.set_param(key, str(SETTINGS["own_products_team_size"].default))
        env["partner.cadence.planner"]._rederive("res.partner", [("cadence_team_size", ">", 0)], ["cadence_team_size"])
