"""/konto/mine-data/slett/: deleting my account anonymises my comments and keeps the log."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import Point
from django.test import Client
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from participation.models import Comment, Flag, ModerationAction
from participation.services import moderate
from tests.factories import CommentFactory, UserFactory

A = ModerationAction.Action
URL = "/konto/mine-data/slett/"
User = get_user_model()


def nb(text):
    """`text` as the (bokmål-first) page shows it, escaped: tests keep passing once it is translated."""
    with translation.override("nb"):
        return escape(gettext(str(text)))


@pytest.fixture
def world(db):
    kari = UserFactory(username="kari")
    moderator = UserFactory(username="mona", role="moderator")
    other = UserFactory(username="per")
    published = CommentFactory(author=kari, text="Publisert tekst", place_name="Torget",
                               location=Point(10.441, 59.831, srid=4326))
    pending = CommentFactory(author=kari, state="pending", text="Venter på moderering", place_name="Stasjonen",
                             location=Point(10.442, 59.832, srid=4326), consultation=published.consultation)
    rejected = CommentFactory(author=kari, state="pending", text="Avvist tekst", consultation=published.consultation)
    moderate(rejected, moderator, A.REJECTED, reason="spam", note="Reklame")
    ModerationAction.objects.create(comment=published, actor=kari, action=A.SUBMITTED)
    others = CommentFactory(author=other, text="Pers kommentar", consultation=published.consultation)
    Flag.objects.create(comment=others, user=kari, reason="spam")
    Flag.objects.create(comment=published, user=other, reason="other")
    return {"kari": kari, "moderator": moderator, "other": other, "published": published, "pending": pending,
            "rejected": rejected, "others": others}


@pytest.fixture
def karis_client(world):
    client = Client()
    client.force_login(world["kari"])
    return client


def snapshot():
    return (sorted(Comment.objects.values_list("pk", "author_id", "text", "place_name", "state")),
            sorted(Flag.objects.values_list("pk", "user_id")),
            sorted(ModerationAction.objects.values_list("pk", "comment_id", "actor_id", "action", "reason", "note")),
            sorted(User.objects.values_list("pk", flat=True)))


def test_get_shows_the_password_form(karis_client):
    response = karis_client.get(URL)
    assert response.status_code == 200
    assert 'type="password"' in response.content.decode()


def test_wrong_password_changes_nothing(karis_client, world):
    before = snapshot()
    response = karis_client.post(URL, {"password": "feil-passord"})
    assert response.status_code == 200
    assert nb("The password is not right.") in response.content.decode()
    assert snapshot() == before
    assert karis_client.get("/konto/mine-data/").status_code == 200  # still signed in


def test_right_password_deletes_and_anonymises(karis_client, world):
    kari = world["kari"]
    log_before = sorted(ModerationAction.objects.values_list("pk", "comment_id", "action", "reason", "note"))
    karis_pks = {e.pk for e in ModerationAction.objects.filter(actor=kari)}
    assert karis_pks

    response = karis_client.post(URL, {"password": "asker-demo"}, follow=True)

    assert response.redirect_chain == [("/", 302)]
    assert nb("Your account is deleted. Published comments stay, without your name.") in response.content.decode()
    assert not User.objects.filter(pk=kari.pk).exists()
    assert "_auth_user_id" not in karis_client.session
    assert karis_client.get("/konto/mine-data/").status_code == 302

    published = Comment.objects.get(pk=world["published"].pk)
    assert (published.author_id, published.text, published.place_name) == (None, "Publisert tekst", "Torget")
    assert published.location is not None
    rejected = Comment.objects.get(pk=world["rejected"].pk)
    assert (rejected.author_id, rejected.text, rejected.place_name, rejected.location) == (None, "", "", None)
    assert rejected.state == "rejected"
    # A comment no moderator has read is withdrawn, as Kari could have done herself, so no
    # empty comment waits in the moderation queue; the log keeps that it was withdrawn.
    assert not Comment.objects.filter(pk=world["pending"].pk).exists()
    assert ModerationAction.objects.filter(comment=None, action="withdrawn").count() == 1
    others = Comment.objects.get(pk=world["others"].pk)
    assert (others.author_id, others.text) == (world["other"].pk, "Pers kommentar")

    assert not Flag.objects.filter(user_id=kari.pk).exists()
    assert Flag.objects.filter(user=world["other"]).count() == 1
    # Nothing in the log is removed: the withdrawn comment's entries lose only their link.
    pending_pk = world["pending"].pk
    expected = sorted((pk, None if comment_id == pending_pk else comment_id, action, reason, note)
                      for pk, comment_id, action, reason, note in log_before)
    after = sorted(ModerationAction.objects.exclude(action="withdrawn").values_list(
        "pk", "comment_id", "action", "reason", "note"))
    assert after == expected
    assert not ModerationAction.objects.filter(pk__in=karis_pks, actor__isnull=False).exists()


def test_delete_needs_csrf(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["kari"])
    before = snapshot()
    assert client.post(URL, {"password": "asker-demo"}).status_code == 403
    client.cookies["csrftoken"] = "a" * 32
    assert client.post(URL, {"password": "asker-demo", "csrfmiddlewaretoken": "b" * 32}).status_code == 403
    assert snapshot() == before


def test_other_methods_are_405(karis_client, world):
    assert karis_client.put(URL).status_code == 405
    assert karis_client.delete(URL).status_code == 405
    assert User.objects.filter(pk=world["kari"].pk).exists()


def test_password_tries_are_throttled_per_account(karis_client, world):
    """Eight wrong passwords once got eight 200s: five tries in 15 minutes, then the 429 page,
    even for the right password, and nothing is deleted."""
    before = snapshot()
    answers = [karis_client.post(URL, {"password": f"gjett-{n}"}).status_code for n in range(8)]
    assert answers == [200] * 5 + [429] * 3
    response = karis_client.post(URL, {"password": "asker-demo"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert snapshot() == before
    # Another account has tries of its own.
    other = Client()
    other.force_login(world["other"])
    assert other.post(URL, {"password": "feil"}).status_code == 200
