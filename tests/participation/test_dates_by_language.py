"""Dates and times follow the page's language, through the named formats of asker/formats: the
same comment reads "30. november 2026 kl. 00:09" in bokmål and "30 November 2026, 00:09" in
English, on a resident's own page and on the consultation page; never "Nov. 30, 2026, 12:09 a.m."
and never "kl." in English."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from participation.models import Comment
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
WRITTEN = datetime(2026, 11, 30, 0, 9, tzinfo=OSLO)
CLOSES = datetime(2026, 12, 24, 12, 0, tzinfo=OSLO)


@pytest.fixture
def comment(consultation, resident):
    consultation.opens_at = datetime(2026, 11, 1, 9, 0, tzinfo=OSLO)
    consultation.closes_at = CLOSES
    consultation.save()
    comment = CommentFactory(consultation=consultation, author=resident, text="Fint med nye boliger.")
    Comment.objects.filter(pk=comment.pk).update(created_at=WRITTEN)
    return comment


def test_my_data_in_both_languages(client, resident, comment):
    client.force_login(resident)
    nb = client.get("/konto/mine-data/")
    en = client.get("/en/konto/mine-data/")
    assert nb.status_code == en.status_code == 200
    assert "30. november 2026 kl. 00:09" in nb.content.decode()
    english = en.content.decode()
    assert "30 November 2026, 00:09" in english
    assert "a.m." not in english and "Nov. 30" not in english and "kl." not in english


def test_the_consultation_page_in_both_languages(client, comment, consultation):
    nb = client.get(f"/medvirkning/{consultation.slug}/")
    en = client.get(f"/en/medvirkning/{consultation.slug}/")
    assert nb.status_code == en.status_code == 200
    bokmal, english = nb.content.decode(), en.content.decode()
    assert "30. november 2026 kl. 00:09" in bokmal
    assert "24. desember 2026 kl. 12:00" in bokmal
    assert "30 November 2026, 00:09" in english
    assert "24 December 2026, 12:00" in english
    assert "kl." not in english and "p.m." not in english and "a.m." not in english
