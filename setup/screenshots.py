"""Take screenshots of the addon's screens from the running demo (start it with setup/run first).

Drives Debian's Chromium through Playwright. Without ``--lang`` it writes the README's two
screenshots next to the addon's description, so README.md and the app store page show the
real UI. With ``--lang ru_RU`` (or en_US, ro_RO) it writes every screen a change touched to
``--out``, each as the lowest-permission demo user it is for (the demo salesperson; the
administrator where the demo has no plain sales manager), in that language: look at each one
as its user would, nothing cut, nothing in another language, no 0 that is not 0.
"""

import argparse
import json
import pathlib
import urllib.request

from playwright.sync_api import sync_playwright

OUT = pathlib.Path(__file__).resolve().parent.parent / "partner_cadence" / "static" / "description"


def settings_screen(name, block):
    """The screen ``name`` of Settings, scrolled to our block ``block``, as the admin opens it."""
    return (
        name,
        "admin",
        "/odoo/action-crm.crm_config_settings_action",
        "#partner_cadence_nps",
        (("scroll", f"#partner_cadence_{block}"),),
    )


# (file name, login (the password too, in the demo), path, selector to wait for, steps): each
# screen as its user opens it.
SCREENS = [
    (
        "my_activities",
        "demo",
        "/odoo/action-mail.mail_activity_action_my?view_type=list",
        ".o_list_table .o_data_row",
        (),
    ),
    (
        # The days ahead too: reminders moved to a day with room say so.
        "my_activities_coming",
        "demo",
        "/odoo/action-mail.mail_activity_action_my?view_type=list",
        ".o_list_table .o_data_row",
        (("click", ".o_searchview_facet:nth-of-type(2) .o_facet_remove"),),
    ),
    (
        "my_activities_kanban",
        "demo",
        "/odoo/action-mail.mail_activity_action_my?view_type=kanban",
        ".o_kanban_record",
        (),
    ),
    (
        "overdue_partners",
        "demo",
        "/odoo/action-partner_cadence.res_partner_cadence_overdue_action",
        ".o_list_table",
        (),
    ),
    ("referrals", "demo", "/odoo/action-partner_cadence.res_partner_referral_action", ".o_list_table", ()),
    (
        # Work from the largest down: a company's size, on its Cadence tab.
        "company_size",
        "demo",
        "/odoo/action-contacts.action_contacts?view_type=list",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Casa Bună Realty') .o_data_cell"),
            ("click", "a.nav-link[name=partner_cadence]"),
            ("scroll", ".o_field_widget[name=cadence_company_size]"),
        ),
    ),
    (
        # A client who stopped buying: when the win-back call comes.
        "client_winback",
        "demo",
        "/odoo/action-contacts.action_contacts?view_type=list",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Nistru Bakery') .o_data_cell"),
            ("click", "a.nav-link[name=partner_cadence_client]"),
            ("scroll", ".o_field_widget[name=cadence_winback_date]"),
        ),
    ),
    ("nurtured_leads", "demo", "/odoo/action-partner_cadence.crm_lead_nurtured_action", ".o_list_table", ()),
    (
        # A lead lost "for now": long-term nurturing, on its Qualification tab.
        "lost_lead",
        "demo",
        "/odoo/action-partner_cadence.crm_lead_nurtured_action",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Franzeluța') .o_data_cell"),
            ("click", "a.nav-link[name=partner_cadence_qualification]"),
            ("scroll", ".o_field_widget[name=nurture_long_term_date]"),
        ),
    ),
    ("lost_reasons", "admin", "/odoo/action-crm.crm_lost_reason_action", ".o_list_table .o_data_row", ()),
    (
        # §5, step 2: who decides and who influences, on an opportunity.
        "buying_centre",
        "demo",
        "/odoo/action-crm.crm_lead_action_pipeline?view_type=list",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Arena Mall') .o_data_cell[name=name]"),
            ("click", "a.nav-link[name=partner_cadence_buying_centre]"),
        ),
    ),
    (
        # crm's Lost dialog asks whom the deal was lost to.
        "lost_to_competitor",
        "demo",
        "/odoo/action-crm.crm_lead_action_pipeline?view_type=list",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Arena Mall') .o_data_cell[name=name]"),
            ("click", ".o_form_statusbar button[data-hotkey=l]"),
            ("click", ".modal .o_field_widget[name=lost_competitor_id] input"),
        ),
    ),
    (
        "competitor",
        "demo",
        "/odoo/action-partner_cadence.crm_competitor_action",
        ".o_data_row",
        (("click", ".o_data_row:has-text('TermoService') .o_data_cell[name=name]"),),
    ),
    ("competitors", "demo", "/odoo/action-partner_cadence.crm_competitor_action", ".o_data_row", ()),
    ("competitor_deals", "demo", "/odoo/action-partner_cadence.crm_competitor_report_action", ".o_pivot", ()),
    (
        "client_competitors",
        "demo",
        "/odoo/action-contacts.action_contacts?view_type=list",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Pavel Granit') .o_data_cell"),
            ("click", "a.nav-link[name=partner_cadence_client]"),
            ("scroll", ".o_field_widget[name=cadence_competitor_purchase_ids]"),
        ),
    ),
    settings_screen("settings_competitors", "competitors"),
    settings_screen("settings_experts", "experts"),
    ("nurture_phases", "admin", "/odoo/action-partner_cadence.crm_nurture_phase_action", ".o_data_row", ()),
    settings_screen("settings_seminars", "seminars"),
    (
        # §5: the step of the B2B cycle an opportunity reached, and the next in its chatter.
        "b2b_cycle",
        "demo",
        "/odoo/action-crm.crm_lead_action_pipeline?view_type=list",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Arena Mall') .o_data_cell[name=name]"),
            ("click", "a.nav-link[name=partner_cadence_qualification]"),
            ("scroll", ".o_field_widget[name=cadence_cycle_step_label]"),
        ),
    ),
    (
        # The cycle's plans, offered where a salesperson schedules activities.
        "b2b_plan",
        "demo",
        "/odoo/action-crm.crm_lead_action_pipeline?view_type=list",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Arena Mall') .o_data_cell[name=name]"),
            ("click", ".o-mail-Chatter-activity"),
        ),
    ),
    settings_screen("settings_own_products", "own_products"),
    settings_screen("settings_nurture", "nurture"),
    (
        "call_outcome",
        "demo",
        "/odoo/action-contacts.action_contacts?view_type=list",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Irina Volkova') .o_data_cell"),
            ("click", ".o-mail-Activity-callOutcome"),
            ("click", ".modal .o_field_widget[name=outcome] input[data-value=call_back]"),
        ),
    ),
    ("board", "admin", "/odoo/action-partner_cadence.partner_cadence_board_action", ".o_list_table", ()),
    (
        "record_referrals",
        "demo",
        "/odoo/action-contacts.action_contacts?view_type=list",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Irina Volkova') .o_data_cell"),
            ("click", "a.nav-link[name=partner_cadence_referrals]"),
            ("click", "button[name=action_record_referrals]"),
            ("click", ".modal .o_field_x2many_list_row_add a"),
            ("fill", ".modal .o_data_row [name=name] input", "Elena Rusu"),
            ("fill", ".modal .o_data_row [name=phone] input", "060 123 456"),
            ("click", ".modal .o_field_x2many_list_row_add a"),
        ),
    ),
    (
        "team_planning",
        "admin",
        # The demo's first team, Sales.
        "/odoo/action-sales_team.crm_team_action_config/1",
        ".o_form_view",
        (("click", "a.nav-link[name=partner_cadence_planning]"),),
    ),
    settings_screen("settings", "getting_started"),
    settings_screen("settings_figures", "upsell"),
    settings_screen("settings_winback", "winback"),
    (
        "level_grid",
        "admin",
        "/odoo/action-partner_cadence.partner_cadence_level_cell_action",
        ".o_list_table .o_data_row",
        (),
    ),
    settings_screen("settings_day", "daily_capacity"),
    (
        # The NPS call's Done asks the client's score up front.
        "nps_done",
        "demo",
        "/odoo/action-contacts.action_contacts?view_type=list",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Pavel Granit') .o_data_cell"),
            # Its summary ends "0 to 10" ("от 0 до 10") in every language.
            ("click", ".o-mail-Activity:has-text('10?') .o-mail-Activity-markDone"),
        ),
    ),
    (
        # No reminder open: the Cadence tab says when the next touch is due and when it comes.
        "next_touch_notice",
        "demo",
        "/odoo/action-contacts.action_contacts?view_type=list",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Mihai Popescu') .o_data_cell"),
            ("click", "a.nav-link[name=partner_cadence]"),
            ("scroll", ".o_field_widget[name=cadence_next_touch_notice]"),
        ),
    ),
    (
        "prospect_sheets",
        "admin",
        "/odoo/action-partner_cadence.partner_cadence_prospect_sheet_line_action",
        ".o_list_table",
        (),
    ),
    (
        "user_day",
        "admin",
        "/odoo/action-base.action_res_users",
        ".o_data_row",
        (
            ("click", ".o_data_row:has-text('Marc Demo') .o_data_cell"),
            ("click", ".o_notebook .nav-link[name=preferences]"),
            ("scroll", ".o_field_widget[name=cadence_expert_window_day]"),
        ),
    ),
]


def login(page, base, login_name, password):
    page.goto(f"{base}/web/login")
    page.fill("input[name=login]", login_name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector(".o_main_navbar")


def set_language(base, db, login_name, password, lang):
    """The user's own preference, written as they would write it (their language)."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())

    def call(path, params):
        request = urllib.request.Request(
            f"{base}{path}",
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}).encode(),
            headers={"Content-Type": "application/json"},
        )
        return json.load(opener.open(request))["result"]

    session = call("/web/session/authenticate", {"db": db, "login": login_name, "password": password})
    call(
        "/web/dataset/call_kw/res.users/write",
        {"model": "res.users", "method": "write", "args": [[session["uid"]], {"lang": lang}], "kwargs": {}},
    )


def readme_screenshots(page, base):
    login(page, base, "demo", "demo")
    page.click(".o_menu_systray i[aria-label='Activities']")
    page.wait_for_selector(".o-mail-ActivityGroup")
    page.screenshot(path=OUT / "screenshot_activity_inbox.png")

    page.click(".o-mail-ActivityGroup:has-text('Contact')")
    page.wait_for_selector(".o_kanban_record:has-text('Elena Rusu'), .o_data_row:has-text('Elena Rusu')")
    page.click(".o_kanban_record:has-text('Elena Rusu'), .o_data_row:has-text('Elena Rusu') .o_data_cell")
    page.wait_for_selector(".o-mail-Activity")
    page.click("a.nav-link:has-text('Cadence')")
    page.wait_for_selector("a.nav-link.active:has-text('Cadence')")
    page.wait_for_selector("div[name=cadence_tier_id]")
    # The notebook fades the new page in: wait until it is fully drawn.
    page.wait_for_timeout(600)
    page.screenshot(path=OUT / "screenshot_partner_form.png")
    return [OUT / "screenshot_activity_inbox.png", OUT / "screenshot_partner_form.png"]


def screen_shots(browser, base, db, lang, out):
    out.mkdir(parents=True, exist_ok=True)
    taken = []
    for user in sorted({screen[1] for screen in SCREENS}):
        set_language(base, db, user, user, lang)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        login(page, base, user, user)
        for name, login_name, path, ready, steps in SCREENS:
            if login_name != user:
                continue
            page.goto(f"{base}{path}")
            page.wait_for_selector(ready)
            for action, selector, *value in steps:
                page.wait_for_selector(selector)
                if action == "click":
                    page.click(selector)
                elif action == "fill":
                    page.fill(selector, value[0])
                else:
                    page.locator(selector).scroll_into_view_if_needed()
            page.wait_for_timeout(800)
            path_out = out / f"{name}_{lang}.png"
            page.screenshot(path=path_out)
            taken.append(path_out)
        page.close()
    return taken


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--lang", help="take every changed screen in this language (en_US, ru_RU, ro_RO)")
    parser.add_argument("--out", default="screenshots", help="where --lang writes its screenshots")
    parser.add_argument("--db", default="partner_cadence_19", help="the demo's database (setup/run names it)")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        if args.lang:
            taken = screen_shots(browser, args.url, args.db, args.lang, pathlib.Path(args.out))
        else:
            taken = readme_screenshots(browser.new_page(viewport={"width": 1400, "height": 1150}), args.url)
        browser.close()
    for path in taken:
        print(path)


if __name__ == "__main__":
    main()
