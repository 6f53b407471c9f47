"""The planners keep no state in parameters any more: drop the ones earlier versions wrote."""

from odoo.tools import SQL

STALE_PARAMETERS = ("partner_cadence.values_refreshed_on", "partner_cadence.meetings_registered_until")


def migrate(cr, version):
    cr.execute(SQL("DELETE FROM ir_config_parameter WHERE key IN %s", STALE_PARAMETERS))
