"""E-mail to a participant: signed up, on the waiting list, moved up, cancelled, event cancelled."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from asker import mail

from .models import Event

SUBJECTS = {
    "signed_up": lambda: _("You are signed up: %(title)s"),
    "waiting": lambda: _("You are on the waiting list: %(title)s"),
    "moved_up": lambda: _("You have a place: %(title)s"),
    "cancelled": lambda: _("Your sign-up is cancelled: %(title)s"),
    "event_cancelled": lambda: _("Cancelled: %(title)s"),
}


@shared_task(name="events.tell_participant")
def tell_participant(event_id, user_id, what, language):
    """Queued after the commit of a sign-up or cancellation (events.services); one message,
    in the language of the page the person used. Returns whether one was queued."""
    event = Event.objects.with_place().filter(pk=event_id).first()
    user = get_user_model().objects.filter(pk=user_id, is_active=True).exclude(email="").first()
    if event is None or user is None or what not in SUBJECTS:
        return False
    with translation.override(language):
        context = {"event": event, "user": user, "what": what, "url": mail.site_url(event.get_absolute_url()),
                   "calendar_url": mail.site_url(event.get_absolute_url() + "kalender.ics")}
        subject = SUBJECTS[what]() % {"title": event.title}
        body = render_to_string("events/email/participant.txt", context)
    mail.send(subject, body, [user.email])
    return True
