"""Which text on a page is in the other language: English on a bokmål page, Norwegian on an
English one. Used on every page the axe tours open (tests/browser/tour.py) and on the same pages
through the Django test client (tests/test_page_language.py).

What counts, from the project's own catalogue (locale/nb/LC_MESSAGES/django.mo):
- on a bokmål page, the fixed parts of an English msgid whose translation differs, when they
  appear in no bokmål translation at all ("Projects", "unknown", "Nov. 30");
- on an English page, the fixed parts of a bokmål translation that appear in no English msgid
  ("Prosjekter", "kl. 12:09"), and any word with æ, ø or å: Norwegian data (names,
  descriptions, comments) must sit inside an element marked lang="nb" (in text: an attribute
  such as a map's aria-label "Map of Sætre" cannot mark the name in it).
Text inside an element whose lang is the other language is skipped (the language links, Norwegian
names marked lang="nb"); so are scripts, styles and JSON data. Visible text and the attributes a
screen reader reads (aria-label, alt, title, placeholder, value of input buttons) are checked;
e-mail and web addresses are not.
"""

import gettext
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

MO = Path(__file__).resolve().parent.parent / "locale" / "nb" / "LC_MESSAGES" / "django.mo"
# E-mail and web addresses are neither language.
ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
# The title cannot mark a Norwegian name in it; the h1 repeats it, marked.
SKIPPED_ELEMENTS = {"script", "style", "template", "noscript", "title"}
READ_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sd]|%[sd]|\{[a-z_0-9]*\}|<[^>]+>|&[a-z]+;")
# A fragment worth looking for: a word of four letters or more, or two words.
WORTH = re.compile(r"[^\W\d_]{4,}|[^\W\d_]+\s+[^\W\d_]+")
NORWEGIAN_LETTERS = re.compile(r"[\w-]*[æøåÆØÅ][\w-]*")
# Words that are the same in both languages or are names (the README keeps these Norwegian words
# on English pages: they are the real names).
SHARED = {
    "kommunesenter", "lokalsenter", "nærsenter", "lokalsentre", "nærsentre", "byggetrinn", "utbygger",
    "delområde", "delområder", "dekar", "planid", "arealplan", "arealplaner", "bokmål",
}


def _fragments(text):
    """The fixed parts of a message: placeholders and tags split it; punctuation is trimmed."""
    for part in PLACEHOLDER.split(text):
        for piece in re.split(r"[.:;!?()\[\]«»\"“”–—·]|, ", part):
            piece = " ".join(piece.split()).strip(" ,'’-")
            if WORTH.search(piece) and piece.lower() not in SHARED:
                yield piece


@lru_cache(maxsize=1)
def catalogue():
    """(English fragments not in any bokmål text, bokmål fragments not in any English text)."""
    with MO.open("rb") as mo:
        messages = gettext.GNUTranslations(mo)._catalog
    pairs = []
    for key, msgstr in messages.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid and msgstr and msgstr != msgid:
            pairs.append((msgid, msgstr))
    english = " \n ".join(msgid for msgid, _ in pairs).lower()
    bokmal = " \n ".join(msgstr for _, msgstr in pairs).lower()

    def absent(fragment, corpus):
        return not re.search(rf"(?<!\w){re.escape(fragment.lower())}(?!\w)", corpus)

    english_only = {f for msgid, _ in pairs for f in _fragments(msgid) if absent(f, bokmal)}
    bokmal_only = {f for _, msgstr in pairs for f in _fragments(msgstr) if absent(f, english)}
    return _matcher(english_only), _matcher(bokmal_only)


def _matcher(fragments):
    # Longest first, so a whole sentence is named rather than its first word.
    alternatives = "|".join(re.escape(f) for f in sorted(fragments, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class _Text(HTMLParser):
    """Collects (text, where) for the page's language: skips elements of the other language."""

    def __init__(self, page_lang):
        super().__init__(convert_charrefs=True)
        self.page_lang = page_lang
        self.stack = []  # (tag, lang, skipped)
        self.found = []

    def _skipped(self):
        return bool(self.stack) and self.stack[-1][2]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = (attrs.get("lang") or (self.stack[-1][1] if self.stack else self.page_lang)).split("-")[0]
        skipped = self._skipped() or tag in SKIPPED_ELEMENTS or lang != self.page_lang or "hidden" in attrs
        if not skipped:
            for name in READ_ATTRIBUTES:
                if attrs.get(name):
                    self.found.append((attrs[name], f"<{tag} {name}>", True))
            if tag == "input" and attrs.get("type") in ("submit", "button", "reset") and attrs.get("value"):
                self.found.append((attrs["value"], f"<{tag} value>", True))
        if tag not in VOID:
            self.stack.append((tag, lang, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if not self._skipped() and data.strip():
            where = self.stack[-1][0] if self.stack else "document"
            self.found.append((" ".join(data.split()), f"<{where}>", False))


def page_language(html):
    match = re.search(r"<html[^>]*\blang=\"([a-zA-Z-]+)\"", html)
    return match.group(1).split("-")[0] if match else "nb"


def wrong_language(html):
    """What on this page is in the other language, as short descriptions (empty: all is well)."""
    lang = page_language(html)
    english_only, bokmal_only = catalogue()
    parser = _Text(lang)
    parser.feed(html)
    problems = []
    for text, where, attribute in parser.found:
        text = ADDRESS.sub(" ", text)
        if lang == "nb":
            hits = english_only.findall(text)
        else:
            letters = [] if attribute else [w for w in NORWEGIAN_LETTERS.findall(text) if w.lower() not in SHARED]
            hits = bokmal_only.findall(text) + letters
        for hit in dict.fromkeys(hits):
            problems.append(f"{hit!r} in {where} {text[:120]!r}")
    return list(dict.fromkeys(problems))
