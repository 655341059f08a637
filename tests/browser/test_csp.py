"""The Content Security Policy in Chromium: the public map, a workspace form with the Leaflet
widget and an admin change form work under it without a single violation, and the map draws.

Chromium reports a violation twice: as a `securitypolicyviolation` event in the page and as a
console message. Both are collected from the first byte of every page.
"""

import pytest
from django.contrib.gis.geos import Point
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from asker import roles
from tests.browser.helpers import wait_for_maps
from tests.browser.maps import place_names, shows
from tests.factories import CommentFactory, ConsultationFactory, UserFactory, small_square

pytestmark = pytest.mark.browser

LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`
        + ` at ${e.sourceFile}:${e.lineNumber} ${e.sample || ''}`);
});
"""


@pytest.fixture
def watched(new_page):
    page = new_page()
    page.add_init_script(LISTEN)
    page.csp_console = []
    page.on("console", lambda msg: "Content Security Policy" in msg.text and page.csp_console.append(msg.text))
    return page


def violations(page):
    return page.evaluate("window.__cspViolations") + page.csp_console


def assert_no_violations(page):
    found = violations(page)
    assert not found, f"Content Security Policy violations on {page.url}:\n" + "\n".join(found)
    assert not page.js_errors, f"JavaScript errors on {page.url}: {page.js_errors}"


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/konto/logg-inn/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "asker-demo")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/logg-inn/" not in url)
    page.wait_for_load_state()
    assert_no_violations(page)


def wait_for_widget(page, field):
    """django-leaflet's inline script (the one that needs the nonce) starts the widget's map."""
    try:
        page.wait_for_function(f"() => !!window['leafletmapid_{field}-map']", timeout=5_000)
    except PlaywrightTimeoutError:
        pytest.fail(f"the map widget for {field} did not start on {page.url}; "
                    f"violations: {violations(page)}; JavaScript errors: {page.js_errors}", pytrace=False)
    page.locator(f"#id_{field}-map.leaflet-container").wait_for()


def asked_for_tiles(page):
    # The test's context aborts every request to another host; that a tile was asked for at all
    # means img-src let it through.
    return [url for url in page.blocked if "cache.kartverket.no" in url]


def test_the_policy_is_enforced_and_a_violation_is_seen(watched, live_server, world):
    """The control: an injected inline script is refused, and this test's listener notices."""
    watched.goto(live_server.url + "/")
    wait_for_maps(watched)
    watched.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.appendChild(s);
    }""")
    watched.wait_for_function("window.__cspViolations.length > 0")
    assert watched.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in violations(watched)), violations(watched)


def test_home_map_draws_with_base_map_tiles_and_no_violation(watched, live_server, world):
    watched.goto(live_server.url + "/")
    wait_for_maps(watched)
    # Four places; those that would cover each other are drawn as one cluster (tests/browser/maps.py).
    assert place_names(watched) == ["Asker sentrum", "Heggedal", "Heggedal hage", "Heggedal torg"]
    assert all(shows(watched, name) for name in place_names(watched))
    assert asked_for_tiles(watched), f"no base map tile was requested: {watched.blocked}"
    assert_no_violations(watched)


def test_workspace_project_form_map_widget_works_under_the_policy(watched, live_server, world):
    UserFactory(username="planlegger", role=roles.PLANNER)
    sign_in(watched, live_server, "planlegger")
    watched.goto(f"{live_server.url}/planlegger/prosjekter/{world['torg'].slug}/")
    wait_for_widget(watched, "geometry")
    # The stored area is drawn, and the drawing tools are there.
    assert watched.locator("#id_geometry-map path.leaflet-interactive").count() >= 1
    assert watched.locator("#id_geometry-map .leaflet-draw-draw-polygon").count() == 1
    # Open the polygon tool: Leaflet.draw builds its tooltip and action buttons now.
    watched.click("#id_geometry-map .leaflet-draw-draw-polygon")
    watched.locator("#id_geometry-map .leaflet-draw-actions a").first.wait_for()
    assert asked_for_tiles(watched)
    assert_no_violations(watched)


def test_admin_change_form_with_map_widget_works_under_the_policy(watched, live_server, world):
    UserFactory(username="superuser", is_superuser=True, is_staff=True)
    sign_in(watched, live_server, "superuser")
    watched.goto(f"{live_server.url}/admin/")
    assert watched.locator("#content h1").count() == 1
    assert_no_violations(watched)
    watched.goto(f"{live_server.url}/admin/places/developmentproject/{world['torg'].pk}/change/")
    wait_for_widget(watched, "geometry")
    assert watched.locator("#id_geometry-map path.leaflet-interactive").count() >= 1
    assert asked_for_tiles(watched)
    assert_no_violations(watched)
    # The admin's own scripts run too: the phases inline has its "add another" link.
    assert watched.locator(".add-row a").count() >= 1
    watched.goto(f"{live_server.url}/admin/places/developmentproject/")
    assert watched.locator("#result_list").count() == 1
    assert_no_violations(watched)


def test_every_public_map_page_works_under_the_policy(watched, live_server, world, heggedal_catchment):
    """Each kind of public page with a map or a page script, in both languages."""
    consultation = ConsultationFactory(
        municipality=world["heggedal"].municipality, plan=world["plan"], slug="hoering",
        title="Høring om Heggedal", area=small_square(10.40, 59.76, 0.08), moderation="post",
    )
    CommentFactory(consultation=consultation, location=Point(10.42, 59.78, srid=4326))
    paths = ["/", "/steder/", "/steder/heggedal/", "/prosjekter/", "/prosjekter/heggedal-torg/", "/planer/",
             f"/planer/{world['plan'].plan_id}/", "/medvirkning/", consultation.get_absolute_url()]
    for prefix in ("", "/en"):
        for path in paths:
            response = watched.goto(live_server.url + prefix + path)
            assert response.status == 200, path
            wait_for_maps(watched)
            assert_no_violations(watched)
