"""Accounts in a real browser: signing in with the keyboard alone, and no serious or critical
WCAG 2.1 A/AA violations on the sign-in, registration and password-reset pages, in both
languages, with and without error messages."""

import pytest

from asker import roles
from tests.browser.helpers import focused, tab_until
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

LANGUAGES = [("nb", ""), ("en", "/en")]


@pytest.fixture
def kari(db):
    return UserFactory(username="kari", first_name="Kari", last_name="Nordmann", role=roles.RESIDENT)


def _fail_on(reports):
    reports = [r for r in reports if r]
    if reports:
        pytest.fail("\n\n".join(reports), pytrace=False)


def test_signing_in_with_the_keyboard_alone(page, live_server, kari):
    page.goto(live_server.url + "/konto/logg-inn/")
    # The skip link comes first and leads into the form.
    page.keyboard.press("Tab")
    assert focused(page)["href"] == "#main"
    page.keyboard.press("Enter")
    seen = tab_until(page, lambda f: 'id="id_username"' in f["html"])
    assert seen[-1]["visible"], "the username field shows no focus"
    page.keyboard.type("kari")
    page.keyboard.press("Tab")
    now = focused(page)
    assert 'id="id_password"' in now["html"] and now["visible"]
    page.keyboard.type("asker-demo")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/konto/")
    assert page.locator("h1").inner_text() != ""
    assert "Kari Nordmann" in page.locator(".site-header .account-menu a").inner_text()

    # Signing out is a button in the header, reachable and operable by keyboard too.
    tab_until(page, lambda f: f["tag"] == "button" and f["visible"])
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/")
    assert page.locator(".site-header .account-menu a").get_attribute("href").startswith("/konto/logg-inn/")


def test_a_wrong_password_is_announced_and_linked_to(page, live_server, kari, axe):
    page.goto(live_server.url + "/konto/logg-inn/")
    page.fill("#id_username", "kari")
    page.fill("#id_password", "wrong")
    page.click("button[type=submit] >> nth=-1")
    summary = page.locator(".error-summary[role=alert]")
    assert summary.is_visible()
    axe(page, "sign-in with a wrong password")


@pytest.mark.parametrize(
    "name, path",
    [("sign-in", "/konto/logg-inn/"), ("register", "/konto/registrer/"),
     ("password reset", "/konto/passord/")],
    ids=["sign-in", "register", "password-reset"],
)
def test_account_pages_have_no_serious_accessibility_violations(page, live_server, axe, name, path):
    reports = []
    for lang, prefix in LANGUAGES:
        response = page.goto(live_server.url + prefix + path)
        assert response.status == 200
        assert page.get_attribute("html", "lang") == lang
        reports.append(axe.report(page, f"{name} ({lang})"))
        # The same page after sending it empty: the error summary and the marked fields.
        page.click("main button[type=submit]")
        page.wait_for_selector(".error-summary")
        first = page.locator(".error-summary a").first
        target = first.get_attribute("href")
        field = page.locator(target)
        assert field.get_attribute("aria-invalid") == "true"
        message = page.locator("#" + field.get_attribute("aria-describedby").split()[0])
        assert message.is_visible() and message.inner_text().strip()
        reports.append(axe.report(page, f"{name} with errors ({lang})"))
    _fail_on(reports)


def test_the_registration_honeypot_is_out_of_sight_and_out_of_the_tab_order(page, live_server):
    page.goto(live_server.url + "/konto/registrer/")
    assert not page.locator("#id_website").is_visible()
    seen = tab_until(page, lambda f: f["tag"] == "button")  # the only button: "Register"
    assert not any('id="id_website"' in (f["html"] if f else "") for f in seen)


def test_the_account_and_lockout_pages_have_no_serious_accessibility_violations(page, live_server, kari, axe):
    reports = []
    page.goto(live_server.url + "/konto/logg-inn/?next=/konto/")
    page.fill("#id_username", "kari")
    page.fill("#id_password", "asker-demo")
    page.click("main button[type=submit]")
    page.wait_for_url(live_server.url + "/konto/")
    for lang, prefix in LANGUAGES:
        page.goto(live_server.url + prefix + "/konto/")
        reports.append(axe.report(page, f"account page ({lang})"))
    page.context.clear_cookies()
    for _ in range(5):
        page.goto(live_server.url + "/en/konto/logg-inn/")
        page.fill("#id_username", "kari")
        page.fill("#id_password", "wrong")
        page.click("main button[type=submit]")
        page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Too many failed sign-in attempts"
    reports.append(axe.report(page, "lockout page (en)"))
    _fail_on(reports)
