"""Writing a comment: signed in, while open, inside the area; bad input changes nothing."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from participation import services
from participation.moderation import queue_queryset
from participation.models import Comment, CommentingBlock
from tests.factories import CommentFactory, small_square

pytestmark = pytest.mark.django_db


def post(client, consultation, **data):
    return client.post(f"{consultation.get_absolute_url()}kommenter/", data)


def test_comment_waits_for_moderation(kari, consultation):
    response = post(kari, consultation, text="Bra plan,\nmen for lite park.")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.state == "pending" and comment.author.username == "kari"
    assert comment.actions.get().action == "submitted"


def test_post_moderation_publishes_at_once(kari, consultation):
    consultation.moderation = "post"
    consultation.save()
    post(kari, consultation, text="Fint!")
    assert Comment.objects.get().state == "published"


def test_comment_with_a_map_point(kari, consultation):
    post(kari, consultation, text="Her trengs et fotgjengerfelt.", lon="10.441", lat="59.831")
    assert Comment.objects.get().location.coords == pytest.approx((10.441, 59.831))


def test_comment_with_a_place_name_from_the_gazetteer(kari, consultation, world):
    consultation.area = small_square(10.43, 59.77, 0.03)  # around Heggedal
    consultation.save()
    post(kari, consultation, text="Gjelder torget.", place="hegge")
    comment = Comment.objects.get()
    assert comment.place_name == "Heggedal" and comment.location == world["heggedal"].location


def test_reply_to_a_published_comment(kari, consultation):
    parent = CommentFactory(consultation=consultation)
    post(kari, consultation, text="Enig!", parent=str(parent.pk))
    assert Comment.objects.get(parent=parent).text == "Enig!"


def count():
    return Comment.objects.count()


@pytest.mark.parametrize("data, message", [
    ({"text": ""}, "påkrevet"),
    ({"text": "   "}, "påkrevet"),
    ({"text": "x" * 2001}, "2001"),
    ({"text": "Langt unna", "lon": "5.32", "lat": "60.39"}, "utenfor området"),
    ({"text": "Ukjent sted", "place": "Atlantis"}, "Atlantis"),
    ({"text": "Svar", "parent": "999999"}, ""),
    ({"text": "Bot", "lon": "abc"}, ""),
])
def test_bad_input_is_refused_and_nothing_saved(kari, consultation, data, message):
    before = count()
    response = post(kari, consultation, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert count() == before


def test_closed_consultation(kari, consultation):
    consultation.closes_at = timezone.now() - timedelta(minutes=1)
    consultation.opens_at = timezone.now() - timedelta(days=10)
    consultation.save()
    response = post(kari, consultation, text="For sent")
    assert response.status_code == 400 and count() == 0


def test_blocked_user(kari, consultation, resident):
    CommentingBlock.objects.create(user=resident, until=timezone.now() + timedelta(days=7), reason="spam")
    assert post(kari, consultation, text="Hei").status_code == 400
    assert count() == 0


def test_same_text_twice(kari, consultation):
    post(kari, consultation, text="Samme tekst")
    response = post(kari, consultation, text="Samme tekst")
    assert response.status_code == 400 and count() == 1


def test_rate_limit(kari, consultation, settings):
    settings.COMMENT_RATE_LIMITS = [(3600, 2)]  # an hour: no window ends during the test
    assert post(kari, consultation, text="en").status_code == 302
    assert post(kari, consultation, text="to").status_code == 302
    response = post(kari, consultation, text="tre")
    assert response.status_code == 400 and count() == 2


def test_honeypot(kari, consultation):
    response = post(kari, consultation, text="Kjøp billig", website="http://spam.example")
    assert response.status_code == 302 and count() == 0


def test_signed_out_is_sent_to_sign_in(client, consultation):
    response = post(client, consultation, text="Hei")
    assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"] and count() == 0


def test_forged_csrf(resident, consultation):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    assert post(client, consultation, text="Hei").status_code == 403 and count() == 0


def test_flag_from_the_page(client, consultation, resident):
    comment = CommentFactory(consultation=consultation)
    client.force_login(resident)
    response = client.post(f"{consultation.get_absolute_url()}kommentar/{comment.pk}/flagg/", {"reason": "spam"})
    assert response.status_code == 302 and comment.flags.get().user == resident
    client.post(f"{consultation.get_absolute_url()}kommentar/{comment.pk}/flagg/", {"reason": "nonsense"})
    assert comment.flags.count() == 1


def test_withdraw_own_pending_comment(kari, consultation, resident):
    mine = services.submit(consultation, resident, "Angrer")
    assert kari.post(f"{consultation.get_absolute_url()}kommentar/{mine.pk}/slett/").status_code == 302
    assert count() == 0


def test_author_changes_own_pending_comment(kari, consultation, resident):
    mine = services.submit(consultation, resident, "Førsteutkast")
    assert kari.post(f"{consultation.get_absolute_url()}kommentar/{mine.pk}/endre/", {"text": "Bedre tekst"}).status_code == 302
    mine.refresh_from_db()
    assert mine.text == "Bedre tekst" and mine.actions.last().action == "edited"


@pytest.mark.parametrize("state", ["published", "rejected", "hidden"])
def test_only_pending_comments_can_be_changed(kari, consultation, resident, state):
    mine = CommentFactory(consultation=consultation, author=resident, state=state, text="Fast")
    kari.post(f"{consultation.get_absolute_url()}kommentar/{mine.pk}/endre/", {"text": "Endret"})
    mine.refresh_from_db()
    assert mine.text == "Fast"


def test_nobody_changes_someone_elses_comment(kari, consultation):
    other = CommentFactory(consultation=consultation, state="published", text="Annens")
    response = kari.post(f"{consultation.get_absolute_url()}kommentar/{other.pk}/endre/", {"text": "Kapret"})
    other.refresh_from_db()
    assert response.status_code == 302 and other.text == "Annens"
    assert "bare endre din egen" in kari.get(consultation.get_absolute_url()).content.decode()


def page(response):
    """The page without what differs on every answer (the masked CSRF token)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


@pytest.mark.parametrize("state", ["pending", "rejected", "hidden"])
@pytest.mark.parametrize("action, data", [("endre", {"text": "Kapret"}), ("slett", {}), ("flagg", {"reason": "spam"})])
def test_someone_elses_unpublished_comment_answers_as_if_it_did_not_exist(kari, consultation, action, data, state):
    # Its id must not tell that it exists: the same 404 as an id no comment has, and a flag
    # never puts it in the moderation queue.
    other = CommentFactory(consultation=consultation, state=state, text="Annens")
    queued = set(queue_queryset().values_list("pk", flat=True))
    base = consultation.get_absolute_url()
    unknown = kari.post(f"{base}kommentar/999999/{action}/", data)
    response = kari.post(f"{base}kommentar/{other.pk}/{action}/", data)
    assert unknown.status_code == response.status_code == 404
    assert page(response).replace(f"/{other.pk}/", "/999999/") == page(unknown)
    other.refresh_from_db()
    assert other.text == "Annens" and other.state == state and not other.flags.exists()
    assert set(queue_queryset().values_list("pk", flat=True)) == queued


@pytest.mark.parametrize("state", ["pending", "rejected", "hidden"])
def test_the_service_refuses_a_flag_on_an_unpublished_comment(consultation, resident, state):
    other = CommentFactory(consultation=consultation, state=state)
    with pytest.raises(services.Refused):
        services.flag(other, resident, "spam")
    assert not other.flags.exists()


def test_empty_change_is_refused(kari, consultation, resident):
    mine = services.submit(consultation, resident, "Tekst")
    kari.post(f"{consultation.get_absolute_url()}kommentar/{mine.pk}/endre/", {"text": "  "})
    mine.refresh_from_db()
    assert mine.text == "Tekst"


def test_links_in_comments_are_safe_links(client, consultation):
    CommentFactory(consultation=consultation, text="Se https://www.asker.kommune.no/ og javascript:alert(1)")
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert '<a href="https://www.asker.kommune.no/" rel="nofollow">' in html
    assert 'href="javascript' not in html


def test_commenting_works_with_the_cache_down_and_the_limit_still_holds(kari, consultation, settings):
    # A real Redis client pointed at a port where nothing listens (the settings fixture
    # resets Django's cache handlers): the limit is counted in the database, so it still applies.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0"}}
    settings.COMMENT_RATE_LIMITS = [(3600, 2)]
    assert post(kari, consultation, text="Redis er nede, men jeg blir hørt.").status_code == 302
    assert post(kari, consultation, text="Redis er nede, to.").status_code == 302
    response = post(kari, consultation, text="Redis er nede, tre.")
    assert response.status_code == 400
    assert Comment.objects.filter(text__startswith="Redis er nede").count() == 2
