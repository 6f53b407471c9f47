"""A salesperson's day has a capacity now: the setting gets its shipped value, as a new install does."""

from odoo import SUPERUSER_ID, api

from odoo.addons.partner_cadence.hooks import pre_init_hook


def migrate(cr, version):
    pre_init_hook(api.Environment(cr, SUPERUSER_ID, {}))
