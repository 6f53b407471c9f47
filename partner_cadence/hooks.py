from odoo.tools import SQL

from .domain.settings import default_parameters

PLS_FIELDS = ("potential", "qualification_score")


def pre_init_hook(env):
    """The methodology's numbers, as ``domain.settings`` ships them, before the data and demo
    that plan with them: what an admin then changes in Settings is theirs (an unset parameter
    reads as 0 or off, as Odoo's settings do)."""
    params = env["ir.config_parameter"].sudo()
    for key, value in default_parameters().items():
        if params.get_param(key) is False:
            params.set_param(key, value)


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
