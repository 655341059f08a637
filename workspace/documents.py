"""Plan documents: PDFs only (a PDF library must open them), limited in size.

The size of the request itself is bounded before the form sees it (asker/uploads.py).
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from places.models import Plan, PlanDocument

from .access import planner_required
from .forms import ModelErrorsMixin


class PlanDocumentForm(ModelErrorsMixin, forms.ModelForm):
    file = forms.FileField(label=gettext_lazy("PDF file"),
                           widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}))

    class Meta:
        model = PlanDocument
        fields = ["title", "file"]

    # Type and size are the model's rule (places.models.plans.check_plan_document), shared
    # with the admin.


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
