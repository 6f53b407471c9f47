import { ActivityMarkAsDone } from "@mail/core/web/activity_markasdone_popover";
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";

// Each nurture touch must carry something new: the done popup (in the chatter and in a list's
// activity column alike) asks for it before Done can be clicked, rather than the server
// refusing an empty feedback afterwards.
patch(ActivityMarkAsDone.prototype, {
    get asksWhatIsNew() {
        return Boolean(this.props.activity.nurture_touch);
    },

    get canBeDone() {
        return !this.asksWhatIsNew || Boolean((this.props.activity.feedback || "").trim());
    },

    get feedbackPlaceholder() {
        return this.asksWhatIsNew
            ? _t("An offer, a case, a piece of news: what did this touch bring the lead?")
            : _t("Write Feedback");
    },
});
