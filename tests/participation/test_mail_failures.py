"""A moderation decision is saved whatever the mail server does. Mail leaves through a Celery
task that retries; the decision never waits for it, never fails with it (once an SMTP error gave
a 500 after the decision was saved), and a bulk decision never stops at the first failure."""

import email
import email.policy
import logging
import time

import pytest
from aiosmtpd.controller import Controller

from participation.models import Comment
from tests.factories import CommentFactory, ConsultationFactory, UserFactory

from .conftest import free_port


class Inbox:
    """An aiosmtpd handler that keeps what arrives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def wait_for(self, count, timeout=60):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.2)
        return self.messages


def three_pending_comments():
    consultation = ConsultationFactory(title="Torget i Heggedal")
    return [CommentFactory(consultation=consultation, state="pending", text=f"Kommentar {n}",
                           author=UserFactory(username=f"forfatter{n}", email=f"forfatter{n}@example.org"))
            for n in range(3)]


def bulk_reject(client, comments):
    return client.post("/moderering/behandle/", {"comments": [c.pk for c in comments], "action": "reject",
                                                 "reason": "spam"})


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_bulk_rejection_with_the_mail_server_down_saves_all_and_mails_arrive_on_retry(client, smtp_mail_worker):
    port, worker_log = smtp_mail_worker
    comments = three_pending_comments()
    client.force_login(UserFactory(username="mod", role="moderator"))

    response = bulk_reject(client, comments)

    assert response.status_code == 302
    assert set(Comment.objects.filter(pk__in=[c.pk for c in comments]).values_list("state", flat=True)) == {
        "rejected"}
    # Every mail has failed at least once on the real SMTP connection, and waits for a retry.
    worker_log.wait_for("trying again", 3)
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        arrived = inbox.wait_for(3)
    finally:
        server.stop()
    assert len(arrived) == 3, "".join(worker_log.lines[-30:])
    assert sorted(message["To"] for message in arrived) == [f"forfatter{n}@example.org" for n in range(3)]
    assert all("Torget i Heggedal" in message["Subject"] for message in arrived)


@pytest.mark.parametrize("how", ["one", "bulk"])
@pytest.mark.django_db
def test_decisions_with_smtp_failing_in_the_request_are_saved_without_a_500(client, settings, caplog,
                                                                            django_capture_on_commit_callbacks, how):
    # Eager mode (the suite's default) runs the mail task inside the request: the failure and
    # its retries happen there, on a real SMTP connection to a port where nothing listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    comments = three_pending_comments()
    client.force_login(UserFactory(username="mod", role="moderator"))
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        if how == "one":
            comments = comments[:1]
            response = client.post(f"/moderering/kommentar/{comments[0].pk}/avvis/", {"reject-reason": "spam"})
        else:
            response = bulk_reject(client, comments)
    assert response.status_code == 302
    assert [Comment.objects.get(pk=c.pk).state for c in comments] == ["rejected"] * len(comments)
    assert caplog.text.count("could not queue the mail") == len(comments)
