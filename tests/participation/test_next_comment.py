"""After a decision the moderator goes on to the next comment of the queue, in the queue's
order (the longest waiting first); back to the queue with a message when none is left. A
refused decision, or one that cannot be read, stays on the comment."""

from datetime import timedelta

import pytest
from django.utils import timezone

from participation.models import Comment, Flag
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


def page(comment):
    return f"/moderering/kommentar/{comment.pk}/"


def waited(comment, hours):
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(hours=hours))
    return comment


def flagged(hours):
    """A published comment written long ago, flagged `hours` ago: it waits from its flag."""
    comment = waited(CommentFactory(state="published"), 100)
    flag = Flag.objects.create(comment=comment, user=UserFactory(), reason="spam")
    Flag.objects.filter(pk=flag.pk).update(created_at=timezone.now() - timedelta(hours=hours))
    return comment


@pytest.fixture
def queue():
    """In the queue's order: pending 5 h, flagged 4 h, pending 3 h, pending 1 h."""
    return [waited(CommentFactory(state="pending"), 5), flagged(4),
            waited(CommentFactory(state="pending"), 3), waited(CommentFactory(state="pending"), 1)]


def messages_of(response):
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


def test_the_next_one_in_the_queues_order(mod_client, queue):
    first, flagged_one, third, last = queue
    response = mod_client.post(f"{page(first)}godkjenn/")
    assert response.status_code == 302 and response["Location"] == page(flagged_one)
    # Keeping a flagged comment settles its flags; on to the next.
    response = mod_client.post(f"{page(flagged_one)}godkjenn/")
    assert response["Location"] == page(third)
    response = mod_client.post(f"{page(third)}avvis/", {"reject-reason": "spam"}, follow=True)
    assert response.status_code == 200 and response.context["comment"] == last
    assert messages_of(response)[-1] == ("success", f"Kommentar {third.pk} er avvist. Forfatteren har fått beskjed.")


def test_from_the_middle_on_to_the_next_then_back_to_the_start(mod_client, queue):
    first, flagged_one, third, last = queue
    assert mod_client.post(f"{page(third)}godkjenn/")["Location"] == page(last)
    # The last one of the queue: the longest waiting one that is left comes next.
    assert mod_client.post(f"{page(last)}godkjenn/")["Location"] == page(first)


def test_a_comment_outside_the_queue_goes_on_to_the_longest_waiting(mod_client, queue):
    rejected = CommentFactory(state="rejected")
    assert mod_client.post(f"{page(rejected)}gjenopprett/")["Location"] == page(queue[0])
    assert Comment.objects.get(pk=rejected.pk).state == "published"


def test_none_left_back_to_the_queue_with_a_message(mod_client):
    only = CommentFactory(state="pending")
    response = mod_client.post(f"{page(only)}godkjenn/", follow=True)
    assert response.redirect_chain == [("/moderering/", 302)]
    assert messages_of(response) == [("success", f"Kommentar {only.pk} er godkjent."),
                                     ("info", "Ingen flere kommentarer venter på moderering.")]


def test_in_english_the_messages_are_english(mod_client):
    only = CommentFactory(state="pending")
    response = mod_client.post(f"/en{page(only)}godkjenn/", follow=True)
    assert response.redirect_chain == [("/en/moderering/", 302)]
    assert messages_of(response) == [("success", f"Comment {only.pk} is approved."),
                                     ("info", "No more comments wait for moderation.")]


def test_a_refused_decision_stays_on_the_comment(mod_client, queue):
    first = queue[0]
    mod_client.post(f"{page(first)}avvis/", {"reject-reason": "spam"})
    # The same comment decided again (a second tab): refused, nothing changes, no moving on.
    response = mod_client.post(f"{page(first)}godkjenn/")
    assert response.status_code == 302 and response["Location"] == page(first)
    assert Comment.objects.get(pk=first.pk).state == "rejected"
    assert list(first.actions.values_list("action", flat=True)) == ["rejected"]


def test_a_form_error_stays_on_the_comment(mod_client, queue):
    first = queue[0]
    response = mod_client.post(f"{page(first)}avvis/", {"reject-reason": "nonsense"})
    assert response.status_code == 400 and response.context["comment"] == first
    assert Comment.objects.get(pk=first.pk).state == "pending"


def test_blocking_the_author_is_not_a_decision(mod_client, queue):
    first = queue[0]
    response = mod_client.post(f"{page(first)}blokker/", {"block-days": "3", "block-reason": "spam"})
    assert response["Location"] == page(first)
