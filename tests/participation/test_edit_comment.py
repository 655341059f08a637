"""Changing one's own pending comment (on its own page) follows the rules of posting it: open consultation, no
block, a text within the limit, not a copy of another of one's comments, and the rate limit."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from participation import services
from participation.models import Comment, CommentingBlock
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mine(consultation, resident):
    return services.submit(consultation, resident, "Førsteutkast")


def edit(client, comment, text):
    return client.post(f"{comment.consultation.get_absolute_url()}kommentar/{comment.pk}/endre/", {"text": text},
                       follow=True)


def errors(response):
    """What the visitor is told went wrong: a message on the consultation page (the rules said
    no), or the errors of the edit page's form, shown again with what was written (400)."""
    said = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    form = response.context.get("form")
    if response.status_code == 400 and form is not None:
        said += [str(e) for errors in form.errors.values() for e in errors]
    return said


def unchanged(comment, text="Førsteutkast"):
    log = list(comment.actions.values_list("action", flat=True))
    comment.refresh_from_db()
    return comment.text == text and log == list(comment.actions.values_list("action", flat=True))


def test_a_change_is_saved_and_logged(kari, mine):
    response = edit(kari, mine, "Bedre tekst")
    assert response.status_code == 200 and errors(response) == []
    mine.refresh_from_db()
    assert mine.text == "Bedre tekst" and mine.actions.last().action == "edited"


def test_no_change_after_the_consultation_closed(kari, mine, consultation):
    services.close_consultation(consultation, UserFactory(username="pia", role="planner"))
    response = edit(kari, mine, "For sent")
    assert errors(response) == [gettext("This consultation is not open for comments.")]
    assert unchanged(mine)


def test_no_change_while_blocked(kari, mine, resident):
    CommentingBlock.objects.create(user=resident, until=timezone.now() + timedelta(days=3), reason="spam")
    response = edit(kari, mine, "Likevel")
    until = timezone.localtime(CommentingBlock.objects.get().until)
    assert len(errors(response)) == 1 and date_format(until, "DATETIME_FORMAT") in errors(response)[0]
    assert unchanged(mine)


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_text_is_validated_by_the_same_form_limit_as_posting(kari, mine, text):
    response = edit(kari, mine, text)
    assert len(errors(response)) == 1
    assert unchanged(mine)


def test_the_limit_follows_the_setting(kari, mine, settings):
    settings.COMMENT_MAX_LENGTH = 10
    assert len(errors(edit(kari, mine, "elleve tegn"))) == 1
    assert unchanged(mine)


def test_a_nul_byte_is_a_400_and_changes_nothing(kari, mine):
    response = kari.post(f"{mine.consultation.get_absolute_url()}kommentar/{mine.pk}/endre/", {"text": "a\x00b"})
    assert response.status_code == 400
    assert unchanged(mine)


def test_no_change_into_a_copy_of_another_of_ones_comments(kari, mine, consultation, resident):
    services.submit(consultation, resident, "Den andre kommentaren")
    response = edit(kari, mine, "Den andre kommentaren")
    assert errors(response) == [gettext("You have already posted this comment.")]
    assert unchanged(mine)


def test_the_database_refuses_a_copy_even_past_the_check(consultation, resident, mine):
    # As when two requests pass the check before either writes: the constraint still holds.
    other = services.submit(consultation, resident, "Andre")
    Comment.objects.filter(pk=other.pk).update(text="Førsteutkast2")
    with pytest.raises(services.Refused) as refused:
        services._saving_text(lambda: Comment.objects.filter(pk=mine.pk).update(text="Førsteutkast2"))
    assert refused.value.message == gettext("You have already posted this comment.")
    assert unchanged(mine)


def test_changes_count_against_the_rate_limit(kari, mine, settings):
    settings.COMMENT_RATE_LIMITS = [(3600, 2)]  # the post itself counted once already
    assert errors(edit(kari, mine, "Andre utkast")) == []
    response = edit(kari, mine, "Tredje utkast")
    assert errors(response) == [gettext("You have written many comments in a short time. Wait a little and try again.")]
    assert unchanged(mine, "Andre utkast")
