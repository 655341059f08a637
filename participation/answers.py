"""The municipality's answer to a closed consultation: a draft, then published once, and its
commenters told once by e-mail. A published answer may still be corrected (a typo, a case
link that moved): the page says it was changed, the log keeps each version, no mail is sent.
"""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from asker import mail

from .models import AnswerLogEntry, Comment, Consultation, ModerationAction
from .services import Refused, require

logger = logging.getLogger(__name__)
S = Comment.State

ANSWER_TEXTS = ("answer_heard", "answer_changes", "answer_next")
ANSWER_FIELDS = ANSWER_TEXTS + ("decided_on", "case_number", "case_url")


def answer_of(consultation):
    return {name: getattr(consultation, name) for name in ANSWER_FIELDS}


def _check_answer(consultation, answer, complete):
    """The rules a whole answer keeps, whoever saves it (the form checks each field alone)."""
    for name in ANSWER_FIELDS:
        if isinstance(answer[name], str) and "\x00" in answer[name]:
            raise Refused(_("The text contains characters that are not allowed."), name)
    # The fields' own validators (length, case number, http(s) only), as the admin would run them.
    probe = Consultation(**answer)
    try:
        probe.clean_fields(exclude=[f.name for f in Consultation._meta.fields if f.name not in ANSWER_FIELDS])
    except ValidationError as exc:
        name, errors = next(iter(exc.message_dict.items()))
        raise Refused(errors[0], name) from exc
    decided_on = answer["decided_on"]
    if decided_on is not None:
        closed_on = timezone.localdate(consultation.closes_at)
        if decided_on < closed_on:
            raise Refused(_("The decision cannot be dated before the consultation closed (%(date)s).") % {
                "date": date_format(closed_on)}, "decided_on")
        if decided_on > timezone.localdate():
            raise Refused(_("The date of the decision cannot be later than today."), "decided_on")
    if complete:
        if any(not answer[name].strip() for name in ANSWER_TEXTS):
            raise Refused(_("A published answer needs all three parts: what we heard, what changes and what happens next."))
        if decided_on is None:
            raise Refused(_("A published answer needs the date of the decision."), "decided_on")


@transaction.atomic
def save_answer(consultation, user, answer):
    """Save the answer (a dict of ANSWER_FIELDS); returns the names that changed. A published
    answer must stay whole, and each change to it is logged."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    require("participation.edit_answer", user, consultation)
    answer = {name: answer.get(name, getattr(consultation, name)) for name in ANSWER_FIELDS}
    answer.update({name: (answer[name] or "").strip() for name in ANSWER_FIELDS if name != "decided_on"})
    published = consultation.answer_published_at is not None
    _check_answer(consultation, answer, complete=published)
    changed = [name for name in ANSWER_FIELDS if getattr(consultation, name) != answer[name]]
    if not changed:
        return []
    for name in changed:
        setattr(consultation, name, answer[name])
    fields = list(changed)
    if published:
        consultation.answer_edited_at = timezone.now()
        fields.append("answer_edited_at")
        AnswerLogEntry.objects.create(consultation=consultation, actor=user, action=AnswerLogEntry.Action.EDITED,
                                      changed=changed, answer=_logged(answer))
    consultation.save(update_fields=fields)
    return changed


def _logged(answer):
    return {name: value.isoformat() if name == "decided_on" and value else value for name, value in answer.items()}


def publish_answer(consultation, user):
    """Show the answer on the public page and tell each commenter once, by e-mail, after the
    commit. Publishing is one-way and happens once: the row is locked, so two planners
    pressing at the same time publish it (and queue the mail) once."""
    with transaction.atomic():
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        require("participation.publish_answer", user, consultation)
        answer = answer_of(consultation)
        _check_answer(consultation, answer, complete=True)
        consultation.answer_published_at = timezone.now()
        consultation.save(update_fields=["answer_published_at"])
        AnswerLogEntry.objects.create(consultation=consultation, actor=user, action=AnswerLogEntry.Action.PUBLISHED,
                                      answer=_logged(answer))
        transaction.on_commit(lambda: _queue_answer_notice(consultation.pk), robust=True)
    return consultation


def _queue_answer_notice(consultation_id):
    from .tasks import tell_commenters_of_answer

    try:
        tell_commenters_of_answer.delay(consultation_id)
    except Exception:
        logger.exception("could not queue the answer notice of consultation %s", consultation_id)


def answer_recipients(consultation):
    """The e-mail addresses of the commenters to tell: authors of a published comment who still
    have an active account with an address. Authors removed (account deleted, retention run
    out) are no longer linked to their comments, so they are never found here."""
    from django.contrib.auth import get_user_model

    return (get_user_model().objects.filter(
        is_active=True, comments__consultation=consultation, comments__state=S.PUBLISHED)
        .exclude(email="").order_by().values_list("email", flat=True).distinct())


def _by_language(consultation, addresses):
    """{language: [address]}: each commenter in the language they last used about a comment in
    this consultation (author_language's rule); bokmål when the log does not say."""
    from django.contrib.auth import get_user_model

    languages = {code for code, _name in settings.LANGUAGES}
    people = dict(get_user_model().objects.filter(email__in=addresses).values_list("pk", "email"))
    said = {}
    for actor, params in (ModerationAction.objects.filter(comment__consultation=consultation, actor_id__in=people,
                                                          params__has_key="language")
                          .order_by("created_at", "pk").values_list("actor_id", "params")):
        if params.get("language") in languages:
            said[actor] = params["language"]  # the latest wins
    grouped, placed = {}, set()
    for pk, address in sorted(people.items()):
        if address not in placed:  # two accounts, one address: one message
            placed.add(address)
            grouped.setdefault(said.get(pk, settings.LANGUAGE_CODE), []).append(address)
    return grouped


def tell_commenters_of_answer(consultation_id):
    """Once per consultation: mark it told, then queue one message per address (never one
    message to all: the commenters do not see each other's addresses). Returns how many."""
    with transaction.atomic():
        consultation = (Consultation.objects.public().select_for_update(of=("self",))
                        .filter(pk=consultation_id, answer_published_at__isnull=False, answer_notified_at__isnull=True)
                        .first())
        if consultation is None:
            return 0
        addresses = list(answer_recipients(consultation))
        consultation.answer_notified_at = timezone.now()
        consultation.save(update_fields=["answer_notified_at"])
    for language, group in _by_language(consultation, addresses).items():
        with translation.override(language):
            context = {"consultation": consultation, "url": mail.site_url(consultation.get_absolute_url())}
            subject = _("The municipality's answer: “%(title)s”") % {"title": consultation.title}
            body = render_to_string("participation/email/answer.txt", context)
        for address in group:
            mail.send(subject, body, [address])
    return len(addresses)


def tell_commenters_of_answers_due():
    """Hourly (migration 0007): the notices a broker could not take at publishing. Each runs
    under the same lock and flag as the first try, so nobody is told twice."""
    told = 0
    due = Consultation.objects.public().filter(answer_published_at__isnull=False, answer_notified_at__isnull=True)
    for pk in due.values_list("pk", flat=True):
        try:
            told += tell_commenters_of_answer(pk)
        except Exception:
            logger.exception("could not tell the commenters of consultation %s of its answer", pk)
    return told
