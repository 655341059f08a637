"""Refuse requests that carry control characters, before any view or query sees them.

A NUL byte in a parameter reaches PostgreSQL as text it refuses (DataError: a 500), while
SQLite stores it; no person types one, and the other C0 controls are as meaningless in a path,
a query parameter or a form field. One check here covers every page, map layer and form: the
answer is a 400 page in the visitor's language. Tab, line feed and carriage return stay
allowed in query and form values (a textarea sends line breaks).
"""

import re

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
