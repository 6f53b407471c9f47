"""The client level grid replaces each tier's own "suggested for standing / relationship";
nurture phases count their own touches and say what their touches are for.

The grid's data has placed every pair; the answers tiers stood for until now, which an admin
may have changed, are laid over it (for each pair the rule naming most answers wins, then
the lowest sequence), and the old columns go.
"""

from odoo.tools import SQL

OLD_COLUMNS = ("financial_standing", "relationship")


def migrate(cr, version):
    _migrate_level_grid(cr)
    # A lead's touches so far were all made in its current phase as far as anyone can tell;
    # the intensive phase's touches sell (its data is not updated).
    cr.execute(
        SQL("UPDATE crm_lead SET nurture_phase_touch_count = nurture_touch_count WHERE nurture_phase IS NOT NULL")
    )
    cr.execute(
        SQL(
            """
            UPDATE crm_nurture_phase SET touch_purpose = 'sell'
             WHERE id IN (SELECT res_id FROM ir_model_data
                           WHERE module = 'partner_cadence' AND name = 'crm_nurture_phase_intensive')
            """
        )
    )


def _migrate_level_grid(cr):
    cr.execute(
        SQL(
            """
            SELECT column_name FROM information_schema.columns
             WHERE table_name = 'partner_cadence_tier' AND column_name IN %s
            """,
            OLD_COLUMNS,
        )
    )
    if len(cr.fetchall()) != len(OLD_COLUMNS):
        return
    cr.execute(
        SQL(
            """
            UPDATE partner_cadence_level_cell cell
               SET tier_id = rule.id
              FROM (SELECT DISTINCT ON (cell.id) cell.id AS cell_id, tier.id
                      FROM partner_cadence_tier tier
                      JOIN partner_cadence_level_cell cell
                        ON cell.financial_standing = COALESCE(tier.financial_standing, cell.financial_standing)
                       AND cell.relationship = COALESCE(tier.relationship, cell.relationship)
                     WHERE tier.active AND (tier.financial_standing IS NOT NULL OR tier.relationship IS NOT NULL)
                     ORDER BY cell.id,
                              (tier.financial_standing IS NOT NULL)::int + (tier.relationship IS NOT NULL)::int DESC,
                              tier.sequence, tier.id) rule
             WHERE cell.id = rule.cell_id
            """
        )
    )
    for column in OLD_COLUMNS:
        cr.execute(SQL("ALTER TABLE partner_cadence_tier DROP COLUMN %s", SQL.identifier(column)))
