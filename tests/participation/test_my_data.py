"""/konto/mine-data/: my comments with the moderators' reasons, second review, JSON export."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.gis.geos import Point
from django.test import Client
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from participation.models import Comment, CommentingBlock, Flag, ModerationAction
from participation.services import moderate
from tests.factories import CommentFactory, UserFactory

A = ModerationAction.Action
R = ModerationAction.Reason
INDEX = "/konto/mine-data/"
EXPORT = "/konto/mine-data/eksport/"


def nb(text):
    """`text` as the (bokmål-first) page shows it, escaped: tests keep passing once it is translated."""
    with translation.override("nb"):
        return escape(gettext(str(text)))


def review_url(comment):
    return f"/konto/mine-data/kommentar/{comment.pk}/ny-vurdering/"


@pytest.fixture
def kari(db):
    return UserFactory(username="kari", first_name="Kari", last_name="Nordmann", role="resident")


@pytest.fixture
def moderator(db):
    return UserFactory(username="mona-moderator", first_name="Mona", last_name="Moderatorsen", role="moderator")


@pytest.fixture
def karis_client(kari):
    client = Client()
    client.force_login(kari)
    return client


@pytest.fixture
def rejected(kari, moderator):
    comment = CommentFactory(author=kari, state="pending", text="Kari sin avviste kommentar")
    moderate(comment, moderator, A.REJECTED, reason=R.OFF_TOPIC, note="Skriv om planen")
    comment.refresh_from_db()
    return comment


def test_anonymous_is_sent_to_sign_in(client, db):
    for url in (INDEX, EXPORT, "/konto/mine-data/slett/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/konto/logg-inn/?next={url}"


def test_lists_my_comments_with_reasons_never_others(karis_client, kari, moderator, rejected):
    published = CommentFactory(author=kari, text="Kari sin publiserte kommentar")
    hidden = CommentFactory(author=kari, text="Kari sin skjulte kommentar")
    moderate(hidden, moderator, A.HIDDEN, reason=R.PERSONAL_DATA, note="Navn på naboen")
    other = CommentFactory(consultation=published.consultation, text="Noen andres kommentar")

    html = karis_client.get(INDEX).content.decode()

    for comment in (published, hidden, rejected):
        assert comment.text in html
        assert comment.consultation.title in html
    for label in (Comment.State.PUBLISHED.label, Comment.State.REJECTED.label, Comment.State.HIDDEN.label,
                  R.OFF_TOPIC.label, R.PERSONAL_DATA.label):
        assert nb(label) in html
    assert "Skriv om planen" in html and "Navn på naboen" in html
    assert other.text not in html
    assert "Mona" not in html and moderator.username not in html
    assert html.count(nb("Ask for a second review")) == 2


def test_second_review_once(karis_client, rejected):
    response = karis_client.post(review_url(rejected), follow=True)
    assert nb("You have asked for a second review. A moderator will look at the comment again.") in response.content.decode()
    rejected.refresh_from_db()
    first_request = rejected.second_review_requested_at
    assert first_request is not None
    assert rejected.actions.filter(action=A.REVIEW_REQUESTED).count() == 1

    response = karis_client.post(review_url(rejected), follow=True)
    assert nb("You have already asked for a second review of this comment.") in response.content.decode()
    rejected.refresh_from_db()
    assert rejected.second_review_requested_at == first_request
    assert rejected.actions.filter(action=A.REVIEW_REQUESTED).count() == 1


def test_second_review_of_published_comment_refused(karis_client, kari):
    comment = CommentFactory(author=kari)
    response = karis_client.post(review_url(comment), follow=True)
    assert nb("Only a rejected or hidden comment can be reviewed again.") in response.content.decode()
    comment.refresh_from_db()
    assert comment.second_review_requested_at is None
    assert not comment.actions.exists()


def test_second_review_of_someone_elses_comment_is_404(karis_client, moderator):
    comment = CommentFactory(state="pending")
    moderate(comment, moderator, A.REJECTED, reason=R.SPAM)
    assert karis_client.post(review_url(comment)).status_code == 404
    comment.refresh_from_db()
    assert comment.second_review_requested_at is None


def test_second_review_needs_post_and_csrf(kari, rejected):
    client = Client(enforce_csrf_checks=True)
    client.force_login(kari)
    assert client.get(review_url(rejected)).status_code == 405
    assert client.post(review_url(rejected)).status_code == 403
    client.cookies["csrftoken"] = "a" * 32
    assert client.post(review_url(rejected), {"csrfmiddlewaretoken": "b" * 32}).status_code == 403
    rejected.refresh_from_db()
    assert rejected.second_review_requested_at is None


def test_export_post_is_405(karis_client):
    assert karis_client.post(EXPORT).status_code == 405


def test_export_exact(karis_client, kari, moderator, rejected):
    Group.objects.get_or_create(name="organisation_representative")[0].user_set.add(kari)
    published = CommentFactory(author=kari, text="Fin plan, ærlig talt", location=Point(10.441, 59.831, srid=4326),
                               place_name="Asker torg", consultation=rejected.consultation)
    someone = UserFactory(username="per", email="per@example.org")
    others_comment = CommentFactory(author=someone, text="Pers hemmelighet", consultation=rejected.consultation)
    flag = Flag.objects.create(comment=others_comment, user=kari, reason="spam", note="Reklame")
    Flag.objects.create(comment=published, user=someone, reason="other", note="Pers flagg")
    block = CommentingBlock.objects.create(user=kari, until=timezone.now() + timedelta(days=3), reason="spam",
                                           note="Mange like", created_by=moderator)
    CommentingBlock.objects.create(user=someone, until=timezone.now() + timedelta(days=9), reason="illegal")
    kari.refresh_from_db()
    log = list(ModerationAction.objects.filter(comment=rejected).order_by("created_at", "pk"))
    assert [entry.action for entry in log] == [A.REJECTED]

    response = karis_client.get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="mine-data.json"'
    body = response.content.decode("utf-8")
    consultation = {"title": rejected.consultation.title, "slug": rejected.consultation.slug}
    assert json.loads(body) == {
        "account": {
            "username": "kari", "email": "kari@example.org", "first_name": "Kari", "last_name": "Nordmann",
            "date_joined": kari.date_joined.isoformat(), "groups": ["organisation_representative", "resident"],
        },
        "comments": [
            {"id": rejected.pk, "text": "Kari sin avviste kommentar", "state": "rejected",
             "created_at": rejected.created_at.isoformat(), "consultation": consultation, "location": None,
             "place_name": "", "reply_to": None, "second_review_requested_at": None},
            {"id": published.pk, "text": "Fin plan, ærlig talt", "state": "published",
             "created_at": published.created_at.isoformat(), "consultation": consultation,
             "location": [10.441, 59.831], "place_name": "Asker torg", "reply_to": None,
             "second_review_requested_at": None},
        ],
        "flags": [{"comment": others_comment.pk, "reason": "spam", "note": "Reklame",
                   "created_at": flag.created_at.isoformat(), "settled_at": None}],
        "moderation_log": [{"comment": rejected.pk, "action": "rejected", "reason": "off_topic", "params": {},
                            "note": "Skriv om planen", "legacy_text": "", "created_at": log[0].created_at.isoformat()}],
        "commenting_blocks": [{"until": block.until.isoformat(), "reason": "spam", "note": "Mange like",
                               "created_at": block.created_at.isoformat()}],
        # The other apps' parts (asker.personaldata): nothing there for this user.
        "events": [],
        "stedskompasset": [],
        "volunteering": [],
    }
    for foreign in ("per@example.org", "Pers", "mona", "Mona", "illegal"):
        assert foreign not in body


def test_second_review_note_is_kept(karis_client, rejected):
    karis_client.post(review_url(rejected), {"note": "  Jeg skrev om planen.  "})
    assert rejected.actions.get(action=A.REVIEW_REQUESTED).note == "Jeg skrev om planen."


def test_second_review_note_over_the_limit_is_refused_and_changes_nothing(karis_client, rejected):
    response = karis_client.post(review_url(rejected), {"note": "x" * 1001}, follow=True)
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1 and "1001" in errors[0]
    rejected.refresh_from_db()
    assert rejected.second_review_requested_at is None
    assert not rejected.actions.filter(action=A.REVIEW_REQUESTED).exists()


def test_second_review_note_with_a_nul_byte_is_a_400_and_changes_nothing(karis_client, rejected):
    assert karis_client.post(review_url(rejected), {"note": "a\x00b"}).status_code == 400
    rejected.refresh_from_db()
    assert rejected.second_review_requested_at is None


def test_the_second_review_form_has_a_note_field(karis_client, rejected):
    html = karis_client.get(INDEX).content.decode()
    assert f'id="review-note-{rejected.pk}"' in html and 'maxlength="1000"' in html
