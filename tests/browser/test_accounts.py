"""Accounts in a real browser: signing in with the keyboard alone, and no serious or critical
WCAG 2.1 A/AA violations on the account pages (sign-in, registration, activation, password
reset, the lockout and rate-limit pages), in both languages, with and without error messages."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts import services
from accounts.models import Registration
from asker import roles
from tests.browser.helpers import focused, tab_until
from tests.browser.tour import LANGUAGES
from tests.factories import UserFactory

pytestmark = pytest.mark.browser



@pytest.fixture
def kari(db):
    return UserFactory(username="kari", first_name="Kari", last_name="Nordmann", role=roles.RESIDENT)


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


def test_the_account_forms_and_their_error_messages(page, tour):
    for name in ("accounts:login", "accounts:register", "accounts:password_reset"):
        for lang in LANGUAGES:
            page.goto(tour.url(name, lang))
            tour.here(page, name)
            # The same page after sending it empty: the error summary and the marked fields.
            page.click("main button[type=submit]")
            page.wait_for_selector(".error-summary")
            first = page.locator(".error-summary a").first
            target = first.get_attribute("href")
            field = page.locator(target)
            assert field.get_attribute("aria-invalid") == "true"
            message = page.locator("#" + field.get_attribute("aria-describedby").split()[0])
            assert message.is_visible() and message.inner_text().strip()
            tour.here(page, name, "with errors")
    tour.done()


def test_registration_activation_and_a_new_password(page, tour, kari, settings):
    tour.visit(page, "accounts:register_done")
    pending = UserFactory(username="per", is_active=False)
    Registration.objects.create(user=pending)
    token = services.make_activation_token(pending)
    tour.visit(page, "accounts:activate", "with its button", token=token)
    tour.visit(page, "accounts:activate", "with a broken link", status=400, token="ikke-en-gyldig-lenke")
    settings.ACCOUNTS_ACTIVATION_TIMEOUT = -1
    tour.visit(page, "accounts:activate", "with an expired link", status=400, token=token)
    settings.ACCOUNTS_ACTIVATION_TIMEOUT = 86400
    page.goto(tour.url("accounts:activate", token=token))
    with page.expect_navigation():
        page.click("main button[type=submit]")
    pending.refresh_from_db()
    assert pending.is_active
    page.context.clear_cookies()
    tour.visit(page, "accounts:activate", "already used", token=token)

    tour.visit(page, "accounts:password_reset_done")
    uid = urlsafe_base64_encode(force_bytes(kari.pk))
    for lang in LANGUAGES:
        # Django moves the token into the session and shows the form at .../set-password/.
        page.goto(tour.url("accounts:password_reset_confirm", lang, uidb64=uid,
                           token=default_token_generator.make_token(kari)))
        assert page.locator("#id_new_password1").count() == 1
        tour.here(page, "accounts:password_reset_confirm", "the form")
        page.fill("#id_new_password1", "Et langt nytt passord 1")
        page.fill("#id_new_password2", "Et annet passord 2")
        page.click("main button[type=submit]")
        page.wait_for_selector(".error-summary")
        tour.here(page, "accounts:password_reset_confirm", "with passwords that differ")
    tour.visit(page, "accounts:password_reset_confirm", "with a broken link", uidb64=uid, token="ugyldig")
    tour.visit(page, "accounts:password_reset_complete")

    settings.ACCOUNTS_RATE_LIMITS = {"register": (0, 3600), "password_reset": (0, 3600)}
    for lang in LANGUAGES:
        page.goto(tour.url("accounts:password_reset", lang))
        page.fill("#id_email", "kari@example.org")
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            page.click("main button[type=submit]")
        assert answer.value.status == 429
        page.wait_for_load_state()
        tour.here(page, "accounts:password_reset", "rate limited")
    tour.done()


def test_the_registration_honeypot_is_out_of_sight_and_out_of_the_tab_order(page, live_server):
    page.goto(live_server.url + "/konto/registrer/")
    assert not page.locator("#id_website").is_visible()
    seen = tab_until(page, lambda f: f["tag"] == "button")  # the only button: "Register"
    assert not any('id="id_website"' in (f["html"] if f else "") for f in seen)


def test_the_account_and_lockout_pages_have_no_serious_accessibility_violations(page, live_server, kari, tour):
    page.goto(live_server.url + "/konto/logg-inn/?next=/konto/")
    page.fill("#id_username", "kari")
    page.fill("#id_password", "asker-demo")
    page.click("main button[type=submit]")
    page.wait_for_url(live_server.url + "/konto/")
    for lang in LANGUAGES:
        page.goto(tour.url("accounts:profile", lang))
        tour.here(page, "accounts:profile", "signed in through the form")
    page.context.clear_cookies()
    for _ in range(5):
        page.goto(live_server.url + "/en/konto/logg-inn/")
        page.fill("#id_username", "kari")
        page.fill("#id_password", "wrong")
        page.click("main button[type=submit]")
        page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Too many failed sign-in attempts"
    tour.here(page, "accounts:login", "locked out")
    tour.done()
