"""The client form's extension named the two free texts that competitors replace: it goes, and
the new one is loaded in its place (the Contacts form, validated first, would refuse it)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    view = env.ref("partner_cadence.res_partner_view_form_client", raise_if_not_found=False)
    if view:
        view.unlink()
