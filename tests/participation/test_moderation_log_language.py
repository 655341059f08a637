"""The moderation log holds codes and parameters, never the system's sentences, and is worded
when it is read: in bokmål on /, in English on /en/, on the moderators' page, on the author's
own page, and in the e-mail to the author (in the language the author used)."""

import pytest
from django.utils import translation

from participation import services
from participation.models import ModerationAction
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db
A = ModerationAction.Action


@pytest.fixture
def hidden_by_flags(consultation):
    author = UserFactory(username="kari", role="resident")
    comment = CommentFactory(consultation=consultation, author=author, text="Omstridt")
    for name in ("a", "b", "c"):
        # The flaggers use the portal in either language: the entry must not carry theirs.
        with translation.override("en" if name == "b" else "nb"):
            services.flag(comment, UserFactory(username=f"flagger-{name}"), "offensive")
    comment.refresh_from_db()
    return comment


def test_hiding_after_flags_is_stored_as_a_number(hidden_by_flags):
    assert hidden_by_flags.state == "hidden"
    entry = hidden_by_flags.actions.get()
    assert (entry.action, entry.params, entry.note, entry.legacy_text) == (A.AUTO_HIDDEN, {"flaggers": 3}, "", "")


@pytest.mark.parametrize("prefix, text", [("", "Skjult etter rapporter fra 3 personer"),
                                          ("/en", "Hidden after flags from 3 people")])
def test_the_log_in_the_readers_language(mod_client, hidden_by_flags, prefix, text):
    response = mod_client.get(f"{prefix}/moderering/kommentar/{hidden_by_flags.pk}/")
    assert response.status_code == 200
    log = response.content.decode().split('class="data moderation-log')[1]
    assert f">{text}</td>" in log


@pytest.mark.parametrize("prefix, text", [("", "Forfatteren er blokkert fra å kommentere i 30 dager"),
                                          ("/en", "Author blocked from commenting for 30 days")])
def test_a_block_in_the_readers_language(mod_client, moderator, consultation, prefix, text):
    comment = CommentFactory(consultation=consultation, author=UserFactory(username="ola"))
    services.block(comment.author, moderator, 30, "spam", "Mange like", comment=comment)
    entry = comment.actions.get()
    assert (entry.params, entry.note) == ({"days": 30}, "Mange like")
    html = mod_client.get(f"{prefix}/moderering/kommentar/{comment.pk}/").content.decode()
    assert f">{text}</td>" in html and "Mange like" in html


@pytest.mark.parametrize("prefix, text", [("", "Skjult etter rapporter fra 3 personer"),
                                          ("/en", "Hidden after flags from 3 people")])
def test_the_authors_own_page_in_the_readers_language(client, hidden_by_flags, prefix, text):
    client.force_login(hidden_by_flags.author)
    response = client.get(f"{prefix}/konto/mine-data/")
    assert response.status_code == 200
    assert f"<dd>{text}</dd>" in response.content.decode()


@pytest.mark.parametrize("prefix, text", [("", "Slik det ble lagret: Skjult fordi noen klaget"),
                                          ("/en", 'As stored: <span lang="nb">Skjult fordi noen klaget</span>')])
def test_an_earlier_sentence_is_shown_as_it_was_stored(mod_client, consultation, prefix, text):
    comment = CommentFactory(consultation=consultation, state="hidden")
    ModerationAction.objects.create(comment=comment, action=A.AUTO_HIDDEN, legacy_text="Skjult fordi noen klaget")
    html = mod_client.get(f"{prefix}/moderering/kommentar/{comment.pk}/").content.decode()
    assert text in html


@pytest.mark.parametrize("language, told, link", [
    ("en", "A moderator has rejected the comment, so it is not published.", "/en/konto/mine-data/"),
    ("nb", "En moderator har avvist kommentaren, så den er ikke publisert.", "/konto/mine-data/"),
])
def test_the_email_in_the_language_the_author_wrote_in(mod_client, moderator, consultation, mailoutbox,
                                                       django_capture_on_commit_callbacks, language, told, link):
    author = UserFactory(username="kari", role="resident", email="kari@example.org")
    with translation.override(language):
        comment = services.submit(consultation, author, "Kjøp hytte hos oss")
    assert comment.actions.get().params == {"language": language}
    with django_capture_on_commit_callbacks(execute=True):
        response = mod_client.post(f"/moderering/kommentar/{comment.pk}/avvis/",
                                   {"reject-reason": "spam", "reject-note": "Reklame"})
    assert response.status_code == 302
    body = mailoutbox[0].body
    assert told in body
    assert f"{link}\n" in body and (language == "en") == ("/en/" in body)
    assert "Reklame" in body


def test_the_email_without_a_language_in_the_log_is_in_bokmal(mod_client, consultation, mailoutbox,
                                                              django_capture_on_commit_callbacks):
    comment = CommentFactory(consultation=consultation, state="pending",
                             author=UserFactory(username="ola", email="ola@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        mod_client.post(f"/en/moderering/kommentar/{comment.pk}/avvis/", {"reject-reason": "spam"})
    # The moderator works in English; the author gets the portal's language.
    assert "En moderator har avvist kommentaren" in mailoutbox[0].body
