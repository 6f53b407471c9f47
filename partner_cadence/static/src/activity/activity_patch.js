import { Activity } from "@mail/core/web/activity";
import { patch } from "@web/core/utils/patch";

// A call to a partner ends with an outcome that says what comes next (reached, no answer, a
// message left, call back on a date, not interested); a nurtured lead's call nobody answered
// is noted there, not done.
patch(Activity.prototype, {
    get canTellCallOutcome() {
        const activity = this.props.activity;
        return activity.activity_category === "phonecall" && activity.res_model === "res.partner";
    },

    get canMarkNoAnswer() {
        const activity = this.props.activity;
        return activity.activity_category === "phonecall" && activity.res_model === "crm.lead";
    },

    async onClickCallOutcome() {
        const thread = this.thread;
        const action = await this.env.services.orm.call("mail.activity", "action_call_outcome", [
            [this.props.activity.id],
        ]);
        await this.env.services.action.doAction(action, {
            onClose: async () => {
                this.props.onActivityChanged(thread);
                await thread.fetchNewMessages();
            },
        });
    },

    async onClickNoAnswer() {
        const thread = this.thread;
        await this.env.services.orm.call("mail.activity", "action_no_answer", [[this.props.activity.id]]);
        this.props.onActivityChanged(thread);
        await thread.fetchNewMessages();
    },
});
