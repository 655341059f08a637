"""The public map: what it shows to whom, and that its markers work from the keyboard."""

from io import StringIO

import pytest
from django.contrib.gis.geos import Point
from django.core.management import call_command
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from places.models import Centre
from tests.browser.helpers import focused, tab_until, wait_for_maps
from tests.browser.maps import marker_labels, place_names, reach_by_keyboard, settled, shows, uncovered
from tests.factories import CentreFactory, ProjectFactory, small_square

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


@pytest.fixture
def demo(transactional_db):
    """The Asker demo data set (manage.py load_demo), where Holmen and Neselva Hageby overlap."""
    call_command("load_demo", stdout=StringIO())


@pytest.fixture
def hallenskog(world):
    """A nærsenter near Heggedal: a neighbour on Heggedal's map."""
    return CentreFactory(municipality=world["heggedal"].municipality, name="Hallenskog", slug="hallenskog",
                         level=Centre.Level.NAERSENTER, parent=world["heggedal"],
                         location=Point(10.47, 59.79, srid=4326))


def test_home_map_shows_centres_and_public_projects_but_not_confidential_ones(page, live_server, world):
    page.goto(live_server.url + "/")
    wait_for_maps(page)
    assert place_names(page) == ["Asker sentrum", "Heggedal", "Heggedal hage", "Heggedal torg"]
    # Each is drawn: as its own marker, or named in the label of the cluster it is in.
    for name in place_names(page):
        assert shows(page, name), f"{name} is neither a marker nor named by a cluster: {marker_labels(page)}"
    assert "Hemmelig tomt" not in page.content()


def test_a_cluster_says_how_many_places_it_holds_and_which(page, live_server, world):
    # Heggedal torg and Heggedal hage share a point next to Asker sentrum: one cluster of three.
    page.goto(live_server.url + "/")
    wait_for_maps(page)
    cluster = page.locator(".map .map-cluster")
    assert cluster.count() == 1
    label = cluster.get_attribute("aria-label")
    assert label.startswith("3 steder her: Asker sentrum (Kommunesenter); "), label
    assert "Heggedal hage (Planlegging)" in label and "Heggedal torg (Under bygging)" in label
    assert label.endswith("Trykk Enter for å zoome inn og vise dem."), label
    assert cluster.get_attribute("role") == "button" and cluster.get_attribute("tabindex") == "0"
    assert cluster.locator(".map-cluster-count").get_attribute("data-text") == "3"
    # It carries the name of the most important centre in it.
    assert cluster.locator(".map-label.is-shown").get_attribute("data-text") == "Asker sentrum"


def test_enter_on_markers_and_clusters_reaches_a_project_whose_popup_shows_its_facts(
    page, live_server, world, axe
):
    page.goto(live_server.url + "/")
    wait_for_maps(page)
    marker, steps = reach_by_keyboard(page, "Heggedal torg")
    assert any(s and "map-cluster" in s["classes"] for s in steps), "Heggedal torg was not in a cluster"
    assert marker["visible"], f"the focused marker shows no focus: {marker['html']}"

    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    link = popup.locator("a[href]")
    link.wait_for(state="visible")
    assert focused(page)["href"] == "/prosjekter/heggedal-torg/", "the popup's link did not take focus"
    lines = popup.locator("p").all_inner_texts()
    assert lines == ["Under bygging", "139 boliger", "År 2019–2024"]
    assert page.locator(".leaflet-popup-close-button").get_attribute("aria-label") == "Lukk"
    axe(page, "home map with a cluster opened and a popup open")

    link.click()
    page.wait_for_url(live_server.url + "/prosjekter/heggedal-torg/")
    assert page.locator("h1").inner_text() == "Heggedal torg"


def test_a_project_with_one_dwelling_or_one_year_or_unknown_dwellings_is_said_so(page, live_server, world):
    single = ProjectFactory(municipality=world["heggedal"].municipality, centre=world["heggedal"], name="Enebolig",
                            slug="enebolig", flats=0, detached=1, location=Point(10.30, 59.60, srid=4326),
                            geometry=small_square(10.30, 59.60))
    single.phases.create(number=1, dwellings=1, start_year=2027, finish_year=2027)
    page.goto(live_server.url + "/")
    wait_for_maps(page)
    tab_until(page, lambda f: (f["label"] or "").startswith("Enebolig ("))
    page.keyboard.press("Space")  # a button opens with Space as well as Enter
    page.locator(".leaflet-popup-content a").wait_for()
    assert page.locator(".leaflet-popup-content p").all_inner_texts() == ["Planlegging", "1 bolig", "År 2027"]
    # Dwelling counts are to become optional; the map data sends null for an unknown count.
    text = page.evaluate("""() => Array.from(document.querySelector('.map').mapPlaces.popupContent({
        name: 'Ukjent', url: '/prosjekter/ukjent/', status: 'idea', status_label: 'Idé', dwellings: null,
        first_year: null, last_year: 2030}).children, (el) => el.textContent)""")
    assert text == ["Ukjent", "Idé", "Antall boliger: ukjent", "Til 2030"]


def test_markers_are_reachable_by_keyboard_and_enter_opens_a_popup_with_a_link(page, live_server, world):
    page.goto(live_server.url + "/")
    wait_for_maps(page)
    seen = tab_until(page, lambda f: "centre-icon" in (f["classes"] or "") and f["label"])
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


def shown_labels(page):
    """The centre names shown beside markers now (CSS draws them from data-text)."""
    return page.eval_on_selector_all(".map .map-label.is-shown", "els => els.map(el => el.dataset.text)")


def visible_and_envelope(page):
    return page.evaluate("""() => {
        const el = document.querySelector('.map');
        const b = el.leafletMap.getBounds();
        const [w, s, e, n] = el.dataset.bounds.split(',').map(Number);
        return {view: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], envelope: [w, s, e, n],
                size: [el.clientWidth, el.clientHeight]};
    }""")


@pytest.mark.parametrize("width", [1280, 390])
def test_home_map_fits_the_municipality_with_no_margin_to_spare(new_page, live_server, world, width):
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(live_server.url + "/")
    wait_for_maps(page)
    found = visible_and_envelope(page)
    (vw, vs, ve, vn), (w, s, e, n) = found["view"], found["envelope"]
    # All of the municipality is in view ...
    assert vw <= w and vs <= s and ve >= e and vn >= n, found
    # ... and it fills the map across the side that limits it (a few pixels of padding aside).
    filled = max((e - w) / (ve - vw), (n - s) / (vn - vs))
    assert filled >= 0.97, f"the municipality fills only {filled:.0%} of the map at {width} px: {found}"
    assert found["size"][0] <= width


def test_labels_show_by_level_and_zoom_without_covering_each_other(page, live_server, world, hallenskog):
    page.goto(live_server.url + "/")
    wait_for_maps(page)
    shown = shown_labels(page)
    # The municipal centre (named on its cluster) and the local centre, not the nærsenter.
    assert sorted(shown) == ["Asker sentrum", "Heggedal"], shown
    assert page.locator(".map .map-label[data-text=Hallenskog]").count() == 0

    page.evaluate("() => document.querySelector('.map').leafletMap.setView([59.785, 10.46], 13)")
    settled(page)
    shown = shown_labels(page)
    assert "Hallenskog" in shown and "Heggedal" in shown, shown
    boxes = page.eval_on_selector_all(".map .map-label.is-shown", "els => els.map(e => e.getBoundingClientRect().toJSON())")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]
            assert apart, f"two centre names cover each other: {a} {b}"


def test_holmen_and_neselva_hageby_can_both_be_reached_by_keyboard(page, live_server, demo):
    for name in ("Holmen", "Neselva Hageby"):
        page.goto(live_server.url + "/")
        wait_for_maps(page)
        marker, _ = reach_by_keyboard(page, name)
        assert marker["visible"], f"{name} shows no focus"
        # Nothing covers it: the marker is the topmost thing at its own centre.
        assert uncovered(page), f"{name} is covered by another marker"
        page.keyboard.press("Enter")
        page.locator(".leaflet-popup-content a", has_text=name).wait_for()


def test_centre_map_shows_the_boundary_and_neighbouring_centres_with_its_own_highlighted(
    page, live_server, world, hallenskog
):
    municipality = world["heggedal"].municipality
    ProjectFactory(municipality=municipality, centre=world["heggedal"], name="Heggedal stasjon",
                   location=Point(10.452, 59.784, srid=4326), geometry=small_square(10.452, 59.784))
    ProjectFactory(municipality=municipality, centre=world["sentrum"], name="Sentrums prosjekt",
                   location=Point(10.456, 59.786, srid=4326), geometry=small_square(10.456, 59.786))
    page.goto(live_server.url + "/steder/heggedal/")
    wait_for_maps(page)
    assert page.locator(".map path.map-boundary").count() >= 1
    current = page.locator(".map .centre-icon.is-current")
    assert current.count() == 1
    assert current.get_attribute("aria-label") == "Heggedal (Lokalsenter; denne siden)"
    assert current.locator(".map-label.is-shown").get_attribute("data-text") == "Heggedal"
    assert shows(page, "Hallenskog")
    # The centre's own projects, not those of others nearby.
    assert place_names(page) == ["Hallenskog", "Heggedal", "Heggedal stasjon"]


def test_project_map_shows_the_boundary_and_the_centres_around_it(page, live_server, world):
    page.goto(live_server.url + "/prosjekter/heggedal-torg/")
    wait_for_maps(page)
    assert page.locator(".map path.map-boundary").count() >= 1
    assert page.locator(".map path.page-shape").count() == 1
    # Its own centre is in the first view, and the municipal centre beside it.
    names = place_names(page)
    assert "Heggedal" in names and "Asker sentrum" in names, names
    in_view = page.evaluate("""() => {
        const el = document.querySelector('.map');
        return el.leafletMap.getBounds().contains([59.783, 10.45]);
    }""")
    assert in_view, "the project's centre is outside the first view"


@pytest.mark.parametrize(("prefix", "zoom_in", "zoom_out"), [("", "Zoom inn", "Zoom ut"), ("/en", "Zoom in", "Zoom out")])
def test_zoom_controls_speak_the_page_language(page, live_server, world, prefix, zoom_in, zoom_out):
    for path in ("/", "/steder/heggedal/", "/prosjekter/heggedal-torg/"):
        page.goto(live_server.url + prefix + path)
        wait_for_maps(page)
        plus, minus = page.locator(".leaflet-control-zoom-in"), page.locator(".leaflet-control-zoom-out")
        assert (plus.get_attribute("title"), plus.get_attribute("aria-label")) == (zoom_in, zoom_in), path
        assert (minus.get_attribute("title"), minus.get_attribute("aria-label")) == (zoom_out, zoom_out), path
        # The keyboard note is there once the map is.
        assert page.locator(".map-note").is_visible()
