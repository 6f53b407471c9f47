"""The client form's extension named the two free texts that competitors replace: it goes, and
the new one is loaded in its place (the Contacts form, validated first, would refuse it). The
new settings get their shipped values before the data that reads them loads (the demo's
nearest competitor is checked against their number)."""

from odoo import SUPERUSER_ID, api

from odoo.addons.partner_cadence.domain.settings import PARAMETER_PREFIX, SETTINGS

NEW_SETTINGS = ("competitors_nearest", "competitor_points", "expert_window_hours", "expert_meeting_hours")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    view = env.ref("partner_cadence.res_partner_view_form_client", raise_if_not_found=False)
    if view:
        view.unlink()
    params = env["ir.config_parameter"].sudo()
    for name in NEW_SETTINGS:
        if params.get_param(PARAMETER_PREFIX + name) is False:
            params.set_param(PARAMETER_PREFIX + name, str(SETTINGS[name].default))
