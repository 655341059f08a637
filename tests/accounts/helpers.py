"""What the account tests share besides fixtures."""

import re

from django.utils import translation
from django.utils.html import escape

PASSWORD = "asker-demo"  # the factories' password
STRONG_PASSWORD = "Fjordsti-Heggedal-42"
# settings.SITE_URL in the account tests (tests/accounts/conftest.py): links in e-mails start
# with it, whatever host the request named.
SITE_URL = "https://planportal.asker.example"


def text(msgid, language="nb", **params):
    """A message as a page in `language` shows it, HTML-escaped (the English msgid until the
    catalogue has it)."""
    with translation.override(language):
        message = translation.gettext(msgid)
    return escape(message % params if params else message)


def links(message):
    """The URLs in an e-mail's body."""
    return re.findall(r"https?://\S+", message.body)


def html(response):
    return response.content.decode()


def page_as_seen(response):
    """A page's HTML without what differs between any two requests (CSRF tokens, CSP nonces)."""
    page = html(response)
    page = re.sub(r'(name="csrfmiddlewaretoken" value=)"[^"]*"', r'\1""', page)
    return re.sub(r'nonce="[^"]*"', 'nonce=""', page)


def error_codes(response, field="__all__"):
    """The codes of a field's errors in the form a page shows."""
    form = response.context["form"]
    return [error.code for error in form.errors.as_data().get(field, [])]


def signed_in_user(client):
    from django.contrib.auth import get_user

    user = get_user(client)
    return user if user.is_authenticated else None
