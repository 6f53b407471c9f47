from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _update_foreign_keys(self, src_partners, dst_partner):
        # The generic update deletes all of a merged partner's rows in a table as soon as one
        # of them would collide: move the referrals first, keeping every one that still means
        # something, so that the merge keeps the tree.
        self.env["res.partner.referral"]._merge_partners(src_partners, dst_partner)
        result = super()._update_foreign_keys(src_partners, dst_partner)
        if dst_partner.referred_by_id == dst_partner:
            dst_partner.with_context(referral_syncing=True).referred_by_id = False
        return result
