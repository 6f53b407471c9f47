import { registry } from "@web/core/registry";

// A Russian salesperson, on the phone with a partner, writes down two people they recommend (a
// contact of the same name is proposed, not taken), then looks at the partner's branch of
// the introduction tree.
registry.category("web_tour.tours").add("partner_cadence_referral_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name=name]:contains('Tour Referrer'), .o_form_view .o_field_widget[name=name] input:value('Tour Referrer')",
            content: "The partner's form is loaded",
        },
        {
            trigger: ".o_notebook a.nav-link:contains('Рекомендации')",
            content: "Open the partner's referrals",
            run: "click",
        },
        {
            trigger: ".o_notebook a.nav-link.active:contains('Рекомендации')",
            content: "The Referrals tab is the active one",
        },
        {
            trigger: ".o_notebook .tab-pane.show button[name=action_record_referrals]",
            content: "Record what the partner recommends",
            run: "click",
        },
        {
            trigger: ".modal .modal-title:contains('Записать рекомендации')",
            content: "The dialog reads in Russian",
        },
        {
            trigger: ".modal .o_field_widget[name=referrer_named] input:checked",
            content: "The referrer asks not to be named when we call",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=referrer_named] input:not(:checked)",
            content: "Unticked",
        },
        {
            trigger: ".modal .o_field_x2many_list_row_add a",
            content: "A first recommended colleague",
            run: "click",
        },
        {
            trigger: ".modal .o_data_row .o_field_widget[name=name] input",
            run: "edit Tour Colleague",
        },
        {
            trigger: ".modal .o_data_row .o_field_widget[name=phone] input",
            run: "edit 069 123 456",
        },
        {
            trigger: ".modal .o_field_x2many_list_row_add a",
            content: "A third party who could be interested",
            run: "click",
        },
        {
            trigger: ".modal .o_data_row:eq(1) .o_field_widget[name=name] input",
            run: "edit Tour Third Party",
        },
        {
            trigger: ".modal .o_data_row:eq(1) .o_field_widget[name=phone] input",
            run: "edit 060 999 000",
        },
        {
            trigger: ".modal .o_data_row:eq(1) .o_field_widget[name=name_match_id]:contains('Tour Third Party')",
            content: "A contact of the same name with another phone is proposed, not taken",
        },
        {
            trigger: ".modal button[name=action_record]",
            content: "Record both",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=referral_given_ids] .o_data_row:contains('Tour Third Party')",
            content: "Both recommendations are on the partner",
        },
        {
            trigger: "button[name=action_open_referral_tree]",
            content: "See the partner's branch of the tree",
            run: "click",
        },
        {
            trigger: ".o_hierarchy_view .o_hierarchy_node:contains('Tour Referrer')",
            content: "The partner is in the hierarchy view",
        },
        {
            trigger: ".o_hierarchy_view .o_hierarchy_node:contains('Tour Colleague'):contains('Рекомендаций: 0')",
            content: "Its branch shows at once: the colleague hangs under the partner",
        },
        {
            trigger: ".o_hierarchy_node:contains('Tour Colleague') .o_hierarchy_node_content",
            content: "A card opens its partner",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input:value('Tour Colleague')",
            content: "The colleague's form",
        },
        {
            trigger: ".o_notebook a.nav-link:contains('Рекомендации')",
            run: "click",
        },
        {
            trigger: "button[name=action_who_can_introduce_me]",
            content: "Who can introduce me to the colleague?",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains('Tour Referrer → Tour Colleague')",
            content: "The chain of recommendations from the salesperson's own partner",
        },
        {
            trigger: ".o_hierarchy_view .o_hierarchy_node:contains('Tour Referrer')",
            content: "The chain is shown in the tree",
        },
    ],
});
