from django import forms

from . import orgnr
from .models import ORGNR_LENGTH


class OrganisationNumberField(forms.CharField):
    """An organisation number as people write it ("974 760 673"): spaces are dropped, then the
    one rule (orgnr.validate) decides. For every form that takes one."""

    default_validators = [orgnr.validate]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)  # room for the spaces people type
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "numeric")
        self.widget.attrs.setdefault("autocomplete", "off")

    def to_python(self, value):
        value = super().to_python(value)
        # Only plain spaces between digit groups; any other character is left for the rule to refuse.
        return value.replace(" ", "") if value else value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["size"] = ORGNR_LENGTH + 2
        return attrs
