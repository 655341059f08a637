"""asker.forms: a field with an error says so to screen readers and points to its message."""

from django import forms

from asker.forms import AccessibleErrorsMixin


class Example(AccessibleErrorsMixin, forms.Form):
    name = forms.CharField()
    email = forms.EmailField(help_text="We write to this address.")
    note = forms.CharField(required=False)


def test_invalid_fields_point_to_their_message_and_help_text():
    form = Example({"name": "", "email": "nope", "note": ""})
    assert not form.is_valid()
    assert 'aria-invalid="true"' in str(form["name"])
    assert 'aria-describedby="id_name-error"' in str(form["name"])
    assert 'aria-describedby="id_email-error id_email_helptext"' in str(form["email"])
    assert "aria-invalid" not in str(form["note"])


def test_a_valid_form_is_left_as_django_renders_it():
    form = Example({"name": "Kari", "email": "kari@example.org"})
    assert form.is_valid()
    assert "aria-invalid" not in str(form["email"])
    assert 'aria-describedby="id_email_helptext"' in str(form["email"])
