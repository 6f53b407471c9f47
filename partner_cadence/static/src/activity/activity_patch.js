import { Activity } from "@mail/core/web/activity";
import { patch } from "@web/core/utils/patch";

// Models whose calls count toward a cadence: a call nobody answered is noted there, not done.
const NO_ANSWER_MODELS = ["res.partner", "crm.lead"];

patch(Activity.prototype, {
    get canMarkNoAnswer() {
        const activity = this.props.activity;
        return activity.activity_category === "phonecall" && NO_ANSWER_MODELS.includes(activity.res_model);
    },

    async onClickNoAnswer() {
        const thread = this.thread;
        await this.env.services.orm.call("mail.activity", "action_no_answer", [[this.props.activity.id]]);
        this.props.onActivityChanged(thread);
        await thread.fetchNewMessages();
    },
});
