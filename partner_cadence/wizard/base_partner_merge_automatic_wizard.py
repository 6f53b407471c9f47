from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _update_foreign_keys(self, src_partners, dst_partner):
        # The generic update deletes all of a merged partner's rows in a table as soon as one
        # of them would collide with a unique index: move the referrals first, keeping every
        # one that still means something, so that the merge keeps the tree; and clear what
        # would collide in our other tables, so that the rest moves intact.
        self.env["res.partner.referral"]._merge_partners(src_partners, dst_partner)
        self._prepare_cadence_merge(src_partners, dst_partner)
        result = super()._update_foreign_keys(src_partners, dst_partner)
        # The generic update rewrote the column of who introduced whom as well; the moved
        # recommendations say it again (a partner introduced by the one merged into it is no
        # longer introduced by anyone).
        partners = self.env["res.partner"].with_context(active_test=False)
        partners.invalidate_model(["referred_by_id"])
        self.env.add_to_compute(
            partners._fields["referred_by_id"], partners.search([("referred_by_id", "=", dst_partner.id)]) | dst_partner
        )
        return result

    def _prepare_cadence_merge(self, src_partners, dst_partner):
        """Drop what the merged partners would hold twice once they are one partner.

        - the open reminders of a slot the merged partner already fills: moving two open calls
          onto one partner breaks the one-reminder-per-slot index, and Odoo would then delete
          every activity of the merged partner, its unrelated to-dos with them; the others
          move, and the re-planning after the merge puts them on their dates;
        - their schedules: the merged partner's tier decides its schedules, re-synced after;
        - touches recorded from one source (a meeting both attended) on both partners.
        """
        src_partners.sudo()._drop_duplicate_cadence_reminders(dst_partner)
        schedules = self.env["partner.cadence.schedule"].sudo().with_context(cadence_keep_reminders=True)
        schedules.search([("partner_id", "in", src_partners.ids)]).unlink()
        touches = (
            self.env["partner.cadence.touch"]
            .sudo()
            .search(
                [("partner_id", "in", (src_partners | dst_partner).ids), ("res_model", "!=", False)],
                order="id",
            )
        )
        seen = {(touch.res_model, touch.res_id) for touch in touches if touch.partner_id == dst_partner}
        duplicates = touches.browse()
        for touch in touches - touches.filtered(lambda touch: touch.partner_id == dst_partner):
            if (touch.res_model, touch.res_id) in seen:
                duplicates |= touch
            seen.add((touch.res_model, touch.res_id))
        duplicates.unlink()

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        result = super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)
        merged = self.env["res.partner"].sudo().browse(partner_ids).exists()
        # The touches moved with the merge: the last touch follows them, as after any touch.
        merged.invalidate_recordset(["cadence_touch_ids"])
        merged.modified(["cadence_touch_ids"])
        merged._apply_cadence_touches(merged.cadence_touch_ids)
        merged.filtered(
            lambda partner: partner.cadence_tier_id or partner.cadence_schedule_ids
        )._sync_cadence_schedules()
        return result
