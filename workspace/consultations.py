"""Planners open, edit and close consultations (the models live in participation)."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from leaflet.forms.widgets import LeafletWidget

from asker.decorators import permission_required
from asker.forms import NorwegianNamesSelect
from participation import services
from participation.models import Consultation
from places.models import DevelopmentProject
from places.services import current_municipality

from .forms import ModelErrorsMixin, unique_slug

consultation_manager = permission_required("participation.manage_consultation")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ConsultationForm(ModelErrorsMixin, forms.ModelForm):
    # Lazy: a class attribute is made once, at import, in whatever language is active then.
    slug = forms.SlugField(label=gettext_lazy("Address name"), required=False, max_length=50)

    class Meta:
        model = Consultation
        fields = ["title", "slug", "text", "plan", "project", "centre", "opens_at", "closes_at", "moderation",
                  "retention_days", "area"]
        widgets = {"opens_at": DATETIME, "closes_at": DATETIME, "text": forms.Textarea(attrs={"rows": 6}),
                   "area": LeafletWidget(attrs={"geom_type": "MultiPolygon"}),
                   "plan": NorwegianNamesSelect, "project": NorwegianNamesSelect, "centre": NorwegianNamesSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only a project the public can see can be consulted on (Consultation.clean says why).
        self.fields["project"].queryset = DevelopmentProject.objects.public().order_by("name")
        for name in ("opens_at", "closes_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if not slug:
            return unique_slug(Consultation, self.cleaned_data.get("title") or "", self.instance.pk)
        if Consultation.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another consultation already has this address name."))
        return slug


@consultation_manager
def consultation_list(request):
    consultations = Consultation.objects.defer("area", "text").order_by("-opens_at")
    return render(request, "workspace/consultation_list.html", {"consultations": consultations})


@consultation_manager
def consultation_edit(request, pk=None):
    consultation = get_object_or_404(Consultation, pk=pk) if pk else Consultation(
        municipality=current_municipality(), created_by=request.user)
    form = ConsultationForm(request.POST or None, instance=consultation)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            consultation = form.save()
            messages.success(request, _("Saved “%(name)s”.") % {"name": consultation.title})
            return redirect("workspace:consultation_edit", pk=consultation.pk)
        status = 400
    context = {"form": form, "consultation": consultation if consultation.pk else None}
    return render(request, "workspace/consultation_form.html", context, status=status)


@require_POST
@consultation_manager
def consultation_close(request, pk):
    consultation = get_object_or_404(Consultation, pk=pk)
    try:
        services.close_consultation(consultation, request.user)
    except services.Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("“%(name)s” is closed for comments.") % {"name": consultation.title})
    return redirect("workspace:consultation_edit", pk=consultation.pk)
