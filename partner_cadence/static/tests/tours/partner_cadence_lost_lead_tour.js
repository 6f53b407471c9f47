import { registry } from "@web/core/registry";
import { pickLostReasonSteps, pickSelectionSteps } from "@partner_cadence/compat/compat";

// A Russian salesperson loses a nurtured lead "for now" (§4: touched until they buy or die):
// the lead stays in long-term nurturing, in the nurtured leads, greyed.
registry.category("web_tour.tours").add("partner_cadence_lost_lead_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name=nurture_state]:contains('Прогрев')",
            content: "The lead is being nurtured",
        },
        {
            trigger: ".o_form_statusbar button[data-hotkey=l]",
            content: "Mark it lost",
            run: "click",
        },
        ...pickLostReasonSteps("Слишком дорого", "Say why: too expensive, for now"),
        {
            trigger: ".modal button[name=action_lost_reason_apply]",
            content: "Confirm",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=nurture_long_term_date]",
            content: "The lead goes on in long-term nurturing",
        },
        {
            trigger: ".o_form_view label:contains('Долгосрочно с')",
            content: "And says so in Russian",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=nurture_state]:contains('Прогрев')",
            content: "Still nurtured",
        },
        {
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            content: "Back to the nurtured leads",
            run: "click",
        },
        {
            trigger: ".o_data_row.text-muted:contains('Обогреватели: Лавка Тепла')",
            content: "The lost lead is listed, greyed, with its next touch",
        },
    ],
});

// A Russian sales manager says which lost reasons mean "not now" and which "never".
registry.category("web_tour.tours").add("partner_cadence_lost_reasons_tour", {
    steps: () => [
        {
            trigger: "th[data-name=cadence_after_loss]:contains('После проигрыша')",
            content: "The list says what each reason does to nurturing",
        },
        {
            trigger: ".o_data_row:contains('Спам') .o_data_cell[name=cadence_after_loss]:contains('Прекратить прогрев')",
            content: "Spam means never",
        },
        {
            trigger: ".o_data_row:contains('Слишком дорого') .o_data_cell[name=cadence_after_loss]:contains('Долгосрочный прогрев')",
            content: "Too expensive means not now",
        },
        {
            trigger: ".o_data_row:contains('Слишком дорого') .o_data_cell[name=cadence_after_loss]",
            content: "Edit it",
            run: "click",
        },
        ...pickSelectionSteps(
            ".o_data_row.o_selected_row .o_field_widget[name=cadence_after_loss]",
            "Прекратить прогрев",
            "Too expensive means never here"
        ),
        {
            trigger: ".o_list_button_save",
            content: "Save",
            run: "click",
        },
        {
            trigger: ".o_data_row:contains('Слишком дорого') .o_data_cell[name=cadence_after_loss]:contains('Прекратить прогрев')",
            content: "Saved",
        },
    ],
});
