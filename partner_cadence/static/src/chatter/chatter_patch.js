import { Chatter } from "@mail/chatter/web_portal/chatter";
import { patch } from "@web/core/utils/patch";

// A done activity on a partner or a lead moves its cadence: the next touch, the quota done,
// the value at risk, the client's NPS. Reload the form around the chatter so that the
// salesperson sees them at once, as Odoo does after a posted message where it matters.
const CADENCE_MODELS = ["res.partner", "crm.lead"];

patch(Chatter.prototype, {
    onActivityChanged(thread) {
        super.onActivityChanged(thread);
        if (CADENCE_MODELS.includes(thread?.model)) {
            this.reloadParentView();
        }
    },
});
