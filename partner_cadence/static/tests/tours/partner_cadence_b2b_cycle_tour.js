import { registry } from "@web/core/registry";
import { pickActivityPlanSteps } from "@partner_cadence/compat/compat";

// A Russian salesperson launches the B2B cycle on an opportunity (§5), does its first step, and
// the opportunity says the step it reached.
registry.category("web_tour.tours").add("partner_cadence_b2b_cycle_tour", {
    steps: () => [
        {
            trigger: ".o-mail-Chatter-activity",
            content: "Schedule activities",
            run: "click",
        },
        ...pickActivityPlanSteps("B2B Sales Cycle", "The B2B cycle's plan"),
        {
            trigger: ".modal button[name=action_schedule_plan]",
            content: "Launch it",
            run: "click",
        },
        {
            trigger: ".o-mail-Activity:contains('Шаг 1 из 18: установить отношения') .o-mail-Activity-markDone",
            content: "The first step reads in Russian: mark it done",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone textarea",
            content: "What came of it",
            run: "edit Встретились в их офисе",
        },
        {
            // "Done" alone is offered only for activity types that suggest a next one: To-Do
            // does on 18, not on 19. Done & Schedule Next is there on both.
            trigger: ".o-mail-ActivityMarkAsDone button.btn-primary:not(.mx-2)",
            content: "Done",
            run: "click",
        },
        {
            trigger: ".modal .o_form_button_cancel, .modal button[special=cancel]",
            content: "The next steps are planned already: nothing more to schedule",
            run: "click",
        },
        {
            trigger: ".o-mail-Message:contains('Шаг 1 из 18: установить отношения')",
            content: "The chatter says which step was done",
        },
        {
            trigger: ".o_notebook a.nav-link[name=partner_cadence_qualification]",
            content: "Open the qualification",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=cadence_cycle_step_label]:contains('Шаг 1 из 18: установить отношения')",
            content: "The step reached shows on the opportunity",
        },
    ],
});

// A Russian sales manager adds the cycle's stages to a team's pipeline; the team keeps its own.
registry.category("web_tour.tours").add("partner_cadence_cycle_stages_tour", {
    steps: () => [
        {
            trigger: ".o_notebook a.nav-link[name=partner_cadence_planning]",
            content: "Open the team's planning",
            run: "click",
        },
        {
            trigger: "button[name=action_adopt_cycle_stages]:contains('Добавить этапы цикла B2B')",
            content: "Adopt the cycle's stages",
            run: "click",
        },
        {
            trigger: ".modal:contains('Её собственные этапы останутся') .modal-footer .btn-primary",
            content: "Confirm: the team's own stages stay",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_form_view .o_notebook a.nav-link[name=partner_cadence_planning]",
            content: "Done",
        },
    ],
});
