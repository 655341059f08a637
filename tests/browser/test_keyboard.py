"""Keyboard users reach everything: the skip link comes first, focus always shows, and Tab
alone leads from the home page to a centre's page."""

import pytest
from django.utils import translation

from tests.browser.helpers import MAX_TABS, focused, tab_until, wait_for_maps

pytestmark = pytest.mark.browser


def _skip_link_text():
    with translation.override("nb"):
        translated = translation.gettext("Skip to main content")
    # Until the Norwegian catalogue is compiled the English text is what the page shows.
    return "Hopp til hovedinnholdet" if translated != "Skip to main content" else "Skip to main content"


def test_a_centre_page_is_reachable_by_keyboard_alone(page, live_server, world):
    page.goto(live_server.url + "/")
    # Markers join the tab order once their layer has loaded; wait so the order is the final one.
    wait_for_maps(page)

    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip is not None and skip["href"] == "#main", f"the first Tab went to {skip}"
    assert skip["text"] == _skip_link_text()
    assert skip["visible"], f"the skip link shows no focus: {skip['html']}"
    assert page.locator(".skip-link").is_visible()

    seen = tab_until(page, lambda f: f["tag"] == "a" and (f["href"] or "").endswith("/steder/heggedal/"))
    link = seen[-1]
    assert link["text"] == "Heggedal"
    assert link["visible"], f"the link to Heggedal shows no focus: {link['html']}"

    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/steder/heggedal/")
    assert page.locator("h1").inner_text() == "Heggedal"


def test_the_skip_link_moves_focus_to_the_main_content(page, live_server, world):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')"), \
        "the Tab after the skip link left the main content"


@pytest.mark.parametrize("path", ["/", "/prosjekter/?min_dwellings=-5"])
def test_focus_is_visible_on_everything_tab_reaches(page, live_server, world, path):
    page.goto(live_server.url + path)
    wait_for_maps(page)
    hidden = []
    first = None
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        now = focused(page)
        if now is None:  # past the last element: the browser's own UI would be next
            break
        if first is None:
            first = now["html"]
        elif now["html"] == first:  # wrapped round to the start
            break
        if not now["visible"]:
            hidden.append(now["html"])
    assert not hidden, "focus does not show on:\n" + "\n".join(hidden)
