"""Survey rounds per centre, and the responses to them: one per resident per round, or one per
group in a workshop (entered by a facilitator from the paper forms). Each response scores all
14 themes (stedskompasset/themes.py) from 1 to 7."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from asker.periods import OpenPeriod
from places import bounds
from places.models import Centre

from .themes import MAX_SCORE, MIN_SCORE, THEME_CHOICES, THEMES

COMMENT_MAX_LENGTH = 1000
# A workshop is a room of people: more than this is a typing error, not a group.
MAX_PARTICIPANTS = 500
ONE_ANSWER_PER_ROUND = "stedskompasset_one_answer_per_round"


class SurveyRoundQuerySet(models.QuerySet):
    def visible_to(self, user):
        # Rounds are about centres, which everyone may see; nothing about a round is confidential.
        return self.all()

    def moments(self, now):
        """When the pages change by themselves: a round opens or closes."""
        for opens, closes in self.values_list("opens_at", "closes_at"):
            yield from (opens, closes)


class SurveyRound(OpenPeriod, models.Model):
    centre = models.ForeignKey(Centre, verbose_name=_("centre"), on_delete=models.PROTECT,
                               related_name="survey_rounds")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, validators=[MaxLengthValidator(5000)])
    opens_at = models.DateTimeField(_("opens"), validators=bounds.moment_validators())
    closes_at = models.DateTimeField(_("closes"), validators=bounds.moment_validators())
    # Generated responses for the demo (load_demo_stedskompasset): the pages say so.
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SurveyRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        ordering = ["-opens_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")),
                                   name="survey_round_closes_after_it_opens",
                                   violation_error_message=_("A survey round must close after it opens.")),
            models.CheckConstraint(
                condition=bounds.between("opens_at", bounds.EARLIEST_MOMENT, bounds.LATEST_MOMENT)
                & bounds.between("closes_at", bounds.EARLIEST_MOMENT, bounds.LATEST_MOMENT),
                name="survey_round_values_in_range",
                violation_error_message=_("A value of the survey round is outside its allowed range."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("stedskompasset:results", args=[self.centre.slug]) + f"?runde={self.pk}"

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A survey round must close after it opens.")})


class SurveyResponse(models.Model):
    class Kind(models.TextChoices):
        SURVEY = "survey", _("Resident's answer")
        WORKSHOP = "workshop", _("Workshop group")

    round = models.ForeignKey(SurveyRound, verbose_name=_("survey round"), on_delete=models.CASCADE,
                              related_name="responses")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.SURVEY)
    # The resident who answered; emptied when they delete their account (the scores stay, anonymous).
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="place_standard_answers")
    # A workshop: the facilitator who typed in the group's paper form, how many took part, when and where.
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    participants = models.PositiveSmallIntegerField(
        _("participants"), default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTICIPANTS)])
    held_on = models.DateField(_("date of the workshop"), null=True, blank=True)
    held_at = models.CharField(_("place of the workshop"), max_length=200, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["created_at", "pk"]
        constraints = [
            # Refused by the database, so two answers sent at once cannot both pass the check.
            models.UniqueConstraint(fields=["round", "respondent"], condition=Q(respondent__isnull=False),
                                    name=ONE_ANSWER_PER_ROUND,
                                    violation_error_message=_("You have already answered in this round.")),
            models.CheckConstraint(
                condition=Q(participants__gte=1, participants__lte=MAX_PARTICIPANTS)
                & (Q(kind="workshop") | Q(participants=1, held_on__isnull=True, held_at="")),
                name="stedskompasset_participants_in_range",
                violation_error_message=_("A workshop has 1 to 500 participants; a resident's answer has one."),
            ),
            models.CheckConstraint(
                condition=bounds.between("held_on", bounds.EARLIEST_MOMENT.date(), bounds.LATEST_MOMENT.date(),
                                         null=True),
                name="stedskompasset_held_on_in_range",
                violation_error_message=_("The date of the workshop is outside its allowed range."),
            ),
        ]

    def __str__(self):
        return f"{self.round} #{self.pk}"


class ThemeScore(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="scores")
    theme = models.PositiveSmallIntegerField(_("theme"), choices=THEME_CHOICES)
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(MIN_SCORE),
                                                                     MaxValueValidator(MAX_SCORE)])
    good_now = models.TextField(_("what is good now"), blank=True,
                                validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)])
    could_be_better = models.TextField(_("what could be better"), blank=True,
                                       validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)])

    class Meta:
        verbose_name = _("theme score")
        verbose_name_plural = _("theme scores")
        ordering = ["response", "theme"]
        indexes = [models.Index(fields=["theme", "score"])]
        constraints = [
            models.UniqueConstraint(fields=["response", "theme"], name="stedskompasset_one_score_per_theme"),
            models.CheckConstraint(
                condition=Q(theme__gte=THEMES[0].number, theme__lte=THEMES[-1].number)
                & Q(score__gte=MIN_SCORE, score__lte=MAX_SCORE),
                name="stedskompasset_score_in_range",
                violation_error_message=_("A score is a whole number from 1 to 7."),
            ),
        ]
