from odoo.tools import SQL

PLS_FIELDS = ("potential", "qualification_score")


def uninstall_hook(env):
    """Leave no trace: our parameters (those set at run time have no XML id
    for the uninstaller to find) and our fields in predictive lead scoring, whose training
    would otherwise look for columns that are gone."""
    params = env["ir.config_parameter"].sudo()
    kept = [name for name in (params.get_param("crm.pls_fields") or "").split(",") if name and name not in PLS_FIELDS]
    params.set_param("crm.pls_fields", ",".join(kept) or False)
    env.cr.execute(SQL("DELETE FROM ir_config_parameter WHERE key LIKE %s", "partner_cadence.%"))
    # The one table the ORM does not know of (see res.partner.referral._lock_tree).
    env.cr.execute(SQL("DROP TABLE IF EXISTS partner_cadence_referral_tree_lock"))
    env.registry.clear_cache()
