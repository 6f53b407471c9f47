"""Take the README's screenshots from the running demo (start it with setup/run first).

Drives Debian's Chromium through Playwright, logged in as the demo salesperson, and writes
PNGs next to the addon's description so README.md and the app store page show the real UI.
"""

import argparse
import pathlib

from playwright.sync_api import sync_playwright

OUT = pathlib.Path(__file__).resolve().parent.parent / "partner_cadence" / "static" / "description"


def login(page, base, login_name, password):
    page.goto(f"{base}/web/login")
    page.fill("input[name=login]", login_name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_selector(".o_main_navbar")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1150})
        login(page, args.url, "demo", "demo")

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
        browser.close()
    for name in ("screenshot_activity_inbox.png", "screenshot_partner_form.png"):
        print(OUT / name)


if __name__ == "__main__":
    main()
