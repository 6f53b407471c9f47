from odoo import fields, models

from ..domain.nurture import KEEP_NURTURING, STOP_NURTURING


class CrmLostReason(models.Model):
    """A lost reason says whether the loss is "not now" or "never" (§4: the prospects we
    invested in are touched until they buy or die)."""

    _inherit = "crm.lost.reason"

    cadence_after_loss = fields.Selection(
        [(KEEP_NURTURING, "Long-Term Nurturing"), (STOP_NURTURING, "Stop Nurturing")],
        string="After the Loss",
        required=True,
        default=KEEP_NURTURING,
        help="Not now (price, timing, a competitor, no answer): a nurtured lead lost for this reason keeps "
        "getting educational touches at the last nurture phase's rhythm. Never (low potential, spam, no such "
        "company): its nurturing stops, for the leads already lost for it too.",
    )

    def write(self, vals):
        result = super().write(vals)
        if vals.get("cadence_after_loss") == STOP_NURTURING:
            # The leads lost for it that were still nurtured stop now; a reason that now means
            # "not now" applies to the leads lost from now on (Start Nurturing restarts others).
            self.env["partner.cadence.planner"]._rederive(
                "crm.lead",
                [("lost_reason_id", "in", self.ids), ("active", "=", False), ("nurture_long_term_date", "!=", False)],
                ["lost_reason_id"],
            )
        return result
