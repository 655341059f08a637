"""Flagging from the consultation page: back to the comment where it was (its anchor, its page
of comments), a message that the flag was received, and no flag form again for that comment
for that user ("Du har meldt denne kommentaren"); a second flag is refused cleanly."""

import pytest

from participation.models import Comment, Flag
from participation.views import PAGE_SIZE
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


def flag_url(comment):
    return f"{comment.consultation.get_absolute_url()}kommentar/{comment.pk}/flagg/"


def messages(response):
    return [str(m) for m in response.context["messages"]]


def test_back_to_the_comment_with_a_message_and_no_form_again(kari, consultation, resident):
    other = CommentFactory(consultation=consultation, text="Tvilsomt")
    response = kari.post(flag_url(other), {"reason": "spam"})
    assert response.status_code == 302
    assert response["Location"] == f"{consultation.get_absolute_url()}#kommentar-{other.pk}"
    page = kari.get(response["Location"])
    assert messages(page) == ["Takk! En moderator ser på kommentaren."]
    html = page.content.decode()
    assert flag_url(other) not in html and "Du har meldt denne kommentaren." in html
    assert Flag.objects.get().user == resident


def test_a_second_flag_is_refused_and_counted_once(kari, consultation):
    other = CommentFactory(consultation=consultation)
    kari.post(flag_url(other), {"reason": "spam"}, follow=True)
    response = kari.post(flag_url(other), {"reason": "offensive"}, follow=True)
    assert response.status_code == 200
    assert messages(response) == ["Du har allerede rapportert denne kommentaren. En moderator ser på den."]
    assert Flag.objects.filter(comment=other).count() == 1 and Flag.objects.get().reason == "spam"


def test_others_can_still_flag_it(client, consultation):
    other = CommentFactory(consultation=consultation)
    client.force_login(UserFactory(username="ola"))
    client.post(flag_url(other), {"reason": "spam"})
    client.force_login(UserFactory(username="per"))
    assert flag_url(other) in client.get(consultation.get_absolute_url()).content.decode()


def test_a_reply_flagged_is_marked_and_its_parent_still_offered(kari, consultation):
    top = CommentFactory(consultation=consultation)
    reply = CommentFactory(consultation=consultation, parent=top)
    kari.post(flag_url(reply), {"reason": "off_topic"})
    html = kari.get(consultation.get_absolute_url()).content.decode()
    assert flag_url(reply) not in html and flag_url(top) in html
    assert html.count("Du har meldt denne kommentaren.") == 1


def test_from_a_later_page_of_comments_back_to_that_page(kari, consultation):
    comments = Comment.objects.bulk_create(
        [Comment(consultation=consultation, text=f"k{i}", state="published") for i in range(PAGE_SIZE + 1)])
    last = comments[-1]
    html = kari.get(f"{consultation.get_absolute_url()}?side=2").content.decode()
    assert 'name="side" value="2"' in html
    response = kari.post(flag_url(last), {"reason": "spam", "side": "2"})
    assert response["Location"] == f"{consultation.get_absolute_url()}?side=2#kommentar-{last.pk}"


@pytest.mark.parametrize("data", [{"reason": "nonsense"}, {}, {"reason": "spam", "side": "0"},
                                  {"reason": "spam", "side": "x"}, {"reason": "spam", "note": "n" * 501}])
def test_bad_input_is_refused_with_a_message_and_flags_nothing(kari, consultation, data):
    other = CommentFactory(consultation=consultation)
    response = kari.post(flag_url(other), data)
    assert response.status_code == 302 and response["Location"].endswith(f"#kommentar-{other.pk}")
    assert messages(kari.get(consultation.get_absolute_url())) == ["Velg hvorfor kommentaren bør sees på."]
    assert not Flag.objects.exists()


def test_ones_own_comment_has_no_flag_form_and_cannot_be_flagged(kari, consultation, resident):
    mine = CommentFactory(consultation=consultation, author=resident)
    assert flag_url(mine) not in kari.get(consultation.get_absolute_url()).content.decode()
    response = kari.post(flag_url(mine), {"reason": "spam"})
    assert response.status_code == 302 and not Flag.objects.exists()


def test_signed_out_is_sent_to_sign_in_and_back_to_the_consultation(client, consultation):
    other = CommentFactory(consultation=consultation)
    response = client.post(flag_url(other), {"reason": "spam"})
    assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]
    assert "kommentar" not in response["Location"].split("next=")[1] and not Flag.objects.exists()
