"""The harness itself: a broken checker would let every other browser test pass."""

from types import SimpleNamespace

import pytest

from tests.browser.markup import keep_documents
from tests.browser.tour import Tour

pytestmark = pytest.mark.browser

BROKEN_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main>
<h1>Broken on purpose</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<button class="nameless"></button>
<p style="color:#777;background:#888">Hard to read</p>
</main></body></html>"""


@pytest.fixture
def blank_page(browser):
    # No live server: these checks need no database, so they skip the flush a live test costs.
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_axe_fails_with_a_report_naming_rule_target_and_html(blank_page, axe):
    blank_page.set_content(BROKEN_PAGE)
    with pytest.raises(pytest.fail.Exception) as failure:
        axe(blank_page, "a page broken on purpose")
    report = str(failure.value)
    for rule in ("image-alt", "button-name", "color-contrast"):
        assert rule in report
    assert 'target: ["button"]' in report
    assert '<button class="nameless"></button>' in report
    assert "a page broken on purpose" in report


def test_axe_passes_a_clean_page_and_returns_its_results(blank_page, axe):
    blank_page.set_content('<!DOCTYPE html><html lang="en"><head><title>Fine</title></head>'
                           "<body><main><h1>Fine</h1><p>Nothing wrong here.</p></main></body></html>")
    results = axe(blank_page, "a clean page")
    assert results["violations"] == []


def test_requests_to_other_hosts_are_aborted(new_page):
    page = new_page()
    tile = "https://cache.kartverket.no/v1/wmts/1.0.0/topo/default/webmercator/10/298/541.png"
    page.set_content(f'<img src="{tile}" alt="">')
    page.wait_for_function("() => document.images[0].complete")
    assert page.blocked == [tile]


def test_a_tour_names_the_page_that_fails_and_refuses_the_wrong_page(blank_page, axe):
    """The tours behind page_catalogue.py: a violation fails the test at done() with the URL
    name in the report, and a page that is not the named one is refused at once. No live
    server: the addresses are answered by the browser itself, so no database flush."""
    base = "http://127.0.0.1:9"  # nothing listens there; every request is answered below

    def answer(route):
        if route.request.url == base + "/":
            route.fulfill(status=200, content_type="text/html", body=BROKEN_PAGE.replace('lang="en"', 'lang="nb"'))
        else:
            route.abort()

    blank_page.route("**/*", answer)
    keep_documents(blank_page)
    tour = Tour(axe, SimpleNamespace(url=base))
    blank_page.goto(base + "/")
    with pytest.raises(AssertionError, match="is not the page places:centres"):
        tour.here(blank_page, "places:centres")
    tour.here(blank_page, "places:home", "broken on purpose")
    with pytest.raises(pytest.fail.Exception) as failure:
        tour.done()
    report = str(failure.value)
    assert "1 of 1 pages fail axe" in report
    assert "places:home broken on purpose (nb)" in report and "button-name" in report
