"""Plan documents: PDFs only (a PDF library must open them), limited in size.

The size of the request itself is bounded before the form sees it (asker/uploads.py).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from asker.uploads import validate_pdf
from places.models import Plan, PlanDocument

from .access import planner_required
from .forms import ModelErrorsMixin


def max_bytes():
    return getattr(settings, "PLAN_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)


class PlanDocumentForm(ModelErrorsMixin, forms.ModelForm):
    file = forms.FileField(label=gettext_lazy("PDF file"),
                           widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}))

    class Meta:
        model = PlanDocument
        fields = ["title", "file"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())}
            )
        validate_pdf(upload)
        return upload

    def save(self, commit=True):
        self.instance.size = self.cleaned_data["file"].size
        return super().save(commit)


@planner_required
def documents(request, pk):
    plan = get_object_or_404(Plan, pk=pk)
    form = PlanDocumentForm(request.POST or None, request.FILES or None, instance=PlanDocument(plan=plan))
    if request.method == "POST":
        if form.is_valid():
            document = form.save()
            messages.success(request, _("Added “%(title)s”.") % {"title": document.title})
            return redirect("workspace:plan_documents", pk=plan.pk)
        status = 400
    else:
        status = 200
    context = {"plan": plan, "form": form, "documents": plan.documents.all()}
    return render(request, "workspace/plan_documents.html", context, status=status)


@require_POST
@planner_required
def document_delete(request, pk, document_pk):
    document = get_object_or_404(PlanDocument, pk=document_pk, plan_id=pk)
    document.file.delete(save=False)
    document.delete()
    messages.success(request, _("Removed “%(title)s”.") % {"title": document.title})
    return redirect("workspace:plan_documents", pk=pk)
