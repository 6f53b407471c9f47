import { ActivityMarkAsDone } from "@mail/core/web/activity_markasdone_popover";
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";

// The client's answer to an NPS call, as the server reads it (domain.clients.score_from_text):
// a whole number from 0 to 10 standing alone.
const SCORE = /(?<!\d)(?<!\d[.,])(10|[0-9])(?!\d)(?![.,]\d)/;

// Each nurture touch must carry something new, and an NPS call the client's answer: the done
// popup (in the chatter and in a list's activity column alike) asks for it before Done can be
// clicked, rather than the server refusing the feedback afterwards.
patch(ActivityMarkAsDone.prototype, {
    get asksWhatIsNew() {
        return Boolean(this.props.activity.nurture_touch);
    },

    get asksScore() {
        return Boolean(this.props.activity.cadence_asks_score);
    },

    get canBeDone() {
        const feedback = (this.props.activity.feedback || "").trim();
        if (this.asksScore) {
            return SCORE.test(feedback);
        }
        return !this.asksWhatIsNew || Boolean(feedback);
    },

    get feedbackPlaceholder() {
        if (this.asksScore) {
            return _t("9, happy with the delivery");
        }
        return this.asksWhatIsNew
            ? _t("An offer, a case, a piece of news: what did this touch bring the lead?")
            : _t("Write Feedback");
    },
});
