"""The public map: what it shows to whom, and that its markers work from the keyboard."""

import pytest
from django.contrib.gis.geos import Point
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.helpers import focused, tab_until, wait_for_maps
from tests.factories import ProjectFactory, small_square

pytestmark = pytest.mark.browser


class MapDataWatcher:
    """Counts map-data requests in flight; make it before the action that may cause them."""

    def __init__(self, page):
        self.page = page
        self.in_flight = set()
        page.on("request", lambda r: "/kart/" in r.url and self.in_flight.add(r))
        page.on("requestfinished", lambda r: self.in_flight.discard(r))
        page.on("requestfailed", lambda r: self.in_flight.discard(r))

    def wait_until_quiet(self, quiet_ms=300, limit_ms=5_000):
        # A request event reaches Python a moment after the page sends it: hence the quiet spell.
        quiet = waited = 0
        while quiet < quiet_ms:
            assert waited < limit_ms, f"map data still loading after {limit_ms} ms: {self.in_flight}"
            self.page.wait_for_timeout(50)
            waited += 50
            quiet = 0 if self.in_flight else quiet + 50


def marker_names(page):
    labels = page.eval_on_selector_all(
        ".map .leaflet-marker-icon", "els => els.map(el => el.getAttribute('aria-label'))"
    )
    assert all(labels), f"markers without an aria-label: {labels}"
    # map.js labels a marker "Name (level or status)".
    return sorted(label.rsplit(" (", 1)[0] for label in labels)


def test_home_map_shows_centres_and_public_projects_but_not_confidential_ones(page, live_server, world):
    page.goto(live_server.url + "/")
    wait_for_maps(page)
    assert marker_names(page) == ["Asker sentrum", "Heggedal", "Heggedal hage", "Heggedal torg"]
    assert "Hemmelig tomt" not in page.content()


def test_markers_are_reachable_by_keyboard_and_enter_opens_a_popup_with_a_link(page, live_server, world):
    page.goto(live_server.url + "/")
    wait_for_maps(page)
    seen = tab_until(page, lambda f: "leaflet-marker-icon" in (f["classes"] or "") and f["label"])
    marker = seen[-1]
    assert marker["visible"], f"the focused marker shows no focus: {marker['html']}"
    name = marker["label"].rsplit(" (", 1)[0]

    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup-content a[href]")
    link.wait_for(state="visible")
    assert link.inner_text() == name
    href = link.get_attribute("href")
    assert href.startswith(("/steder/", "/prosjekter/")), href

    link.click()
    page.wait_for_url(live_server.url + href)
    assert page.locator("h1").inner_text() == name


def test_a_marker_near_the_edge_keeps_its_popup_and_focus_when_the_map_pans_to_show_it(
    page, live_server, world
):
    # The popup of a marker this close to the top edge does not fit: Leaflet pans the map to
    # show it, and the layers are fetched again for the new view. The popup must survive that.
    ProjectFactory(
        municipality=world["heggedal"].municipality, centre=world["heggedal"], name="Nordre kant",
        slug="nordre-kant", location=Point(10.45, 59.895, srid=4326),
        geometry=small_square(10.45, 59.894, 0.001),
    )
    page.goto(live_server.url + "/")
    wait_for_maps(page)
    tab_until(page, lambda f: (f["label"] or "").startswith("Nordre kant ("))

    page.evaluate("""() => {
        window.__moved = false;
        document.querySelector('.map').leafletMap.once('moveend', () => { window.__moved = true; });
    }""")
    watcher = MapDataWatcher(page)
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("() => window.__moved", timeout=2_000)
    except PlaywrightTimeoutError:
        pass  # the popup fitted after all; then nothing can have closed it
    watcher.wait_until_quiet()
    popup_link = page.locator(".leaflet-popup-content a[href]")
    assert popup_link.count() == 1 and popup_link.is_visible(), "the popup closed when the map moved"
    assert popup_link.inner_text() == "Nordre kant"
    now = focused(page)
    assert now is not None, "focus was lost (it went back to the page body) when the map moved"
