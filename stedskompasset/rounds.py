"""Planners and administrators open a survey round at a centre (stedskompasset.manage_rounds).

Rounds of one centre may not overlap: the survey page asks one round at a time, and a resident's
"one answer per round" would otherwise let them answer the same question twice at once.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from asker.decorators import permission_required
from asker.forms import AccessibleErrorsMixin, NorwegianTextarea
from places.models import Centre

from .models import SurveyRound

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class RoundForm(AccessibleErrorsMixin, forms.ModelForm):
    class Meta:
        model = SurveyRound
        fields = ["title", "description", "opens_at", "closes_at"]
        widgets = {"opens_at": DATETIME, "closes_at": DATETIME, "description": NorwegianTextarea(attrs={"rows": 4}),
                   "title": forms.TextInput(attrs={"lang": "nb"})}

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.centre = centre
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes > opens:
            overlapping = SurveyRound.objects.filter(centre=self.instance.centre, opens_at__lt=closes,
                                                     closes_at__gt=opens).exclude(pk=self.instance.pk).first()
            if overlapping is not None:
                raise forms.ValidationError(
                    _("The round overlaps “%(title)s” at this centre. Rounds of one centre follow each other.")
                    % {"title": overlapping.title})
        return data


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("stedskompasset.manage_rounds")
def new_round(request, slug):
    centre = get_object_or_404(Centre.objects.only("name", "slug", "municipality_id"), slug=slug)
    form = RoundForm(request.POST or None, centre=centre)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            survey_round = form.save()
            messages.success(request, _("The round “%(title)s” is saved.") % {"title": survey_round.title})
            return redirect("stedskompasset:survey", slug=centre.slug)
        status = 400
    return render(request, "stedskompasset/round_form.html", {"centre": centre, "form": form}, status=status)
