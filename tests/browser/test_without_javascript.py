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

    page.fill("#id_min_dwellings", "100")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert "min_dwellings=100" in page.url
    assert row_names(page) == ["Heggedal torg"]

    page.select_option("#id_status", "planning")
    page.fill("#id_min_dwellings", "")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    assert row_names(page) == ["Heggedal hage"]
