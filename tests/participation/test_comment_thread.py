"""A comment's own page (/medvirkning/<slug>/kommentar/<pk>/): the comment with all its replies,
paged. The consultation's pages show only the first replies of each thread and link here, so a
thread of a thousand replies cannot make them heavy; every comment's address is in its thread."""

import pytest
from django.utils import timezone

from participation.models import REPLIES_PER_PAGE, REPLIES_SHOWN, Comment, Flag
from tests.factories import CommentFactory, ConsultationFactory, UserFactory

pytestmark = pytest.mark.django_db


def thread_url(comment, query=""):
    return f"{comment.consultation.get_absolute_url()}kommentar/{comment.pk}/{query}"


def replies(top, n, state="published"):
    """n replies to `top`, a second apart, in the order they were written."""
    start = timezone.now() - timezone.timedelta(days=1)
    made = Comment.objects.bulk_create([
        Comment(consultation=top.consultation, parent=top, text=f"svar {i}", state=state)
        for i in range(n)])
    for i, reply in enumerate(made):
        Comment.objects.filter(pk=reply.pk).update(created_at=start + timezone.timedelta(seconds=i))
    return list(Comment.objects.filter(pk__in=[r.pk for r in made]).order_by("created_at", "pk"))


def test_the_consultation_page_shows_the_first_replies_and_links_to_the_rest(client, consultation):
    top = CommentFactory(consultation=consultation, text="Hovedinnspill")
    made = replies(top, 120)
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert html.count('class="comment reply"') == REPLIES_SHOWN
    assert "svar 0" in html and f"svar {REPLIES_SHOWN}" not in html
    assert f'<a href="{thread_url(top)}">Se alle 120 svar</a>' in html
    # A thread without more replies than are shown has no such link.
    lone = CommentFactory(consultation=consultation)
    replies(lone, REPLIES_SHOWN)
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert thread_url(lone) not in html and html.count('class="comment reply"') == 2 * REPLIES_SHOWN
    assert made[0].pk


def test_the_thread_pages_its_replies(client, consultation):
    top = CommentFactory(consultation=consultation, text="Hovedinnspill")
    made = replies(top, REPLIES_PER_PAGE * 2 + 20)
    first = client.get(thread_url(top))
    assert first.status_code == 200
    html = first.content.decode()
    assert "Hovedinnspill" in html and html.count('class="comment reply"') == REPLIES_PER_PAGE
    assert "120 svar" in html and "svar 1–50 vises" in html and "Side 1 av 3" in html
    last = client.get(thread_url(top, "?side=3")).content.decode()
    assert last.count('class="comment reply"') == 20 and f'id="kommentar-{made[-1].pk}"' in last


@pytest.mark.parametrize("side", ["abc", "0", "-1", "999999", "1" * 400])
def test_a_bad_page_number_gives_a_page(client, consultation, side):
    top = CommentFactory(consultation=consultation)
    replies(top, REPLIES_PER_PAGE + 1)
    response = client.get(thread_url(top, f"?side={side}"))
    assert response.status_code == 200 and 'class="comment reply"' in response.content.decode()
    # A control character in the address is the portal's 400 page, as everywhere.
    assert client.get(thread_url(top, "?side=2%00")).status_code == 400


def test_every_reply_links_to_its_page_of_the_thread(client, consultation):
    top = CommentFactory(consultation=consultation)
    made = replies(top, REPLIES_PER_PAGE + 5)
    for reply, page in ((made[0], 1), (made[REPLIES_PER_PAGE - 1], 1), (made[REPLIES_PER_PAGE], 2), (made[-1], 2)):
        url = reply.get_absolute_url()
        query = "" if page == 1 else f"?side={page}"
        assert url == f"{thread_url(top, query)}#kommentar-{reply.pk}"
        assert f'id="kommentar-{reply.pk}"' in client.get(url).content.decode()
    # Waiting and hidden replies take no place in the count.
    replies(top, 10, state="pending")
    assert made[-1].get_absolute_url().startswith(thread_url(top, "?side=2"))
    assert top.get_absolute_url() == f"{thread_url(top)}#kommentar-{top.pk}"


@pytest.mark.parametrize("state", ["pending", "rejected", "hidden"])
def test_a_comment_that_is_not_published_has_no_thread(client, consultation, state):
    top = CommentFactory(consultation=consultation, state=state)
    assert client.get(thread_url(top)).status_code == 404


def test_a_reply_is_no_thread_and_an_unknown_or_foreign_id_is_404(client, consultation):
    top = CommentFactory(consultation=consultation)
    reply = CommentFactory(consultation=consultation, parent=top)
    other = CommentFactory(consultation=ConsultationFactory(municipality=consultation.municipality, slug="annen"))
    assert client.get(thread_url(reply)).status_code == 404
    assert client.get(f"{consultation.get_absolute_url()}kommentar/{other.pk}/").status_code == 404
    assert client.get(f"{consultation.get_absolute_url()}kommentar/99999999/").status_code == 404


def test_a_consultation_about_a_confidential_project_shows_no_thread(client, world):
    consultation = ConsultationFactory(municipality=world["heggedal"].municipality, plan=None,
                                       project=world["secret"], slug="hemmelig")
    top = CommentFactory(consultation=consultation)
    assert client.get(thread_url(top)).status_code == 404
    planner = UserFactory(username="pia", role="planner")
    client.force_login(planner)
    assert client.get(thread_url(top)).status_code == 200


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "resident"])
@pytest.mark.parametrize("count", [5, 500])
def test_queries_do_not_grow_with_replies(client, consultation, resident, signed_in, count,
                                          django_assert_max_num_queries):
    top = CommentFactory(consultation=consultation)
    made = replies(top, count)
    if signed_in:
        Flag.objects.create(comment=made[0], user=resident, reason="spam")
        client.force_login(resident)
    with django_assert_max_num_queries(12 if signed_in else 8):
        response = client.get(thread_url(top))
    assert response.status_code == 200
    assert response.content.decode().count('class="comment reply"') == min(count, REPLIES_PER_PAGE)
    # The consultation's page, too, whatever the length of its threads.
    with django_assert_max_num_queries(15 if signed_in else 9):
        response = client.get(consultation.get_absolute_url())
    assert response.status_code == 200


def test_a_reply_sent_goes_to_its_place_in_the_thread(kari, consultation):
    consultation.moderation = "post"
    consultation.save()
    top = CommentFactory(consultation=consultation)
    replies(top, REPLIES_PER_PAGE)
    response = kari.post(f"{consultation.get_absolute_url()}kommenter/", {"text": "Mitt svar", "parent": top.pk})
    assert response.status_code == 302
    new = Comment.objects.get(text="Mitt svar")
    assert response["Location"] == f"{thread_url(top, '?side=2')}#kommentar-{new.pk}"
    assert "Mitt svar" in kari.get(response["Location"]).content.decode()


def test_flagging_from_the_thread_goes_back_to_the_thread(kari, consultation):
    top = CommentFactory(consultation=consultation)
    reply = replies(top, 1)[0]
    html = kari.get(thread_url(top)).content.decode()
    assert 'name="traad" value="1"' in html
    url = f"{consultation.get_absolute_url()}kommentar/{reply.pk}/flagg/"
    response = kari.post(url, {"reason": "spam", "traad": "1"})
    assert response.status_code == 302 and response["Location"] == f"{thread_url(top)}#kommentar-{reply.pk}"
    # A bad reason from the thread: back to the thread with the message, nothing kept.
    top_flag = f"{consultation.get_absolute_url()}kommentar/{top.pk}/flagg/"
    response = kari.post(top_flag, {"reason": "tull", "traad": "1"})
    assert response["Location"] == f"{thread_url(top)}#kommentar-{top.pk}"
    assert kari.post(top_flag, {"reason": "\x00", "traad": "1"}).status_code == 400
    assert Flag.objects.filter(comment=top).count() == 0


def test_english_thread_page(client, consultation):
    top = CommentFactory(consultation=consultation, author=UserFactory(username="ola"))
    replies(top, 2)
    response = client.get(f"/en{thread_url(top)}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Comment by" in html and "2 replies" in html and "All comments in the consultation" in html
