"""A planner's day in the workspace, in Chromium: sign in, draw or upload an area, publish, and
see the project on the public map and list, checking each page with axe on the way (every
workspace page in both languages: test_axe_workspace.py)."""

import json

import pytest

from asker import roles
from tests.browser.helpers import wait_for_maps
from tests.browser.maps import marker_labels, place_names, shows
from tests.factories import UserFactory, small_square

pytestmark = pytest.mark.browser


@pytest.fixture
def planner(world):
    return UserFactory(username="planlegger", role=roles.PLANNER)


def sign_in(page, live_server, next_path="/planlegger/"):
    page.goto(f"{live_server.url}/konto/logg-inn/?next={next_path}")
    page.fill("input[name=username]", "planlegger")
    page.fill("input[name=password]", "asker-demo")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + next_path)


def new_project(page, live_server, name):
    page.goto(live_server.url + "/planlegger/prosjekter/ny/")
    page.get_by_role("group", name="Prosjektet").get_by_label("Navn", exact=True).fill(name)
    page.select_option("#id_centre", label="Heggedal")
    page.fill("#id_flats", "40")
    page.fill("#id_phases-0-number", "1")
    page.fill("#id_phases-0-dwellings", "40")


def publish_and_check_public(page, live_server, name):
    page.get_by_role("button", name="Publiser").click()
    page.wait_for_load_state()
    assert "publisert" in page.locator(".messages").inner_text()
    page.goto(live_server.url + "/prosjekter/")
    assert page.get_by_role("link", name=name).count() == 1
    page.goto(live_server.url + "/")
    wait_for_maps(page)
    # As its own marker, or named by the cluster it shares with places that would cover it.
    assert name in place_names(page) and shows(page, name), marker_labels(page)


def test_planner_draws_a_polygon_saves_publishes_and_it_appears_publicly(page, live_server, planner, axe):
    sign_in(page, live_server)
    axe(page, "workspace project list")
    new_project(page, live_server, "Tegnet tun")
    axe(page, "new project form")
    # Draw a triangle with Leaflet.draw's polygon tool, near the middle of the map.
    page.locator(".leaflet-container").first.scroll_into_view_if_needed()
    page.click(".leaflet-draw-draw-polygon")
    box = page.locator(".leaflet-container").first.bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    for dx, dy in [(0, 0), (60, 0), (30, 50), (0, 0)]:  # back on the first point closes it
        page.mouse.move(cx + dx, cy + dy)
        page.mouse.down()
        page.mouse.up()
        page.wait_for_timeout(150)  # Leaflet.draw ignores clicks that come too fast
    geometry = json.loads(page.input_value("textarea[name=geometry]"))
    assert geometry["type"] in ("Polygon", "MultiPolygon")
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_url("**/planlegger/prosjekter/tegnet-tun/")
    assert "Lagret" in page.locator(".messages").inner_text()
    axe(page, "saved project form")
    publish_and_check_public(page, live_server, "Tegnet tun")

    page.goto(live_server.url + "/planlegger/prosjekter/tegnet-tun/historikk/")
    assert "planlegger" in page.locator("main").inner_text()
    axe(page, "project history")


def test_planner_uploads_a_file_instead(page, live_server, planner, axe, tmp_path):
    sign_in(page, live_server)
    new_project(page, live_server, "Opplastet tun")
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_url("**/planlegger/prosjekter/opplastet-tun/")
    page.get_by_role("link", name="Last opp en kartfil").click()
    axe(page, "upload form")
    area = small_square(10.45, 59.79, 0.002)
    path = tmp_path / "tun.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"navn": "Tunet"}, "geometry": json.loads(area.json)}]}))
    page.set_input_files("input[type=file]", str(path))
    page.get_by_role("button", name="Les filen").click()
    page.wait_for_load_state()
    assert page.get_by_label("Tunet", exact=False).is_checked()
    axe(page, "choose the area")
    page.get_by_role("button", name="Bruk dette området").click()
    page.wait_for_url("**/planlegger/prosjekter/opplastet-tun/")
    publish_and_check_public(page, live_server, "Opplastet tun")


def test_bad_input_in_the_form_is_announced_next_to_the_field(page, live_server, planner, axe):
    sign_in(page, live_server)
    new_project(page, live_server, "")
    page.get_by_role("button", name="Lagre").click()
    page.wait_for_load_state()
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_name-error").is_visible()
    axe(page, "form with errors")
