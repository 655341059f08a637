from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from asker.forms import AccessibleErrorsMixin, NorwegianTextarea

from .gazetteer import PLACE_HELP
from .models import Flag
from .services import comment_max_length


class CommentTextMixin:
    """Writing and changing a comment share one limit (COMMENT_MAX_LENGTH, read when the form is made)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = comment_max_length()
        self.fields["text"].max_length = limit
        self.fields["text"].validators.append(MaxLengthValidator(limit))


class CommentForm(CommentTextMixin, AccessibleErrorsMixin, forms.Form):
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 5}))
    place = forms.CharField(label=_("Place (optional)"), required=False, max_length=200, help_text=PLACE_HELP)
    # Filled by clicking the map; the place-name field is the way without a mouse.
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    # Ticked (or cleared by the map's script) to send the comment without the chosen point.
    remove_point = forms.BooleanField(label=_("Remove the point"), required=False)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # Left empty by people; bots fill every field.
    website = forms.CharField(label=_("Leave this field empty"), required=False,
                              widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))


class PointForm(forms.Form):
    lon = forms.FloatField(min_value=-180, max_value=180)
    lat = forms.FloatField(min_value=-90, max_value=90)


class EditCommentForm(CommentTextMixin, AccessibleErrorsMixin, forms.Form):
    text = forms.CharField(label=_("Change your comment"), widget=NorwegianTextarea(attrs={"rows": 5}))
    remove_place = forms.BooleanField(label=_("Remove the place"), required=False)


class FlagForm(AccessibleErrorsMixin, forms.Form):
    reason = forms.ChoiceField(label=_("Why should a moderator look at this comment?"), choices=Flag.Reason.choices)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=500)
    # The page of comments the form was on, so the visitor comes back to the same place.
    side = forms.IntegerField(required=False, min_value=1, max_value=100000, widget=forms.HiddenInput)
    # Sent from a thread's own page: back there rather than to the consultation.
    traad = forms.BooleanField(required=False, widget=forms.HiddenInput)


class SecondReviewForm(AccessibleErrorsMixin, forms.Form):
    note = forms.CharField(label=_("Why should the comment be looked at again? (optional)"), required=False,
                           max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))
