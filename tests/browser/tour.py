"""A tour of pages by URL name, each checked with axe, failing once at the end with every report.

Each page is also checked for ids used twice and label/ARIA references to no element, for text
in the other language (English on a bokmål page, Norwegian outside lang="nb" on an English one:
tests/language.py), and the HTML the server sent for it goes through the Nu Html Checker with
the tour's other pages at done() (tests/browser/markup.py); each page is measured on a phone and
a desktop screen: it must not be wider than either (tests/browser/layout.py).

`tour.visit(page, "places:centre", slug="heggedal")` opens the page in bokmål and in English and
checks both; `tour.here(page, "participation:comment", "with a form error")` checks the page the
browser is on now (a state reached by sending a form). Both assert that the page really is the
named one, so the URL names in tests/browser/page_catalogue.py are the pages axe saw.
test_page_catalogue.py finds the names by reading the URL name passed to these two calls: write
it as a string literal (or loop over a tuple of them).
"""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import resolve, reverse
from django.utils import translation

from tests.browser import layout, markup
from tests.browser.helpers import wait_for_maps
from tests.language import wrong_language

# Bokmål at /, English under /en/.
LANGUAGES = ("nb", "en")


class Tour:
    def __init__(self, axe, live_server):
        self.axe = axe
        self.base = live_server.url
        self.reports = []
        self.markup = []  # per page with problems: its label, URL and the problems
        self.too_wide = []  # per page wider than a screen: its label, URL and what sticks out
        self.documents = []  # (label, URL, the HTML the server sent) for the Nu Html Checker
        self.language = []  # per page with text in the other language: its label, URL and the texts
        self.finished = False

    def url(self, name, lang="nb", query="", **kwargs):
        with translation.override(lang):
            return self.base + reverse(name, kwargs=kwargs or None) + query

    def visit(self, page, name, label="", *, query="", status=200, langs=LANGUAGES, **kwargs):
        """Open the page named `name` in each language, check it, and return the last response."""
        response = None
        for lang in langs:
            response = page.goto(self.url(name, lang, query, **kwargs))
            assert response.status == status, f"{name}{query} ({lang}) answered {response.status}, not {status}"
            self.here(page, name, label)
        return response

    def here(self, page, name, label=""):
        """Check the page as it is now, which must be the page named `name`."""
        path = urlsplit(page.url).path
        # i18n_patterns resolve /en/ only while English is active.
        with translation.override("en" if path.startswith("/en/") else "nb"):
            assert resolve(path).view_name == name, f"{page.url} is not the page {name}"
        self._check(page, f"{name}{' ' + label if label else ''}")

    def error_page(self, page, path, status, label):
        """Open `path`, which must answer `status` with an error page, and check it."""
        response = page.goto(self.base + path)
        assert response.status == status, f"{path} answered {response.status}, not {status}"
        self._check(page, label)

    def _check(self, page, label):
        lang = page.get_attribute("html", "lang")
        path = urlsplit(page.url).path
        assert (lang == "en") == path.startswith("/en/"), f"{page.url} is in the wrong language ({lang})"
        if page.locator(".map").count():
            wait_for_maps(page)
        assert not getattr(page, "js_errors", None), f"JavaScript errors on {page.url}: {page.js_errors}"
        label = f"{label} ({lang})"
        html = markup.served_html(page)
        self.documents.append((label, page.url, html))
        if texts := wrong_language(html if isinstance(html, str) else html.decode("utf-8", "replace")):
            self.language.append(f"{label} {page.url}:\n" + "\n".join(f"  {t}" for t in texts))
        if problems := markup.dom_problems(page):
            self.markup.append(f"{label} {page.url}:\n" + "\n".join(f"  {p}" for p in problems))
        self.reports.append(self.axe.report(page, label))
        for width in layout.WIDTHS:
            if wider := layout.overflow(page, width):
                self.too_wide.append(f"{label} {page.url}: {wider}")

    def done(self):
        """Fail with every report gathered; call once, at the end of the test."""
        self.finished = True
        sections = []
        if problems := [r for r in self.reports if r]:
            sections.append(f"{len(problems)} of {len(self.reports)} pages fail axe:\n\n" + "\n\n".join(problems))
        if self.markup:
            sections.append(f"{len(self.markup)} of {len(self.reports)} pages have ids used twice or references "
                            "to no element:\n" + "\n".join(self.markup))
        if self.language:
            sections.append(f"{len(self.language)} of {len(self.reports)} pages show text in the other language "
                            "(tests/language.py):\n" + "\n".join(self.language))
        if self.too_wide:
            sections.append(f"{len(self.too_wide)} pages are wider than the screen:\n" + "\n".join(self.too_wide))
        if invalid := markup.validate(self.documents):
            sections.append(f"the Nu Html Checker finds {len(invalid)} errors:\n" + "\n".join(f"  {i}" for i in invalid))
        if sections:
            pytest.fail("\n\n".join(sections), pytrace=False)


def send(page, form, button="button[type=submit]"):
    """Send the form matched by the `form` selector as it is, past the browser's own checks
    (required, min, max), so the page shows the server's answer to the bad input."""
    form = page.locator(form)
    form.evaluate("f => { f.noValidate = true; }")
    with page.expect_navigation():
        form.locator(button).first.click()


def sign_in_as(page, live_server, user):
    """Give the browser a session for `user` without going through the sign-in form: the tours
    check pages, not signing in (tests/browser/test_accounts.py does that)."""
    client = Client()
    client.force_login(user)
    assert client.session.get(SESSION_KEY) == str(user.pk)
    name = settings.SESSION_COOKIE_NAME
    page.context.clear_cookies()
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": live_server.url}])
