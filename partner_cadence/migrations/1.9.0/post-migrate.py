"""Who introduced a partner is read from the recommendations now: the one matching the
partner's stored introducer is marked as the introduction, and an introducer typed without a
recommendation gets the recommendation it stands for. Teams plan with the deals of the settings."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

from odoo.addons.partner_cadence.hooks import pre_init_hook


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    # Settings added since the install get their shipped values, as a new install does.
    pre_init_hook(env)
    # Teams that existed when the addon was installed got 0 deals a week (the setting was
    # written after their column): they plan with the setting's figure, as new teams do.
    cr.execute(
        SQL(
            "UPDATE crm_team SET cadence_planned_deals = %s WHERE COALESCE(cadence_planned_deals, 0) = 0",
            env["partner.cadence.planner"]._get_settings().planned_deals,
        )
    )
    cr.execute(
        SQL(
            """
            UPDATE res_partner_referral referral SET introduction = TRUE
              FROM (SELECT DISTINCT ON (partner.id) candidate.id
                      FROM res_partner partner
                      JOIN res_partner_referral candidate ON candidate.referred_id = partner.id
                                                        AND candidate.referrer_id = partner.referred_by_id
                  ORDER BY partner.id, candidate.date, candidate.id) first
             WHERE referral.id = first.id
            """
        )
    )
    cr.execute(
        SQL(
            """
            SELECT partner.id, partner.referred_by_id FROM res_partner partner
             WHERE partner.referred_by_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM res_partner_referral referral
                                WHERE referral.referred_id = partner.id AND referral.introduction)
            """
        )
    )
    missing = cr.fetchall()
    if missing:
        env["res.partner.referral"].create(
            [
                {
                    "referred_id": partner_id,
                    "referrer_id": referrer_id,
                    "kind_id": env.ref("partner_cadence.res_partner_referral_kind_other").id,
                    "introduction": True,
                }
                for partner_id, referrer_id in missing
            ]
        )
