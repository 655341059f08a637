"""Planners write the municipality's answer to a closed consultation, then publish it in a
separate step (participation.answers.save_answer and publish_answer hold the rules)."""

from django import forms
from django.contrib import messages
from django.core.validators import URLValidator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from asker.forms import AccessibleErrorsMixin, NorwegianTextarea
from participation import answers, services
from participation.models import ANSWER_PART_MAX_LENGTH, CASE_NUMBER_MAX_LENGTH, Consultation, case_number_validator

from .consultations import consultation_manager

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
URL_MESSAGE = gettext_lazy("Give a web address that starts with http:// or https://.")


class WebAddressField(forms.URLField):
    """http(s) only, with one message: URLField's own validator would add a second, the same."""
    default_validators = [URLValidator(schemes=["http", "https"], message=URL_MESSAGE)]
    default_error_messages = {"invalid": URL_MESSAGE}


def _part(label, help_text):
    return forms.CharField(label=label, help_text=help_text, required=False, max_length=ANSWER_PART_MAX_LENGTH,
                           widget=NorwegianTextarea(attrs={"rows": 6}))


class AnswerForm(AccessibleErrorsMixin, forms.Form):
    answer_heard = _part(gettext_lazy("What we heard"),
                         gettext_lazy("A summary of what the comments said, in plain words."))
    answer_changes = _part(gettext_lazy("What changes"),
                           gettext_lazy("What the municipality changes because of the comments, or why not."))
    answer_next = _part(gettext_lazy("What happens next"),
                        gettext_lazy("The next steps of the case, and when."))
    decided_on = forms.DateField(label=gettext_lazy("Date of the decision"), required=False,
                                 input_formats=DATE_INPUT_FORMATS,
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                 help_text=gettext_lazy("From the day the consultation closed up to today."))
    case_number = forms.CharField(label=gettext_lazy("Case number (saksnummer)"), required=False,
                                  max_length=CASE_NUMBER_MAX_LENGTH, validators=[case_number_validator])
    case_url = WebAddressField(label=gettext_lazy("Link to the case in the municipality's case system"),
                               required=False, max_length=500, assume_scheme="https")


def _page(request, consultation, form, status=200):
    context = {
        "consultation": consultation, "form": form,
        "why_not": services.why_not("participation.edit_answer", request.user, consultation),
        "why_not_publish": services.why_not("participation.publish_answer", request.user, consultation),
        "recipients": answers.answer_recipients(consultation),
        "log": consultation.answer_log.select_related("actor"),
    }
    return render(request, "workspace/answer_form.html", context, status=status)


def _consultation(pk):
    return get_object_or_404(Consultation.objects.defer("area"), pk=pk)


@consultation_manager
def answer_edit(request, pk):
    consultation = _consultation(pk)
    if request.method != "POST":
        return _page(request, consultation, AnswerForm(initial=answers.answer_of(consultation)))
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            changed = answers.save_answer(consultation, request.user, form.cleaned_data)
        except services.Refused as refusal:
            form.add_error(refusal.field if refusal.field in form.fields else None, refusal.message)
        else:
            if not changed:
                messages.info(request, _("Nothing was changed."))
            elif consultation.answer_published_at:
                messages.success(request, _("The published answer is changed. The change is logged; no e-mail is sent."))
            else:
                messages.success(request, _("The draft answer is saved. The public cannot see it until you publish it."))
            return redirect("workspace:consultation_answer", pk=consultation.pk)
    return _page(request, consultation, form, status=400)


@require_POST
@consultation_manager
def answer_publish(request, pk):
    consultation = _consultation(pk)
    try:
        answers.publish_answer(consultation, request.user)
    except services.Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The answer is published. Everyone who commented gets one e-mail about it."))
    return redirect("workspace:consultation_answer", pk=consultation.pk)
