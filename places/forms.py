"""Forms of the places models that the admin and the planner's workspace share."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class PhaseInlineFormSet(forms.BaseInlineFormSet):
    """The phases (byggetrinn) of a project, edited together with the project.

    The one place the phase rules are checked for a form, on the phases as they will be after
    saving: those of the form (changed, added, without the deleted ones) and those of the
    database the form does not hold (added by someone else since the page was shown, or left
    out of a form whose management data was tampered with). Their numbers differ, and their
    dwellings add up to the project's as it is about to be saved. Both the admin's inline and
    the workspace use it; the project form is validated first, so `self.instance` already
    holds its new totals.

    `refused` carries a refusal that came only when saving (places.services.save_project):
    the form shown again says it with the phases' other errors.
    """

    def __init__(self, *args, refused=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.refused = refused

    def phases_to_keep(self):
        # An untouched extra row has no cleaned data; a cleaned row's instance holds its values.
        return [form.instance for form in self.forms if form.cleaned_data and not self._should_delete_form(form)]

    def phases_not_in_form(self):
        if self.instance.pk is None:
            return []
        held = [form.instance.pk for form in self.initial_forms if form.instance.pk is not None]
        return list(self.instance.phases.exclude(pk__in=held).only("pk", "number", "dwellings"))

    def clean(self):
        super().clean()
        if self.refused is not None:
            raise ValidationError(self.refused.messages, code="refused")
        if any(self.errors):
            return  # each phase's own message first
        phases = self.phases_to_keep() + self.phases_not_in_form()
        numbers = [phase.number for phase in phases]
        taken = sorted({number for number in numbers if numbers.count(number) > 1})
        errors = []
        if taken:
            errors.append(ValidationError(
                _("Two phases of a project cannot have the same number: %(numbers)s. Someone may have changed "
                  "the phases since you opened the page; open it again to see them."),
                code="phase_number", params={"numbers": ", ".join(map(str, taken))},
            ))
        try:
            self.instance.check_phase_totals(phases)
        except ValidationError as exc:
            errors.append(ValidationError(exc.messages, code="phase_totals"))
        if errors:
            raise ValidationError(errors)
