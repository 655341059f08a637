"""Forms of the places models that the admin and the planner's workspace share."""

from django import forms
from django.core.exceptions import ValidationError


class PhaseInlineFormSet(forms.BaseInlineFormSet):
    """The phases (byggetrinn) of a project, edited together with the project.

    The one place the phase-total rule is checked for a form: the phases as they are about to
    be saved (changed, added, without the deleted ones) must add up to the project's dwellings
    as they are about to be saved. Both the admin's inline and the workspace use it; the
    project form is validated first, so `self.instance` already holds its new totals.
    """

    def phases_to_keep(self):
        # An untouched extra row has no cleaned data; a cleaned row's instance holds its values.
        return [form.instance for form in self.forms if form.cleaned_data and not self._should_delete_form(form)]

    def clean(self):
        super().clean()
        if any(self.errors):
            return  # each phase's own message first
        try:
            self.instance.check_phase_totals(self.phases_to_keep())
        except ValidationError as exc:
            raise ValidationError(exc.messages, code="phase_totals")
