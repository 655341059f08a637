"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's live server.

One browser per session (starting Chromium costs about a second); a fresh context per test so
cookies, storage and cache never leak from one test to the next. Nothing leaves the live server:
the machine has no internet, and a test must not pass or fail on base map tiles.
"""

from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import sync_playwright

from places.models import PlanDocument
from tests.axe import blocking_violations, format_report, run_axe
from tests.browser.helpers import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS
from tests.browser.markup import keep_documents
from tests.browser.tour import Tour
from tests.factories import small_square
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (fixtures)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Make pages in fresh contexts: `new_page(java_script_enabled=False)` and so on.

    Each page has `blocked` (URLs it was not allowed to fetch) and `js_errors` (uncaught
    exceptions in the page's scripts).
    """
    contexts = []
    local = urlsplit(live_server.url).netloc

    def make(**context_options):
        # Reduced motion: the maps then draw without fades, so axe never measures the colours of
        # a popup half-way through fading in.
        options = {"locale": "nb-NO", "viewport": {"width": 1280, "height": 900}, "reduced_motion": "reduce",
                   **context_options}
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        blocked = []

        def abort(route):
            blocked.append(route.request.url)
            route.abort()

        # A predicate, not a glob: only requests to other hosts are aborted; the rest go on.
        context.route(lambda url: urlsplit(url).netloc != local, abort)
        page = context.new_page()
        page.blocked = blocked
        page.js_errors = []
        page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
        keep_documents(page)  # for the Nu Html Checker in the tours
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


class AxeChecker:
    """`axe(page, "home (nb)")` fails the test with a report of every serious or critical
    WCAG 2.1 A/AA violation on the page as it is now, and returns axe's full results.
    `axe.report(page, label)` returns that report instead ("" when clean), so a test can check
    several pages and fail once with all of them. Both take `include`/`exclude` selector lists.
    """

    def report(self, page, context_label, **options):
        violations = blocking_violations(run_axe(page, **options))
        return format_report(violations, context_label, page.url) if violations else ""

    def __call__(self, page, context_label, **options):
        results = run_axe(page, **options)
        violations = blocking_violations(results)
        if violations:
            pytest.fail(format_report(violations, context_label, page.url), pytrace=False)
        return results


@pytest.fixture
def axe():
    return AxeChecker()


@pytest.fixture
def tour(axe, live_server):
    """Pages by URL name, each checked with axe; call `tour.done()` at the end (tests/browser/tour.py)."""
    tour = Tour(axe, live_server)
    yield tour
    # A test that forgot done() would otherwise drop its reports without a word.
    if not tour.finished:
        tour.done()


@pytest.fixture
def heggedal_catchment(world):
    """Give Heggedal a catchment area, so its page draws a shape from the page as well as layers."""
    centre = world["heggedal"]
    centre.catchment = small_square(10.43, 59.77, 0.03)
    centre.save()
    return centre.catchment


@pytest.fixture
def plan_document(world, settings, tmp_path):
    """A PDF on the Heggedal plan, stored under this test's own media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return PlanDocument.objects.create(plan=world["plan"], title="Plankart", size=len(pdf),
                                       file=ContentFile(pdf, name="plankart.pdf"))
