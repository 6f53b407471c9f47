"""Competitors are records: what clients buy from competitors, and what those give them, move
from two free texts to a line each client (the competitor left empty: not known by name), and
the texts go. High-potential leads get their own reinforced phase (the new settings got their
values before the data loaded: see pre-migrate.py)."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

OLD_COLUMNS = ("cadence_wallet_competitor_purchases", "cadence_wallet_competitor_offers")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    # High-potential leads now open with the reinforced phase: the shipped intensive phase is
    # for the others (left as the admin set it when they already said).
    intensive = env.ref("partner_cadence.crm_nurture_phase_intensive", raise_if_not_found=False)
    if (
        intensive
        and not intensive.lead_potential
        and env.ref("partner_cadence.crm_nurture_phase_reinforced", raise_if_not_found=False)
    ):
        intensive.lead_potential = "standard"
    cr.execute(
        SQL(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'res_partner' AND column_name IN %s",
            OLD_COLUMNS,
        )
    )
    if len(cr.fetchall()) < len(OLD_COLUMNS):
        return
    cr.execute(
        SQL(
            """
            SELECT id, cadence_wallet_competitor_purchases, cadence_wallet_competitor_offers
              FROM res_partner
             WHERE COALESCE(cadence_wallet_competitor_purchases, '') != ''
                OR COALESCE(cadence_wallet_competitor_offers, '') != ''
            """
        )
    )
    env["res.partner.competitor.purchase"].create(
        [
            {"partner_id": partner_id, "products": products, "offers": offers}
            for partner_id, products, offers in cr.fetchall()
        ]
    )
