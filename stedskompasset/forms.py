"""The survey form (a resident's answer) and the workshop form (a group's paper form typed in by a
facilitator): a score of 1..7 for each of the 14 themes, each with two optional comments."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asker.forms import AccessibleErrorsMixin, NorwegianNamesSelect, NorwegianTextarea
from places import bounds

from .models import COMMENT_MAX_LENGTH, MAX_PARTICIPANTS
from .themes import MAX_SCORE, MIN_SCORE, SCORES, THEMES

SCORE_REQUIRED = _("Choose a score from 1 to 7.")


def score_label(score):
    """The ends of the scale say what they mean, as the Place Standard explains them."""
    if score == MIN_SCORE:
        return _("1 – much room for improvement")
    if score == MAX_SCORE:
        return _("7 – very little room for improvement")
    return str(score)


class ThemeScoresMixin:
    """For each theme: `score_N` (radio buttons 1..7), `good_N` and `better_N` (optional texts)."""

    def add_theme_fields(self):
        for theme in THEMES:
            n = theme.number
            self.fields[f"score_{n}"] = forms.TypedChoiceField(
                label=theme.name, coerce=int, choices=[(s, score_label(s)) for s in SCORES],
                widget=forms.RadioSelect,
                error_messages={"required": SCORE_REQUIRED, "invalid_choice": SCORE_REQUIRED})
            self.fields[f"good_{n}"] = forms.CharField(
                label=_("What is good now? (optional)"), required=False, max_length=COMMENT_MAX_LENGTH,
                widget=NorwegianTextarea(attrs={"rows": 2}))
            self.fields[f"better_{n}"] = forms.CharField(
                label=_("What could be better? (optional)"), required=False, max_length=COMMENT_MAX_LENGTH,
                widget=NorwegianTextarea(attrs={"rows": 2}))

    def themes(self):
        """Per theme, its bound fields, for the template."""
        return [{"theme": theme, "score": self[f"score_{theme.number}"], "good": self[f"good_{theme.number}"],
                 "better": self[f"better_{theme.number}"]} for theme in THEMES]

    def scores(self):
        """{theme number: (score, what is good now, what could be better)} from cleaned data."""
        data = self.cleaned_data
        return {theme.number: (data[f"score_{theme.number}"], data[f"good_{theme.number}"].strip(),
                               data[f"better_{theme.number}"].strip()) for theme in THEMES}


class SurveyForm(ThemeScoresMixin, AccessibleErrorsMixin, forms.Form):
    # The round the resident saw: answering goes to that round or is refused, never to another.
    runde = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_theme_fields()


class WorkshopForm(ThemeScoresMixin, AccessibleErrorsMixin, forms.Form):
    runde = forms.TypedChoiceField(label=_("Survey round"), coerce=int, widget=NorwegianNamesSelect)
    participants = forms.IntegerField(label=_("Number of participants in the group"), min_value=1,
                                      max_value=MAX_PARTICIPANTS)
    held_on = forms.DateField(label=_("Date of the workshop (optional)"), required=False,
                              help_text=_("For example 21.10.2021."),
                              widget=forms.DateInput(attrs={"autocomplete": "off"}))
    held_at = forms.CharField(label=_("Place of the workshop (optional)"), required=False, max_length=200)

    def __init__(self, *args, rounds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["runde"].choices = [(r.pk, r.title) for r in rounds]
        self.add_theme_fields()

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on is None:
            return None
        if not bounds.EARLIEST_MOMENT.date() <= held_on <= bounds.LATEST_MOMENT.date():
            raise forms.ValidationError(_("Choose a date in the years 2000 to 2100."))
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("The workshop cannot have been held in the future."))
        return held_on
