"""Everything the map shows is also on the page, and the filters are a plain form: the pages
work with JavaScript off."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(new_page):
    return new_page(java_script_enabled=False)


def row_names(page):
    return sorted(page.locator("table.data tbody tr td:first-child a").all_inner_texts())


def test_home_lists_centres_and_public_projects_without_javascript(page, live_server, world):
    page.goto(live_server.url + "/")
    # If Leaflet had run, the map element would carry its classes: then this test proves nothing.
    assert "leaflet-container" not in (page.get_attribute(".map", "class") or "")
    centres = page.locator("#centres-heading + .tree a").all_inner_texts()
    assert centres == ["Asker sentrum", "Heggedal"]
    assert row_names(page) == ["Heggedal hage", "Heggedal torg"]
    assert "Hemmelig tomt" not in page.content()


def test_project_filter_works_without_javascript(page, live_server, world):
    page.goto(live_server.url + "/prosjekter/")
    assert row_names(page) == ["Heggedal hage", "Heggedal torg"]

    # The filters are folded away until asked for (the script that opens them on a wide screen
    # does not run); the page with a filter set shows them open.
    assert not page.locator("#id_min_dwellings").is_visible()
    page.click("details.disclosure > summary")
    page.fill("#id_min_dwellings", "100")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "min_dwellings=100" in page.url
    assert row_names(page) == ["Heggedal torg"]
    assert page.locator("#id_min_dwellings").is_visible()

    page.select_option("#id_status", "planning")
    page.fill("#id_min_dwellings", "")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert row_names(page) == ["Heggedal hage"]


@pytest.mark.parametrize(
    ("path", "image"),
    [("/", "/kart/bilde.svg"), ("/steder/heggedal/", "/kart/bilde.svg?centre=heggedal"),
     ("/prosjekter/heggedal-torg/", "/kart/bilde.svg?project=heggedal-torg"),
     ("/en/", "/en/kart/bilde.svg")],
)
def test_map_box_shows_a_map_drawn_on_the_server_and_no_keyboard_note(page, live_server, world, path, image):
    images = []
    page.on("response", lambda r: "/kart/bilde.svg" in r.url and images.append(r))
    page.goto(live_server.url + path)
    # No empty grey box, and no instructions for a map that is not there.
    assert not page.locator(".map").is_visible()
    assert not page.locator(".map-note").is_visible()
    picture = page.locator(".map-wrap img.map-image")
    assert picture.get_attribute("src") == image
    box = picture.bounding_box()
    assert box["width"] > 100 and box["height"] > 100, box
    alt = picture.get_attribute("alt")
    if path.startswith("/en/"):
        assert alt == ("Map of the municipality with centres and development projects. "
                       "The centres and projects on it are listed further down this page.")
    else:
        assert alt.endswith(". Sentrene og prosjektene i kartet står i listene lenger ned på siden."), alt
    assert [(r.status, r.headers["content-type"]) for r in images] == [(200, "image/svg+xml; charset=utf-8")]


def test_a_map_without_a_server_drawing_leaves_nothing_behind(page, live_server, world):
    # The plan page's map has no drawing of its own: without JavaScript it is not there at all,
    # and the page's lists carry its content.
    page.goto(live_server.url + f"/planer/{world['plan'].plan_id}/")
    assert page.locator(".map").count() == 1 and not page.locator(".map").is_visible()
    assert page.locator("img.map-image").count() == 0
    assert not page.locator(".map-note").is_visible()
