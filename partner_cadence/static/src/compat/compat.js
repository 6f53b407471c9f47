// What differs between Odoo 18.0 and 19.0 in the browser, as partner_cadence/compat.py does on
// the server: each difference named for what differs.

/**
 * 19 reloads the form around a chatter whose view says <chatter reload_on_activity="1"/> (our
 * partner and lead forms do) after an activity changes; 18 has no such option, and its chatter
 * receives no such prop.
 */
export function chatterReloadsOnActivity(chatter) {
    return "hasParentReloadOnActivityChanged" in chatter.props;
}
