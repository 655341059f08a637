"""Replies are one level deep: a reply goes to a published top-level comment. A reply to a reply
was once stored and published but never shown; now it is refused and the page offers no form."""

import re

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from participation import services
from participation.models import Comment
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


def nb(text):
    with translation.override("nb"):
        return escape(gettext(text))


@pytest.fixture
def thread(consultation):
    top = CommentFactory(consultation=consultation, state="published", text="Hovedinnlegg")
    reply = CommentFactory(consultation=consultation, state="published", parent=top, text="Et svar")
    return top, reply


def test_a_reply_to_a_reply_is_refused_by_the_service_and_nothing_stored(consultation, resident, thread):
    _, reply = thread
    before = Comment.objects.count()
    with pytest.raises(services.Refused) as refused:
        services.submit(consultation, resident, "Svar på svaret", parent=reply)
    assert refused.value.message == gettext("You can reply to a comment, but not to a reply.")
    assert Comment.objects.count() == before


def test_a_reply_to_a_reply_is_refused_on_the_page_with_a_message(client, consultation, resident, thread):
    _, reply = thread
    client.force_login(resident)
    before = Comment.objects.count()
    response = client.post(f"{consultation.get_absolute_url()}kommenter/", {"text": "Svar på svaret",
                                                                           "parent": reply.pk})
    assert response.status_code == 400
    assert nb("You can reply to a comment, but not to a reply.") in response.content.decode()
    assert Comment.objects.count() == before


def test_a_reply_to_a_comment_of_another_consultation_is_refused(client, consultation, resident):
    elsewhere = CommentFactory(state="published")
    client.force_login(resident)
    response = client.post(f"{consultation.get_absolute_url()}kommenter/", {"text": "Feil sted",
                                                                           "parent": elsewhere.pk})
    assert response.status_code == 400
    assert not Comment.objects.filter(text="Feil sted").exists()


def test_the_page_offers_a_reply_form_only_under_top_level_comments(client, consultation, resident, thread):
    top, reply = thread
    client.force_login(resident)
    html = client.get(consultation.get_absolute_url()).content.decode()
    parents = re.findall(r'name="parent" value="(\d+)"', html)
    assert parents == [str(top.pk)]
    # A reply can still be reported to a moderator.
    assert f"/kommentar/{reply.pk}/flagg/" in html and f"/kommentar/{top.pk}/flagg/" in html


def test_no_reply_form_for_ones_own_comment_to_flag_nor_when_closed(client, consultation, resident):
    mine = CommentFactory(consultation=consultation, state="published", author=resident)
    other = CommentFactory(consultation=consultation, state="published", author=UserFactory())
    client.force_login(resident)
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert f"/kommentar/{mine.pk}/flagg/" not in html and f"/kommentar/{other.pk}/flagg/" in html
    services.close_consultation(consultation, UserFactory(username="pia", role="planner"))
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert 'name="parent"' not in html and 'class="edit-form comment-form"' not in html
    # A published comment can be reported after the consultation closed.
    assert f"/kommentar/{other.pk}/flagg/" in html
