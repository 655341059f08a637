"""The project list's filters fold away on a phone: a <details> closed at first, so the list is
what a phone shows first; open on a wide screen (static/js/disclosure.js); open whenever a filter
is set or wrong; opened and used by keyboard; the same without JavaScript, one click away."""

import pytest

from tests.browser.helpers import focused, tab_until
from tests.browser.layout import DESKTOP, PHONE, overflow

pytestmark = pytest.mark.browser

PHONE_SIZE = {"width": PHONE, "height": 844}


def filters(page):
    return page.locator("details.disclosure")


def is_open(page):
    return filters(page).evaluate("d => d.open")


def test_on_a_phone_the_filters_are_closed_and_the_list_comes_first(new_page, live_server, world, axe):
    page = new_page(viewport=PHONE_SIZE)
    page.goto(live_server.url + "/prosjekter/")
    assert not is_open(page)
    summary = filters(page).locator("summary")
    assert summary.is_visible() and summary.inner_text() == "Filtrer prosjekter"
    assert not page.locator("#id_centre").is_visible()
    # The first project is on the first screen, not below a form.
    first = page.locator("table.table-cards tbody tr").first.bounding_box()
    assert first["y"] + first["height"] < 844, first
    axe(page, "the project list on a phone, filters closed")
    assert not overflow(page, PHONE)


def test_on_a_wide_screen_the_filters_are_open(new_page, live_server, world):
    page = new_page(viewport={"width": DESKTOP, "height": 900})
    page.goto(live_server.url + "/en/prosjekter/")
    assert is_open(page)
    assert page.locator("#id_centre").is_visible()


def test_turning_a_phone_to_a_wide_screen_opens_them(new_page, live_server, world):
    page = new_page(viewport=PHONE_SIZE)
    page.goto(live_server.url + "/prosjekter/")
    assert not is_open(page)
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    page.wait_for_function("() => document.querySelector('details.disclosure').open")


def test_on_a_phone_the_filters_open_and_work_by_keyboard(new_page, live_server, world, axe):
    page = new_page(viewport=PHONE_SIZE)
    page.goto(live_server.url + "/prosjekter/")
    tab_until(page, lambda f: f["tag"] == "summary")
    assert focused(page)["visible"], "the summary shows no focus"
    page.keyboard.press("Enter")
    assert is_open(page)
    axe(page, "the project list on a phone, filters open")
    assert not overflow(page, PHONE)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_centre"
    page.focus("#id_min_dwellings")
    page.keyboard.type("100")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "min_dwellings=100" in page.url
    # The filters that made this list stay in sight, open, on the phone.
    assert is_open(page)
    assert page.locator("#id_min_dwellings").input_value() == "100"
    assert page.locator("table.table-cards tbody tr td:first-child a").all_inner_texts() == ["Heggedal torg"]
    # Pressing Enter (or Space) on the summary again folds them away.
    page.focus("details.disclosure > summary")
    page.keyboard.press("Space")
    assert not is_open(page)


def test_a_wrong_filter_opens_them_with_the_error_on_a_phone(new_page, live_server, world, axe):
    page = new_page(viewport=PHONE_SIZE)
    response = page.goto(live_server.url + "/prosjekter/?min_dwellings=-5")
    assert response.status == 400
    assert is_open(page)
    assert page.locator(".error-summary").is_visible()
    assert page.locator("#id_min_dwellings").is_visible()
    axe(page, "the project list on a phone with a wrong filter")


@pytest.mark.parametrize("viewport", [PHONE_SIZE, {"width": DESKTOP, "height": 900}])
def test_without_javascript_they_are_closed_and_open_with_one_click(new_page, live_server, world, viewport):
    page = new_page(viewport=viewport, java_script_enabled=False)
    page.goto(live_server.url + "/prosjekter/")
    assert not is_open(page)
    page.click("details.disclosure > summary")
    assert page.locator("#id_status").is_visible()
    page.select_option("#id_status", "planning")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert is_open(page)
    assert page.locator("table.table-cards tbody tr td:first-child a").all_inner_texts() == ["Heggedal hage"]


def test_a_page_of_the_list_without_filters_keeps_them_closed(new_page, live_server, world):
    page = new_page(viewport=PHONE_SIZE)
    # Sent with every filter left empty, or only the page number: nothing to show open.
    page.goto(live_server.url + "/prosjekter/?centre=&status=&developer=&year_from=&year_to=&min_dwellings=&side=1")
    assert not is_open(page)
