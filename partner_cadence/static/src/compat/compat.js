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
