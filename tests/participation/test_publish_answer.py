"""Publishing the municipality's answer tells each commenter once, by e-mail, through the real
mail path (asker.mail's Celery task, eager in the suite, into the locmem outbox): one message per
address, in bokmål, with links on SITE_URL; never twice, never to authors who are gone."""

import threading
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import formats, timezone

from asker import roles
from participation import answers, data, services
from participation.models import AnswerLogEntry, ModerationAction
from tests.factories import AnsweredConsultationFactory, CommentFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner(db):
    return UserFactory(username="planlegger", role=roles.PLANNER)


@pytest.fixture
def publish(planner, django_capture_on_commit_callbacks):
    def run(consultation, user=None):
        with django_capture_on_commit_callbacks(execute=True):
            return answers.publish_answer(consultation, user or planner)
    return run


def test_each_commenter_gets_one_message(publish, mailoutbox, settings):
    settings.SITE_URL = "https://planportal.asker.example/"
    c = AnsweredConsultationFactory(title="Torget i Heggedal")
    kari, ola, per = (UserFactory(username=name, email=f"{name}@example.org") for name in ("kari", "ola", "per"))
    first = CommentFactory(consultation=c, author=kari)
    CommentFactory(consultation=c, author=kari)
    CommentFactory(consultation=c, author=ola, parent=first)  # a reply counts
    CommentFactory(consultation=c, author=per, state="pending")
    CommentFactory(consultation=c, author=UserFactory(username="tor"), state="rejected")
    CommentFactory(consultation=c, author=UserFactory(username="liv"), state="hidden")
    CommentFactory(author=UserFactory(username="annen"))  # another consultation
    publish(c)
    assert sorted(m.to for m in mailoutbox) == [["kari@example.org"], ["ola@example.org"]]
    message = mailoutbox[0]
    assert message.subject == "Kommunens svar: «Torget i Heggedal»"
    body = message.body
    assert "Kommunen har svart på høringen «Torget i Heggedal», som du kommenterte." in body
    for part in (c.answer_heard, c.answer_changes, c.answer_next, "Saksnummer: 23/01234", c.case_url):
        assert part in body
    assert f"Vedtaksdato: {formats.date_format(c.decided_on, 'DATE_FORMAT', use_l10n=True)}" in body
    assert f"https://planportal.asker.example/medvirkning/{c.slug}/" in body
    assert "Du får denne ene e-posten" in body


def test_publishing_twice_does_not_mail_twice(publish, planner, mailoutbox):
    c = AnsweredConsultationFactory()
    CommentFactory(consultation=c)
    publish(c)
    assert len(mailoutbox) == 1
    published_at = type(c).objects.get(pk=c.pk).answer_published_at
    with pytest.raises(services.Refused, match="allerede publisert"):
        publish(c)
    # Even the notice itself, run again (a task delivered twice), sends nothing.
    assert answers.tell_commenters_of_answer(c.pk) == 0
    assert len(mailoutbox) == 1
    c.refresh_from_db()
    assert c.answer_published_at == published_at
    assert list(c.answer_log.values_list("action", flat=True)) == [AnswerLogEntry.Action.PUBLISHED]


def test_authors_who_are_gone_get_no_mail(publish, mailoutbox):
    c = AnsweredConsultationFactory()
    deleted = UserFactory(username="slettet")
    CommentFactory(consultation=c, author=deleted)
    data.delete_account(deleted)
    CommentFactory(consultation=c, author=None)
    CommentFactory(consultation=c, author=UserFactory(username="uten-adresse", email=""))
    CommentFactory(consultation=c, author=UserFactory(username="stengt", is_active=False))
    CommentFactory(consultation=c, author=UserFactory(username="med-adresse"))
    publish(c)
    assert [m.to for m in mailoutbox] == [["med-adresse@example.org"]]


def test_no_mail_once_the_authors_are_removed(publish, mailoutbox):
    c = AnsweredConsultationFactory(retention_days=1)
    CommentFactory(consultation=c)
    assert data.anonymise_expired_consultations() == 1
    publish(c)
    c.refresh_from_db()
    assert c.answer_published_at is not None and mailoutbox == []


def test_two_accounts_with_one_address_get_one_message(publish, mailoutbox):
    c = AnsweredConsultationFactory()
    for name in ("a", "b"):
        CommentFactory(consultation=c, author=UserFactory(username=name, email="felles@example.org"))
    publish(c)
    assert [m.to for m in mailoutbox] == [["felles@example.org"]]


def test_nothing_is_mailed_before_the_commit(planner, mailoutbox, django_capture_on_commit_callbacks):
    c = AnsweredConsultationFactory()
    CommentFactory(consultation=c)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        answers.publish_answer(c, planner)
    # Besides the mail, only the page cache's renewal of its stamp (asker/pagecache.py) waits.
    assert mailoutbox == [] and len([c for c in callbacks if not getattr(c, "pagecache", False)]) == 1


def test_an_answer_about_a_confidential_project_is_not_published(publish, mailoutbox):
    project = ProjectFactory(visibility="confidential")
    c = AnsweredConsultationFactory(plan=None, project=project)
    CommentFactory(consultation=c)
    with pytest.raises(services.Refused, match="ikke er offentlig"):
        publish(c)
    c.refresh_from_db()
    assert c.answer_published_at is None and mailoutbox == []


def test_a_project_hidden_between_publishing_and_the_notice_gets_no_mail(planner, mailoutbox,
                                                                      django_capture_on_commit_callbacks):
    project = ProjectFactory()
    c = AnsweredConsultationFactory(plan=None, project=project)
    CommentFactory(consultation=c)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        answers.publish_answer(c, planner)
    project.visibility = "confidential"
    project.save()
    callbacks[0]()
    assert mailoutbox == []


@pytest.mark.parametrize("who", [None, roles.RESIDENT, roles.MODERATOR])
def test_only_planning_staff_publish(publish, mailoutbox, who):
    c = AnsweredConsultationFactory()
    CommentFactory(consultation=c)
    user = AnonymousUser() if who is None else UserFactory(username=who, role=who)
    with pytest.raises(services.Refused, match="Bare planleggere"):
        publish(c, user)
    c.refresh_from_db()
    assert c.answer_published_at is None and mailoutbox == []


def test_not_while_open(publish, mailoutbox):
    c = AnsweredConsultationFactory(closes_at=timezone.now() + timedelta(days=2), decided_on=None)
    CommentFactory(consultation=c)
    with pytest.raises(services.Refused, match="når høringen er avsluttet"):
        publish(c)
    assert mailoutbox == []


def test_a_broker_that_cannot_take_the_notice_does_not_undo_the_publishing(publish, mailoutbox, monkeypatch, caplog):
    from participation import tasks

    def broken(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.tell_commenters_of_answer, "delay", broken)
    c = AnsweredConsultationFactory()
    CommentFactory(consultation=c)
    publish(c)
    c.refresh_from_db()
    assert c.answer_published_at is not None and mailoutbox == []
    assert "could not queue the answer notice" in caplog.text
    # The hourly sweep sends it later, once.
    monkeypatch.undo()
    assert tasks.tell_commenters_of_answers_due.delay().get() == 1
    assert tasks.tell_commenters_of_answers_due.delay().get() == 0
    assert len(mailoutbox) == 1


def test_the_sweep_is_scheduled_every_hour():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="participation.tasks.tell_commenters_of_answers_due")
    assert task.enabled and (task.crontab.minute, task.crontab.hour) == ("40", "*")


@pytest.mark.django_db(transaction=True)
def test_two_planners_pressing_at_once_publish_and_mail_once(mailoutbox):
    from django.db import connection

    c = AnsweredConsultationFactory()
    CommentFactory(consultation=c)
    planners = [UserFactory(username=f"planlegger{n}", role=roles.PLANNER) for n in range(2)]
    start = threading.Barrier(len(planners))
    outcomes = []

    def press(user):
        try:
            start.wait()
            answers.publish_answer(c, user)
            outcomes.append("published")
        except services.Refused as refusal:
            outcomes.append(refusal.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=press, args=(user,)) for user in planners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["Svaret er allerede publisert.", "published"]
    assert len(mailoutbox) == 1 and c.answer_log.count() == 1


def test_each_commenter_is_told_in_the_language_they_wrote_in(publish, mailoutbox):
    c = AnsweredConsultationFactory(title="Torget i Heggedal")
    anna, kari = (UserFactory(username=name, email=f"{name}@example.org") for name in ("anna", "kari"))
    # What services.submit records: the language the author wrote in.
    comment = CommentFactory(consultation=c, author=anna, text="Please keep the old oak trees.")
    ModerationAction.objects.create(comment=comment, actor=anna, action=ModerationAction.Action.SUBMITTED,
                                    params={"language": "en"})
    CommentFactory(consultation=c, author=kari)
    publish(c)
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {"anna@example.org", "kari@example.org"}
    assert by_address["anna@example.org"].subject == "The municipality's answer: “Torget i Heggedal”"
    assert f"/en/medvirkning/{c.slug}/" in by_address["anna@example.org"].body
    assert by_address["kari@example.org"].subject == "Kommunens svar: «Torget i Heggedal»"
