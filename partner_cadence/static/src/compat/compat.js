// What differs between Odoo 18.0 and 19.0 in the browser, as partner_cadence/compat.py does on
// the server: each difference named for what differs.

import { session } from "@web/session";

/**
 * 19 reloads the form around a chatter whose view says <chatter reload_on_activity="1"/> (our
 * partner and lead forms do) after an activity changes; 18 has no such option, and its chatter
 * receives no such prop.
 */
export function chatterReloadsOnActivity(chatter) {
    return "hasParentReloadOnActivityChanged" in chatter.props;
}

/**
 * A tour step after which the page reloads: 19 stops a tour whose page unloads unless its step
 * says it expects it; 18 knows no such key and reports it as a wrong step.
 */
export function reloadingStep(step) {
    return session.server_version_info[0] >= 19 ? { ...step, expectUnloadPage: true } : step;
}

/**
 * The tour steps that type ``value`` into the date field ``fieldName``: 19 shows a set date as
 * a button that turns into an input once focused; 18 shows the input at once.
 */
export function editDateSteps(fieldName, value, content) {
    const field = `.o_field_widget[name=${fieldName}]`;
    return [
        { trigger: `${field} button, ${field} input`, content, run: "click" },
        { trigger: `${field} input`, content, run: `edit ${value}` },
    ];
}

/**
 * The tour steps that pick ``label`` in the dialog's many2one ``fieldName``, which 19 shows as
 * badges to click and 18 as a many2one to type into.
 */
function pickInDialogSteps(fieldName, label, content) {
    const field = `.modal .o_field_widget[name=${fieldName}]`;
    if (session.server_version_info[0] >= 19) {
        return [{ trigger: `${field} .o_selection_badge:contains('${label}')`, content, run: "click" }];
    }
    return [
        { trigger: `${field} input`, content, run: `edit ${label}` },
        { trigger: `.o-autocomplete--dropdown-item:contains('${label}')`, content, run: "click" },
    ];
}

/** The tour steps that pick the lost reason ``reason`` in crm's lost dialog. */
export function pickLostReasonSteps(reason, content) {
    return pickInDialogSteps("lost_reason_id", reason, content);
}

/**
 * The tour steps that choose ``label`` in the selection field ``field`` (a selector): 19 shows a
 * searchable menu opened from an input; 18 a plain select.
 */
export function pickSelectionSteps(field, label, content) {
    if (session.server_version_info[0] >= 19) {
        return [
            { trigger: `${field} input`, content, run: "click" },
            { trigger: `.o_select_menu_item:contains('${label}')`, content, run: "click" },
        ];
    }
    return [{ trigger: `${field} select`, content, run: `selectByLabel ${label}` }];
}

/** The tour steps that pick the activity plan ``plan`` in the Schedule Activity dialog. */
export function pickActivityPlanSteps(plan, content) {
    return pickInDialogSteps("plan_id", plan, content);
}
