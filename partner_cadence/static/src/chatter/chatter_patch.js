import { Chatter } from "@mail/chatter/web_portal/chatter";
import { patch } from "@web/core/utils/patch";
import { chatterReloadsOnActivity } from "../compat/compat";

// A done activity on a partner or a lead moves its cadence: the next touch, the quota done,
// the value at risk, the client's NPS. The form around the chatter reloads so that the
// salesperson sees them at once: 19 does it itself (the forms' reload_on_activity), 18 here.
const CADENCE_MODELS = ["res.partner", "crm.lead"];

patch(Chatter.prototype, {
    onActivityChanged(thread) {
        super.onActivityChanged(thread);
        if (!chatterReloadsOnActivity(this) && CADENCE_MODELS.includes(thread?.model)) {
            this.reloadParentView();
        }
    },
});
