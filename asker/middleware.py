"""Refuse requests that carry control characters, before any view or query sees them.

A NUL byte in a parameter reaches PostgreSQL as text it refuses (DataError: a 500), while
SQLite stores it; no person types one, and the other C0 controls are as meaningless in a path,
a query parameter or a form field. One check here covers every page, map layer and form: the
answer is a 400 page in the visitor's language. Tab, line feed and carriage return stay
allowed in query and form values (a textarea sends line breaks).

Cookies are different: the visitor did not type them and cannot see them, so a 400 would come
back on every page until they cleared their browser. A cookie whose name or value holds a
control character (Django decodes octal escapes in a quoted value, so `"\\000"` arrives as a NUL)
is dropped before SessionMiddleware reads it, and the browser is told to forget it: such a
visitor simply has no session.
"""

import re
from http.cookies import Morsel

from django.conf import settings
from django.shortcuts import render

_IN_PATH = re.compile(r"[\x00-\x1f\x7f]")
_IN_VALUE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _bad(querydict):
    return any(_IN_VALUE.search(key) or any(_IN_VALUE.search(v) for v in values)
               for key, values in querydict.lists())


class RefuseControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _IN_PATH.search(request.path) or _bad(request.GET) or (
                request.method == "POST" and _bad(request.POST)):
            return render(request, "400.html", status=400)
        return self.get_response(request)


# A name the browser can be told to delete (Set-Cookie may only carry a token as the name).
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


class DropControlCharacterCookiesMiddleware:
    """Must come before SessionMiddleware, LocaleMiddleware and CsrfViewMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bad = [name for name, value in request.COOKIES.items() if _IN_PATH.search(name) or _IN_PATH.search(value)]
        if not bad:
            return self.get_response(request)
        request.COOKIES = {name: value for name, value in request.COOKIES.items() if name not in bad}
        response = self.get_response(request)
        for name in bad:
            # Not a cookie the response sets anew (a sign-in in this very request gives a session).
            if _TOKEN.fullmatch(name) and not Morsel().isReservedKey(name) and name not in response.cookies:
                path, domain = _cookie_scope(name)
                response.delete_cookie(name, path=path, domain=domain)
        return response


def _cookie_scope(name):
    """The path and domain the portal's own cookies are set with (a deletion must match them)."""
    for prefix in ("SESSION", "CSRF", "LANGUAGE"):
        if name == getattr(settings, f"{prefix}_COOKIE_NAME"):
            return getattr(settings, f"{prefix}_COOKIE_PATH"), getattr(settings, f"{prefix}_COOKIE_DOMAIN")
    return "/", None
