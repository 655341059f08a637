"""E-mail leaves the request through a Celery task.

A person's action (a moderation decision, a registration) is saved first; the message follows
from a worker, which retries with growing pauses while the mail server fails. So an SMTP error
never turns a saved decision into a 500, and one bad address does not stop a bulk decision.
"""

import logging
import smtplib

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.core.mail import EmailMessage

log = logging.getLogger(__name__)

# Worth another try later: the server or the network, not the message.
TRANSIENT = (smtplib.SMTPException, OSError)


@shared_task(bind=True, name="asker.mail.deliver", acks_late=True, max_retries=None)
def deliver(self, subject, body, to, reply_to=None):
    """Send one message now. While the mail server fails, try again after MAIL_RETRY_BACKOFF
    seconds, doubling up to MAIL_RETRY_BACKOFF_MAX, at most MAIL_MAX_RETRIES times."""
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, reply_to=reply_to)
    try:
        return message.send()
    except TRANSIENT as exc:
        if self.request.retries >= settings.MAIL_MAX_RETRIES:
            log.error("giving up on the mail %r to %s after %s tries", subject, to, self.request.retries + 1)
            raise
        countdown = get_exponential_backoff_interval(
            settings.MAIL_RETRY_BACKOFF, self.request.retries, settings.MAIL_RETRY_BACKOFF_MAX, full_jitter=False)
        log.warning("mail %r to %s failed (%s); trying again in %s s", subject, to, exc, countdown)
        raise self.retry(exc=exc, countdown=countdown)


def site_url(path):
    """`path` on the portal's configured address, settings.SITE_URL: every link in an e-mail.
    Never the host a request names: anyone can send a request with a forged Host header."""
    return settings.SITE_URL.rstrip("/") + path


def send(subject, body, to, reply_to=None):
    """Queue a message for delivery. Call it once the change it tells of is saved (after the
    transaction, or from transaction.on_commit). A broker that cannot take the message is
    logged, never raised: the change stands."""
    to = [address for address in to if address]
    if not to:
        return
    try:
        deliver.delay(subject, body, to, reply_to)
    except Exception:
        log.exception("could not queue the mail %r to %s", subject, to)
