"""Indexes the ORM cannot declare in Odoo 18: partial and unique at once."""

from odoo.tools import SQL
from odoo.tools.sql import index_exists


def ensure_partial_unique_index(cr, name, table, columns, where):
    """Create ``name`` as UNIQUE on ``columns`` of ``table`` for the rows matching ``where``."""
    if not index_exists(cr, name):
        cr.execute(
            SQL(
                "CREATE UNIQUE INDEX %s ON %s (%s) WHERE %s",
                SQL.identifier(name),
                SQL.identifier(table),
                SQL(", ").join(SQL.identifier(column) for column in columns),
                SQL(where),
            )
        )
