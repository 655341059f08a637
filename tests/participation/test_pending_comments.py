"""A resident's waiting comments on the consultation page: shown as comments marked as waiting,
with "Endre" (a page of its own) and "Slett" (a page that asks first). Other people's attempts
answer 404 (a comment they cannot see) or are refused, and change nothing."""

import pytest
from django.contrib.gis.geos import Point

from participation import services
from participation.models import Comment
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mine(consultation, resident):
    return services.submit(consultation, resident, "Venter på svar", location=Point(10.441, 59.831, srid=4326))


def edit_url(comment):
    return f"{comment.consultation.get_absolute_url()}kommentar/{comment.pk}/endre/"


def delete_url(comment):
    return f"{comment.consultation.get_absolute_url()}kommentar/{comment.pk}/slett/"


def test_a_waiting_comment_is_shown_as_a_comment_with_its_actions(kari, consultation, mine):
    html = kari.get(consultation.get_absolute_url()).content.decode()
    start = html.index(f'id="kommentar-{mine.pk}"')
    article = html[html.rindex("<article", 0, start):html.index("</article>", start)]
    assert 'class="comment pending"' in article and "Venter på moderering" in article
    assert "Venter på svar" in article and "nær Heggedal hage" in article
    assert f'href="{edit_url(mine)}">Endre' in article and f'href="{delete_url(mine)}">Slett' in article
    # No edit form above the comment form any more.
    assert 'name="text" id="edit-' not in html and "Dine kommentarer som venter på moderering" in html


def test_a_waiting_reply_says_what_it_answers(kari, consultation, resident):
    top = CommentFactory(consultation=consultation, author=UserFactory(username="ola"))
    reply = services.submit(consultation, resident, "Enig", parent=top)
    html = kari.get(consultation.get_absolute_url()).content.decode()
    thread = f"/medvirkning/{consultation.slug}/kommentar/{top.pk}/#kommentar-{top.pk}"
    assert f'<a href="{thread}">Svar til ola</a>' in html and f'id="kommentar-{reply.pk}"' in html


def test_others_see_no_waiting_comment(client, consultation, mine):
    client.force_login(UserFactory(username="ola"))
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert "Venter på svar" not in html and edit_url(mine) not in html


def test_no_actions_once_the_consultation_closed_but_the_comment_still_shows(kari, consultation, mine):
    services.close_consultation(consultation, UserFactory(username="pia", role="planner"))
    html = kari.get(consultation.get_absolute_url()).content.decode()
    assert "Venter på svar" in html and edit_url(mine) not in html
    assert delete_url(mine) in html  # taking one's own comment back is always allowed


def test_the_edit_page_changes_the_text_and_removes_the_place(kari, mine):
    page = kari.get(edit_url(mine))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Venter på svar</textarea>" in html and "Sted: nær Heggedal hage" in html
    response = kari.post(edit_url(mine), {"text": "Nytt innhold", "remove_place": "on"})
    assert response.status_code == 302 and response["Location"].endswith(f"#kommentar-{mine.pk}")
    mine.refresh_from_db()
    assert (mine.text, mine.location, mine.place_name) == ("Nytt innhold", None, "")
    assert mine.actions.last().action == "edited"


def test_removing_the_place_alone_is_a_change(kari, mine):
    assert kari.post(edit_url(mine), {"text": mine.text, "remove_place": "on"}).status_code == 302
    mine.refresh_from_db()
    assert mine.location is None and mine.actions.last().action == "edited"


@pytest.mark.parametrize("data", [{"text": ""}, {"text": "x" * 2001}, {}, {"text": "   ", "remove_place": "on"}])
def test_bad_input_on_the_edit_page_is_shown_there_and_changes_nothing(kari, mine, data):
    response = kari.post(edit_url(mine), data)
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    mine.refresh_from_db()
    assert mine.text == "Venter på svar" and mine.location is not None
    assert list(mine.actions.values_list("action", flat=True)) == ["submitted"]


@pytest.mark.parametrize("url", [edit_url, delete_url])
@pytest.mark.parametrize("method", ["get", "post"])
def test_someone_elses_waiting_comment_is_a_404(client, mine, url, method):
    client.force_login(UserFactory(username="ola"))
    response = getattr(client, method)(url(mine), {"text": "Kapret"})
    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.text == "Venter på svar"


@pytest.mark.parametrize("url", [edit_url, delete_url])
def test_someone_elses_published_comment_is_refused(client, consultation, url):
    other = CommentFactory(consultation=consultation, text="Annens")
    client.force_login(UserFactory(username="ola"))
    for method in ("get", "post"):
        response = getattr(client, method)(url(other), {"text": "Kapret"})
        assert response.status_code == 302 and response["Location"] == consultation.get_absolute_url()
    other.refresh_from_db()
    assert other.text == "Annens"
    assert "bare" in client.get(consultation.get_absolute_url()).content.decode()


@pytest.mark.parametrize("url", [edit_url, delete_url])
def test_signed_out_is_sent_to_sign_in(client, mine, url):
    response = client.get(url(mine))
    assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]
    assert Comment.objects.filter(pk=mine.pk, text="Venter på svar").exists()


def test_the_delete_page_asks_first(kari, consultation, mine):
    page = kari.get(delete_url(mine))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Vil du slette kommentaren?" in html and "Venter på svar" in html
    assert Comment.objects.filter(pk=mine.pk).exists()  # looking deletes nothing
    response = kari.post(delete_url(mine))
    assert response.status_code == 302 and response["Location"].startswith(consultation.get_absolute_url())
    assert not Comment.objects.filter(pk=mine.pk).exists()
    assert "Kommentaren din er slettet." in kari.get(consultation.get_absolute_url()).content.decode()


def test_a_deleted_comment_cannot_be_deleted_or_changed_again(kari, mine):
    kari.post(delete_url(mine))
    assert kari.post(delete_url(mine)).status_code == 404
    assert kari.get(edit_url(mine)).status_code == 404


def test_a_published_own_comment_cannot_be_changed_or_deleted(kari, consultation, resident):
    mine = CommentFactory(consultation=consultation, author=resident, text="Publisert")
    assert kari.post(edit_url(mine), {"text": "Endret"}).status_code == 302
    assert kari.post(delete_url(mine)).status_code == 302
    mine.refresh_from_db()
    assert mine.text == "Publisert"
