"""The harness itself: a broken checker would let every other browser test pass."""

import pytest

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
