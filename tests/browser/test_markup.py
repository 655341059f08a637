"""The markup checks of the tours (tests/browser/markup.py): a broken checker would let every
tour pass. No live server: the browser answers the addresses itself, so no database flush."""

from pathlib import Path
from types import SimpleNamespace

import leaflet
import pytest

from tests.browser import markup
from tests.browser.markup import keep_documents
from tests.browser.tour import Tour

pytestmark = pytest.mark.browser

BASE = "http://127.0.0.1:9"  # nothing listens there; every request is answered by the route below

HEAD = '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>{}</title></head><body><main>'
# Each defect once: the stray </p> exists only in what the server sent (a browser's DOM has no
# trace of it), and the second "dobbel" is made by the page's script, so it is only in the DOM.
BROKEN = HEAD.format("Ødelagt") + """<h1>Ødelagt med vilje</h1>
<p id="dobbel">Én</p></p>
<form><label for="finnes-ikke">Navn</label><input id="navn" aria-describedby="navn-feil" name="navn"></form>
<p><time datetime="2026-11-30T12:09:00.123456+01:00">30. november</time></p>
<div id="her"></div>
<script>document.getElementById('her').insertAdjacentHTML('afterend', '<span id="dobbel">To</span>');</script>
</main></body></html>"""
CLEAN = HEAD.format("Hel") + """<h1>Hel</h1>
<form><label for="navn">Navn</label><input id="navn" aria-describedby="navn-hjelp" name="navn">
<p id="navn-hjelp">Fornavn og etternavn.</p></form>
<p><time datetime="2026-11-30T12:09:00+0100">30. november</time></p>
</main></body></html>"""
PAGES = {"/": BROKEN, "/steder/": CLEAN}


@pytest.fixture
def served_page(browser):
    """A page whose documents come from PAGES, kept for the checker as in the tours."""
    context = browser.new_context()
    page = context.new_page()

    def answer(route):
        path = route.request.url.removeprefix(BASE)
        if path in PAGES:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=PAGES[path])
        else:
            route.abort()

    page.route("**/*", answer)
    keep_documents(page)
    yield page
    context.close()


def test_a_tour_fails_on_ids_used_twice_references_to_nothing_and_invalid_html(served_page, axe):
    tour = Tour(axe, SimpleNamespace(url=BASE))
    served_page.goto(BASE + "/")
    tour.here(served_page, "places:home", "broken on purpose")
    served_page.goto(BASE + "/steder/")
    tour.here(served_page, "places:centres", "clean")
    with pytest.raises(pytest.fail.Exception) as failure:
        tour.done()
    report = str(failure.value)
    # In the browser, scripts included.
    assert "1 of 2 pages have ids used twice or references to no element" in report
    assert 'id "dobbel" is used 2 times' in report
    assert '<label for="finnes-ikke"> ("Navn") labels no form control' in report
    assert 'aria-describedby="navn-feil" on <input id="navn" name="navn"> names no element' in report
    # The Nu Html Checker, on what the server sent: the stray </p> and the microseconds, with the line.
    checker = report.split("the Nu Html Checker finds", 1)[1]
    assert f"places:home broken on purpose (nb) {BASE}/, line 2: No “p” element in scope" in checker
    assert "line 3: The value of the “for” attribute of the “label” element must be the ID" in checker
    assert "line 4: Bad value “2026-11-30T12:09:00.123456+01:00” for attribute “datetime”" in checker
    assert "Duplicate ID" not in checker  # the script's copy is not in what the server sent
    assert "places:centres" not in report  # the clean page passes every check


def test_a_clean_tour_passes(served_page, axe):
    tour = Tour(axe, SimpleNamespace(url=BASE))
    served_page.goto(BASE + "/steder/")
    tour.here(served_page, "places:centres", "clean")
    tour.done()
    assert len(tour.documents) == 1 and b"navn-hjelp" in tour.documents[0][2]


def test_without_the_checker_a_tour_fails_and_says_to_run_make_test(served_page, axe, monkeypatch, tmp_path):
    monkeypatch.setattr(markup, "VNU_JAR", tmp_path / "vnu" / "vnu.jar")
    tour = Tour(axe, SimpleNamespace(url=BASE))
    served_page.goto(BASE + "/steder/")
    tour.here(served_page, "places:centres", "clean")
    with pytest.raises(pytest.fail.Exception, match=r"Nu Html Checker is not installed .* run `make test`"):
        tour.done()


def test_the_leaflet_widget_template_is_django_leaflets_without_the_ids_the_page_head_has():
    """templates/leaflet/widget.html is a corrected copy: when django-leaflet's own changes, the
    copy must be made again from it (a copy that silently fell behind would break the widget)."""
    ours = (Path(__file__).resolve().parents[2] / "templates" / "leaflet" / "widget.html").read_text()
    theirs = (Path(leaflet.__file__).parent / "templates" / "leaflet" / "widget.html").read_text()
    dropped = ['{{ FORCE_IMAGE_PATH|json_script:"force-img-path" }}\n',
               '{{ reset_view_icon|json_script:"Control-ResetView-ICON" }}\n']
    assert all(line in theirs for line in dropped), "django-leaflet's widget.html changed: copy it again"
    for line in dropped:
        theirs = theirs.replace(line, "", 1)
    body = "".join(line for line in ours.splitlines(keepends=True) if not line.startswith("{#"))
    assert body == theirs, "django-leaflet's widget.html changed: make templates/leaflet/widget.html from it again"
