"""The moderation queue (/moderering/): who sees it, what is in it, in which order, and bulk decisions."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from asker import roles
from participation.models import Comment, Flag, ModerationAction
from tests.factories import (
    ALL_ROLES,
    CommentFactory,
    ConsultationFactory,
    UserFactory,
    login_as,
)

pytestmark = pytest.mark.django_db

ALLOWED = {roles.MODERATOR, roles.ADMINISTRATOR}


def written(comment, ago):
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - ago)
    return comment


def flag(comment, reason="spam", ago=None, settled=False):
    f = Flag.objects.create(comment=comment, user=UserFactory(), reason=reason,
                            settled_at=timezone.now() if settled else None)
    if ago is not None:
        Flag.objects.filter(pk=f.pk).update(created_at=timezone.now() - ago)
    return f


def queue_ids(response):
    return [c.pk for c in response.context["page"].object_list]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_queue_by_role(client, role):
    CommentFactory(state="pending", text="Venter på svar")
    response = login_as(client, role).get("/moderering/")
    if role in ALLOWED:
        assert response.status_code == 200
        assert "Venter på svar" in response.content.decode()
    else:
        if role is None:
            assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")
        else:
            assert response.status_code == 403
        assert "Venter på svar" not in response.content.decode()


def test_queue_holds_pending_and_unsettled_flags_only(mod_client):
    pending = CommentFactory(state="pending")
    flagged = CommentFactory(state="published")
    flag(flagged, "offensive")
    flag(flagged, "spam")
    auto_hidden = CommentFactory(state="hidden")
    flag(auto_hidden, "personal_data")
    settled = CommentFactory(state="published")
    flag(settled, settled=True)
    quiet = CommentFactory(state="published")
    rejected = CommentFactory(state="rejected")
    response = mod_client.get("/moderering/")
    ids = queue_ids(response)
    assert set(ids) == {pending.pk, flagged.pk, auto_hidden.pk}
    assert settled.pk not in ids and quiet.pk not in ids and rejected.pk not in ids
    row = next(c for c in response.context["page"].object_list if c.pk == flagged.pk)
    assert row.flag_count == 2
    assert len(row.flag_reasons) == 2
    html = response.content.decode()
    assert all(reason in html for reason in row.flag_reasons)


def test_oldest_first_and_age_of_the_oldest(mod_client):
    new = written(CommentFactory(state="pending"), timedelta(minutes=5))
    old = written(CommentFactory(state="pending"), timedelta(hours=3))
    # Written long ago, but only flagged an hour ago: it has waited for an hour.
    flagged = written(CommentFactory(state="published"), timedelta(days=30))
    flag(flagged, ago=timedelta(hours=1))
    response = mod_client.get("/moderering/")
    assert queue_ids(response) == [old.pk, flagged.pk, new.pk]
    oldest = response.context["oldest"]
    assert timedelta(hours=2, minutes=59) < timezone.now() - oldest < timedelta(hours=3, minutes=1)
    assert "3" in response.content.decode().split('class="oldest"')[1][:200]


def test_filters(mod_client):
    c1, c2 = ConsultationFactory(), ConsultationFactory()
    a = CommentFactory(consultation=c1, state="pending")
    b = CommentFactory(consultation=c2, state="published")
    flag(b, "off_topic")
    c = CommentFactory(consultation=c2, state="hidden")
    flag(c, "spam")
    assert queue_ids(mod_client.get("/moderering/", {"consultation": c1.pk})) == [a.pk]
    assert set(queue_ids(mod_client.get("/moderering/", {"consultation": c2.pk}))) == {b.pk, c.pk}
    assert queue_ids(mod_client.get("/moderering/", {"state": "published"})) == [b.pk]
    assert queue_ids(mod_client.get("/moderering/", {"state": "hidden"})) == [c.pk]
    assert queue_ids(mod_client.get("/moderering/", {"reason": "off_topic"})) == [b.pk]
    # Nonsense filters are ignored rather than failing.
    assert mod_client.get("/moderering/", {"state": "bogus", "consultation": "x"}).status_code == 200


def test_paging_by_25(mod_client):
    consultation = ConsultationFactory()
    CommentFactory.create_batch(30, consultation=consultation, state="pending")
    first = mod_client.get("/moderering/")
    assert len(queue_ids(first)) == 25
    second = mod_client.get("/moderering/", {"side": 2})
    assert len(queue_ids(second)) == 5
    assert second.context["oldest"] == first.context["oldest"]


@pytest.mark.parametrize("n", [5, 100])
def test_bounded_queries(mod_client, django_assert_max_num_queries, n):
    for i in range(n):
        comment = CommentFactory(state="pending" if i % 2 else "published")
        flag(comment, "spam" if i % 3 else "offensive")
    with django_assert_max_num_queries(9):
        response = mod_client.get("/moderering/")
    assert response.status_code == 200


def test_text_is_escaped(mod_client):
    CommentFactory(state="pending", text="<b>fet</b>\nlinje to")
    html = mod_client.get("/moderering/").content.decode()
    assert "<b>fet</b>" not in html and "&lt;b&gt;fet&lt;/b&gt;<br>linje to" in html


# Bulk decisions

def test_bulk_approve(mod_client, moderator):
    pending = CommentFactory.create_batch(3, state="pending")
    flagged = CommentFactory(state="published")
    f = flag(flagged)
    response = mod_client.post("/moderering/behandle/",
                               {"comments": [c.pk for c in pending] + [flagged.pk], "action": "approve"}, follow=True)
    assert response.status_code == 200
    assert set(Comment.objects.filter(pk__in=[c.pk for c in pending]).values_list("state", flat=True)) == {"published"}
    f.refresh_from_db()
    assert f.settled_at is not None
    assert ModerationAction.objects.filter(action="approved", actor=moderator).count() == 4
    assert queue_ids(mod_client.get("/moderering/")) == []


def test_bulk_reject_needs_a_reason(mod_client):
    comments = CommentFactory.create_batch(2, state="pending")
    ids = [c.pk for c in comments]
    response = mod_client.post("/moderering/behandle/", {"comments": ids, "action": "reject"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    response = mod_client.post("/moderering/behandle/", {"comments": ids, "action": "reject", "reason": "nonsense"})
    assert response.status_code == 400
    assert set(Comment.objects.filter(pk__in=ids).values_list("state", flat=True)) == {"pending"}
    assert not ModerationAction.objects.exists()


def test_bulk_reject_reports_refused_items_and_does_the_rest(mod_client, mailoutbox,
                                                             django_capture_on_commit_callbacks):
    ok = CommentFactory.create_batch(2, state="pending")
    published = CommentFactory(state="published")
    flag(published)
    with django_capture_on_commit_callbacks(execute=True):
        response = mod_client.post("/moderering/behandle/", {
            "comments": [c.pk for c in ok] + [published.pk], "action": "reject", "reason": "spam", "note": "Reklame",
        }, follow=True)
    assert response.status_code == 200
    assert set(Comment.objects.filter(pk__in=[c.pk for c in ok]).values_list("state", flat=True)) == {"rejected"}
    published.refresh_from_db()
    assert published.state == "published"
    levels = sorted(m.level_tag for m in response.context["messages"])
    assert levels == ["error", "success"]
    assert len(mailoutbox) == 2
    assert list(ModerationAction.objects.order_by().values_list("action", "reason", "note").distinct()) == [
        ("rejected", "spam", "Reklame")]


@pytest.mark.parametrize("data", [
    {"action": "approve"},
    {"comments": ["999999"], "action": "approve"},
    {"comments": ["abc"], "action": "approve"},
    {"comments": ["1"], "action": "delete"},
])
def test_bulk_bad_input(mod_client, data):
    comment = CommentFactory(state="pending")
    data = {k: [str(comment.pk)] if v == ["1"] else v for k, v in data.items()}
    assert mod_client.post("/moderering/behandle/", data).status_code == 400
    comment.refresh_from_db()
    assert comment.state == "pending"


@pytest.mark.parametrize("role", ALL_ROLES)
def test_bulk_by_role(client, role):
    comment = CommentFactory(state="pending")
    response = login_as(client, role).post("/moderering/behandle/", {"comments": [comment.pk], "action": "approve"})
    comment.refresh_from_db()
    if role in ALLOWED:
        assert response.status_code == 302 and comment.state == "published"
    else:
        assert response.status_code == (302 if role is None else 403)
        assert comment.state == "pending"


def test_bulk_forged_csrf(moderator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    comment = CommentFactory(state="pending")
    response = client.post("/moderering/behandle/", {"comments": [comment.pk], "action": "approve"})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.state == "pending"
