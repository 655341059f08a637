"""`linked_text` gives exactly what `urlize|linebreaksbr` gives (asker/templatetags/texts.py)."""

import random

import pytest
from django.template import engines

SLOW = engines["django"].from_string("{{ v|urlize|linebreaksbr }}")
FAST = engines["django"].from_string("{% load texts %}{{ v|linked_text }}")

CASES = [
    "", "hei", "Mer grønt & <b>tryggere</b> veier.\nNy linje\r\n'sitat' \"dobbelt\"",
    "se https://asker.kommune.no/x?a=1&b=2.", "www.vg.no er fint", "mail meg på ola@example.no",
    "asker.org og asker.no", "(http://x.no)", "<script>alert(1)</script>", "Ås → Vollen\n\n\nslutt",
    "1 < 2 > 0 &amp;", "example.COM.", "javascript:alert(1)", "tab\tog  mellomrom  ",
]


def random_texts(count=3000):
    rng = random.Random(3203)
    pieces = list("abc .,:;/@<>&'\"\n\t-_()[]æøå") + ["http", "www.", ".com", ".org", "://", ".no", "@x"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(count)]


@pytest.mark.parametrize("text", CASES)
def test_the_same_as_urlize_and_linebreaks(text):
    assert FAST.render({"v": text}) == SLOW.render({"v": text})


def test_the_same_for_random_texts():
    differing = [text for text in random_texts() if FAST.render({"v": text}) != SLOW.render({"v": text})]
    assert differing == []


def test_user_text_is_escaped_and_links_made():
    html = FAST.render({"v": "<b>se</b> https://asker.kommune.no\nok"})
    assert "&lt;b&gt;se&lt;/b&gt;" in html and '<a href="https://asker.kommune.no"' in html and "<br>" in html
