from django import forms
from django.utils.translation import gettext_lazy as _

from asker.forms import AccessibleErrorsMixin

from .models import PAGE_MAX_LENGTH, PROBLEM_MAX_LENGTH


class BarrierReportForm(AccessibleErrorsMixin, forms.Form):
    """What stopped the visitor, where, and (if they want an answer) their e-mail address.

    `website` is a honeypot: hidden from people, filled in by robots.
    """

    page = forms.CharField(
        label=_("Which page? (optional)"), max_length=PAGE_MAX_LENGTH, required=False,
        help_text=_("The address of the page, or its heading."),
    )
    problem = forms.CharField(
        label=_("What is the problem?"), max_length=PROBLEM_MAX_LENGTH,
        help_text=_("What did you try to do, and what stopped you? Please write no sensitive personal information."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Describe the problem.")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"), max_length=254, required=False,
        help_text=_("Only if you want an answer. We use it for nothing else."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_robot(self):
        """Whether the honeypot was filled in (look before validating: no errors needed)."""
        return bool(self.data.get(self.add_prefix("website"), "").strip())
