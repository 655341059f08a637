"""What every form in the portal shares: errors that screen readers find.

The pattern first written for the project filters (places/filters.py): a field with an error
gets `aria-invalid="true"`, and its `aria-describedby` points at the message shown next to it,
`<p class="field-error" id="{{ field.auto_id }}-error">`, and at its help text when it
has one (`id="{{ field.auto_id }}_helptext"`, the id Django itself points to). The page also
shows an error summary that links to each field.
"""

from django import forms
from django.utils.translation import get_language


def mark_invalid_fields(form):
    """Tie each field's error message (and help text) to the field, for screen readers."""
    for name in form.errors:
        if name not in form.fields:
            continue
        field = form[name]
        described_by = [f"{field.auto_id}-error"]
        if field.help_text:
            described_by.append(f"{field.auto_id}_helptext")
        form.fields[name].widget.attrs.update(
            {"aria-invalid": "true", "aria-describedby": " ".join(described_by)}
        )


class AccessibleErrorsMixin:
    """Put first among a form's bases: marks invalid fields once the form is cleaned."""

    def full_clean(self):
        super().full_clean()
        mark_invalid_fields(self)

    def add_error(self, field, error):
        # Also for an error a view adds after is_valid() (a file that cannot be read, say):
        # without this the field would point at Django's own "<id>_error", which no page has.
        super().add_error(field, error)
        mark_invalid_fields(self)


def bokmal_active():
    return (get_language() or "nb").split("-")[0] in ("nb", "no")


class NorwegianNamesSelect(forms.Select):
    """A select of Norwegian names (centres, developers, plans): on pages in another language
    each option but the empty one is marked lang="nb", as names are elsewhere on the page."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if str(value) != "" and not bokmal_active():
            option["attrs"]["lang"] = "nb"
        return option
