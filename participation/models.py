"""Consultations, the comments residents write in them, and the moderation of those comments.

Moderation never deletes: a comment's state changes, and every change is a row in the
append-only ModerationAction log.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, RegexValidator, URLValidator
from django.db.models import F, Q
from django.db.models.functions import MD5
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from asker.periods import OpenPeriod
from places import bounds
from places.models import Centre, DevelopmentProject, Municipality, Plan


ANSWER_PART_MAX_LENGTH = 5000
CASE_NUMBER_MAX_LENGTH = 40
# Saksnummer as case systems write them ("23/01234", "2023/1234-5"): letters, digits, / - . and spaces.
case_number_validator = RegexValidator(
    r"^[0-9A-Za-z][0-9A-Za-z/ .-]*\Z",
    _("A case number is letters and digits with /, - or . between them, for example 23/01234."),
    code="case_number",
)


class ConsultationQuerySet(models.QuerySet):
    """Who may see a consultation follows its subject: one about a confidential or archived
    project is as hidden as the project (DevelopmentProject.objects decides that)."""

    def public(self):
        return self.filter(Q(project__isnull=True) | Q(project__in=DevelopmentProject.objects.public()))

    def visible_to(self, user):
        return self.filter(Q(project__isnull=True) | Q(project__in=DevelopmentProject.objects.visible_to(user)))

    def moments(self, now):
        """When the pages change by themselves: a consultation opens, closes, or the end of its
        retention comes (the privacy statement says when authors are removed)."""
        from datetime import timedelta

        for opens, closes, days in self.values_list("opens_at", "closes_at", "retention_days"):
            yield from (opens, closes)
            if days is not None:
                yield closes + timedelta(days=days)


class Consultation(OpenPeriod, models.Model):
    """A høring or medvirkning about one plan, project or centre, open for a period."""

    class Moderation(models.TextChoices):
        PRE = "pre", _("Comments are checked before they are published")
        POST = "post", _("Comments are published at once and checked afterwards")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="consultations")
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(unique=True)
    text = models.TextField(_("text"))
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.PROTECT, null=True, blank=True,
                             related_name="consultations")
    project = models.ForeignKey(DevelopmentProject, verbose_name=_("project"), on_delete=models.PROTECT,
                                null=True, blank=True, related_name="consultations")
    centre = models.ForeignKey(Centre, verbose_name=_("centre"), on_delete=models.PROTECT, null=True, blank=True,
                               related_name="consultations")
    area = models.MultiPolygonField(_("area"), srid=4326, null=True, blank=True)
    opens_at = models.DateTimeField(_("opens"), validators=bounds.moment_validators())
    closes_at = models.DateTimeField(_("closes"), validators=bounds.moment_validators())
    moderation = models.CharField(_("moderation"), max_length=4, choices=Moderation.choices, default=Moderation.PRE)
    retention_days = models.PositiveIntegerField(
        _("keep authors for (days after closing)"), null=True, blank=True,
        validators=[MaxValueValidator(bounds.MAX_RETENTION_DAYS, _("Keep the authors for at most %(limit_value)s days."))],
        help_text=_("After this many days the authors of the comments are removed. Empty: kept."),
    )
    anonymised_at = models.DateTimeField(_("authors removed"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    # The municipality's answer once the consultation is closed (participation/answers.py):
    # written as a draft, shown to the public from answer_published_at on.
    answer_heard = models.TextField(_("what we heard"), blank=True,
                                    validators=[MaxLengthValidator(ANSWER_PART_MAX_LENGTH)])
    answer_changes = models.TextField(_("what changes"), blank=True,
                                      validators=[MaxLengthValidator(ANSWER_PART_MAX_LENGTH)])
    answer_next = models.TextField(_("what happens next"), blank=True,
                                   validators=[MaxLengthValidator(ANSWER_PART_MAX_LENGTH)])
    decided_on = models.DateField(_("date of the decision"), null=True, blank=True)
    case_number = models.CharField(_("case number (saksnummer)"), max_length=CASE_NUMBER_MAX_LENGTH, blank=True,
                                   validators=[case_number_validator])
    case_url = models.URLField(_("link to the case"), max_length=500, blank=True,
                               validators=[URLValidator(schemes=["http", "https"])])
    answer_published_at = models.DateTimeField(_("answer published"), null=True, blank=True)
    answer_edited_at = models.DateTimeField(_("answer changed after publishing"), null=True, blank=True)
    # Set once, when the commenters are told of the answer: they are never told twice.
    answer_notified_at = models.DateTimeField(null=True, blank=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(plan__isnull=False, project__isnull=True, centre__isnull=True)
                           | Q(plan__isnull=True, project__isnull=False, centre__isnull=True)
                           | Q(plan__isnull=True, project__isnull=True, centre__isnull=False)),
                name="consultation_about_one_thing",
                violation_error_message=_("A consultation is about one plan, one project or one centre."),
            ),
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")), name="consultation_closes_after_it_opens",
                                   violation_error_message=_("A consultation must close after it opens.")),
            models.CheckConstraint(
                condition=bounds.between("opens_at", bounds.EARLIEST_MOMENT, bounds.LATEST_MOMENT)
                & bounds.between("closes_at", bounds.EARLIEST_MOMENT, bounds.LATEST_MOMENT)
                & bounds.between("retention_days", 0, bounds.MAX_RETENTION_DAYS, null=True),
                name="consultation_values_in_range",
                violation_error_message=_("A value of the consultation is outside its allowed range."),
            ),
            # An answer is published only after the consultation closed, and says when it was decided.
            models.CheckConstraint(
                condition=Q(answer_published_at__isnull=True)
                | Q(answer_published_at__gte=F("closes_at"), decided_on__isnull=False),
                name="consultation_answer_after_closing",
                violation_error_message=_("A consultation with a published answer cannot be opened again."),
            ),
            models.CheckConstraint(
                condition=bounds.between("decided_on", bounds.EARLIEST_MOMENT.date(), bounds.LATEST_MOMENT.date(),
                                         null=True) & (Q(case_url="") | Q(case_url__regex=r"^https?://")),
                name="consultation_answer_values",
                violation_error_message=_("A value of the answer is outside its allowed range."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("participation:consultation", args=[self.slug])

    @property
    def subject(self):
        return self.plan or self.project or self.centre

    def subject_area(self):
        """The area comments may be placed in: the consultation's own, else its subject's."""
        if self.area:
            return self.area
        if self.plan_id:
            return self.plan.boundary
        if self.project_id:
            return self.project.geometry
        if self.centre_id:
            return self.centre.catchment
        return None

    def clean(self):
        errors = {}
        subjects = [s for s in (self.plan_id, self.project_id, self.centre_id) if s]
        if len(subjects) != 1:
            errors["__all__"] = [_("A consultation is about one plan, one project or one centre.")]
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = [_("A consultation must close after it opens.")]
        # The same rule as every public page: only a project everyone may see.
        if self.project_id and not DevelopmentProject.objects.public().filter(pk=self.project_id).exists():
            errors["project"] = [_("A consultation can only be about a published project that is not archived.")]
        if self.area is not None and not self.area.valid:
            errors["area"] = [_("The area is not a valid shape.")]
        if self.answer_published_at and self.closes_at and self.closes_at > self.answer_published_at:
            errors["closes_at"] = [_("A consultation with a published answer cannot be opened again.")]
        if errors:
            raise ValidationError(errors)


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=self.model.State.PUBLISHED)

    def visible_to(self, user):
        """What the public pages show this user: published comments and their own, in the
        consultations they may see. Anything else answers as if it did not exist."""
        shown = Q(state=self.model.State.PUBLISHED)
        if user.is_authenticated:
            shown |= Q(author=user)
        return self.filter(shown, consultation__in=Consultation.objects.visible_to(user))


DUPLICATE_COMMENT = "one_text_per_author_and_consultation"
# A thread's own page shows its replies this many at a time; a consultation's page only the
# first REPLIES_SHOWN of each thread, so one long thread cannot make the page heavy.
REPLIES_PER_PAGE = 50
REPLIES_SHOWN = 3


class Comment(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        HIDDEN = "hidden", _("Hidden")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="comments")
    # Set to null when the author deletes their account or the retention period runs out.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="comments")
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="replies")
    text = models.TextField(_("comment"))
    location = models.PointField(_("location"), srid=4326, null=True, blank=True)
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    second_review_requested_at = models.DateTimeField(_("second review asked for"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["consultation", "state", "created_at"]),
            # The moderation queue: the few waiting among many published, found without a scan.
            models.Index(fields=["created_at"], condition=Q(state="pending"), name="comment_pending"),
        ]
        constraints = [
            # Refused by the database, so two identical posts sent at once cannot both pass the
            # check before the insert. A digest, because an index entry cannot hold a long text.
            models.UniqueConstraint(F("consultation"), F("author"), MD5("text"), name=DUPLICATE_COMMENT,
                                    violation_error_message=_("You have already posted this comment.")),
        ]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        """The comment's own address: its thread (the comment with all its replies, paged), at
        its anchor. The consultation's pages show only the first replies of each thread."""
        if self.parent_id is None:
            return f"{reverse('participation:thread', args=[self.consultation.slug, self.pk])}#kommentar-{self.pk}"
        earlier = Comment.objects.published().filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk),
            parent_id=self.parent_id).count()
        page = earlier // REPLIES_PER_PAGE + 1
        query = f"?side={page}" if page > 1 else ""
        return (f"{reverse('participation:thread', args=[self.consultation.slug, self.parent_id])}"
                f"{query}#kommentar-{self.pk}")


class Flag(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        OFFENSIVE = "offensive", _("Offensive or hateful")
        PERSONAL_DATA = "personal_data", _("Personal data about someone")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Other")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags")
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # A moderator's decision settles the flags raised before it.
    settled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [models.UniqueConstraint(fields=["comment", "user"], name="one_flag_per_person")]
        # The moderation queue's flagged comments: open flags are few, settled ones many.
        indexes = [models.Index(fields=["comment", "created_at"], condition=Q(settled_at__isnull=True),
                                name="flag_open")]


class ModerationAction(models.Model):
    """One entry of the append-only moderation log."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        # Not the "Approved" of a plan's status (vedtatt): a moderator's approval (godkjent).
        APPROVED = "approved", pgettext_lazy("moderation", "Approved")
        REJECTED = "rejected", _("Rejected")
        HIDDEN = "hidden", _("Hidden")
        RESTORED = "restored", _("Published again")
        AUTO_HIDDEN = "auto_hidden", _("Hidden after flags")
        REVIEW_REQUESTED = "review_requested", _("Second review asked for")
        EDITED = "edited", _("Edited by the author")
        WITHDRAWN = "withdrawn", _("Withdrawn by the author")
        ANONYMISED = "anonymised", _("Author removed")
        AUTHOR_BLOCKED = "author_blocked", _("Author blocked from commenting")

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        OFFENSIVE = "offensive", _("Offensive, hateful or threatening language")
        PERSONAL_DATA = "personal_data", _("Personal data about others")
        OFF_TOPIC = "off_topic", _("Not about this consultation")
        ILLEGAL = "illegal", _("May be against the law")
        DUPLICATE = "duplicate", _("Repeats an earlier comment")

    # Moderation never deletes a comment; only its author may, while it is pending, and the
    # log then keeps its entries without the link.
    comment = models.ForeignKey(Comment, on_delete=models.SET_NULL, null=True, related_name="actions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices, blank=True)
    # The facts the system adds to the action, never a sentence: the entry is worded when it is
    # read, in the reader's language (describe()). E.g. {"flaggers": 3}, {"days": 30}; the
    # author's own entries keep the language they used ({"language": "en"}) for their e-mails.
    params = models.JSONField(_("details"), default=dict, blank=True)
    # The words of a person (the moderator's note, the author's request), shown as written.
    note = models.TextField(_("note"), blank=True)
    # A sentence the system stored before entries were codes, kept as it was written when no
    # code could be read from it (migration 0006).
    legacy_text = models.TextField(_("earlier text"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["created_at", "pk"]

    def describe(self):
        """What happened, in the active language, from the action code and its parameters."""
        params = self.params if isinstance(self.params, dict) else {}
        count = params.get("flaggers")
        if self.action == self.Action.AUTO_HIDDEN and isinstance(count, int):
            return ngettext("Hidden after flags from %(count)s person",
                            "Hidden after flags from %(count)s people", count) % {"count": count}
        days = params.get("days")
        if self.action == self.Action.AUTHOR_BLOCKED and isinstance(days, int):
            return ngettext("Author blocked from commenting for %(count)s day",
                            "Author blocked from commenting for %(count)s days", days) % {"count": days}
        if params.get("source") == "demo":
            return gettext("%(action)s (demo data)") % {"action": self.get_action_display()}
        return self.get_action_display()

    @property
    def earlier_text(self):
        """The stored sentence, when describe() has nothing better from codes."""
        return "" if self.params else self.legacy_text

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The moderation log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The moderation log is append-only.")


class CommentingBlockQuerySet(models.QuerySet):
    def running_for(self, user, now=None):
        """The block that stops `user` commenting now (the one that lasts longest), or None."""
        return self.filter(user=user, until__gt=now or timezone.now()).order_by("-until").first()


class CommentingBlock(models.Model):
    """A moderator's stop on a user's commenting, until a date, with a reason."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="commenting_blocks")
    until = models.DateTimeField(_("blocked until"))
    reason = models.CharField(_("reason"), max_length=16, choices=ModerationAction.Reason.choices)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CommentingBlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("commenting block")
        verbose_name_plural = _("commenting blocks")
        ordering = ["-until"]


class AnswerLogEntry(models.Model):
    """One entry of the append-only log of a consultation's published answer: its publication
    and every change after it (who, when, which parts, and the answer as it then read)."""

    class Action(models.TextChoices):
        PUBLISHED = "published", _("Published the answer")
        EDITED = "edited", _("Changed the published answer")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="answer_log")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    changed = models.JSONField(_("changed parts"), default=list, blank=True)
    answer = models.JSONField(_("the answer as it then read"), default=dict)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer log entry")
        verbose_name_plural = _("answer log entries")
        ordering = ["created_at", "pk"]

    def changed_labels(self):
        return [str(Consultation._meta.get_field(name).verbose_name) for name in self.changed]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The answer log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The answer log is append-only.")
