"""No serious or critical WCAG 2.1 A/AA violations on the public pages, in both languages,
with the maps' markers drawn (they are part of what a screen-reader user meets)."""

import pytest

from tests.browser.helpers import wait_for_maps

pytestmark = pytest.mark.browser

PAGES = [
    ("home", "/"),
    ("centre tree", "/steder/"),
    ("centre", "/steder/heggedal/"),
    ("project list", "/prosjekter/"),
    ("project", "/prosjekter/heggedal-torg/"),
]
# Both languages in one test: a test costs a database flush, a page load costs far less.
LANGUAGES = [("nb", ""), ("en", "/en")]


def _fail_on(reports):
    reports = [r for r in reports if r]
    if reports:
        pytest.fail("\n\n".join(reports), pytrace=False)


@pytest.mark.parametrize("name,path", PAGES, ids=[name.replace(" ", "-") for name, _ in PAGES])
def test_page_has_no_serious_accessibility_violations(
    page, live_server, world, heggedal_catchment, axe, name, path
):
    reports = []
    for lang, prefix in LANGUAGES:
        response = page.goto(live_server.url + prefix + path)
        assert response.status == 200
        assert page.get_attribute("html", "lang") == lang
        wait_for_maps(page)
        reports.append(axe.report(page, f"{name} ({lang})"))
    _fail_on(reports)


def test_project_list_with_a_bad_filter_shows_the_error_accessibly(page, live_server, world, axe):
    reports = []
    for lang, prefix in LANGUAGES:
        response = page.goto(live_server.url + prefix + "/prosjekter/?min_dwellings=-5")
        assert response.status == 400
        summary = page.locator(".error-summary[role=alert]")
        assert summary.is_visible()
        assert summary.locator("a[href='#id_min_dwellings']").count() == 1
        field = page.locator("#id_min_dwellings")
        assert field.get_attribute("aria-invalid") == "true"
        # The message next to the field is the one the field points screen readers to.
        message = page.locator("#" + field.get_attribute("aria-describedby"))
        assert message.is_visible() and message.inner_text().strip()
        reports.append(axe.report(page, f"project list with a bad filter ({lang})"))
    _fail_on(reports)
