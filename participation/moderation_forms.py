"""Forms for the moderators' pages (/moderering/): queue filters, bulk decisions, one comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from asker.forms import AccessibleErrorsMixin, NorwegianNamesSelect

from .models import Comment, Consultation, Flag, ModerationAction

REASON_CHOICES = [("", _("Choose a reason"))] + list(ModerationAction.Reason.choices)


class QueueFilterForm(forms.Form):
    consultation = forms.ModelChoiceField(
        label=_("Consultation"), queryset=Consultation.objects.none(),
        required=False, empty_label=_("All consultations"), widget=NorwegianNamesSelect,
    )
    state = forms.ChoiceField(
        label=_("State"), required=False,
        choices=[("", _("All states")),
                 (Comment.State.PENDING, Comment.State.PENDING.label),
                 (Comment.State.PUBLISHED, Comment.State.PUBLISHED.label),
                 (Comment.State.HIDDEN, Comment.State.HIDDEN.label)],
    )
    reason = forms.ChoiceField(label=_("Flag reason"), required=False,
                               choices=[("", _("All reasons"))] + list(Flag.Reason.choices))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only consultations this moderator may see: one about an archived or confidential
        # project is named nowhere its link would answer 404.
        self.fields["consultation"].queryset = (
            Consultation.objects.visible_to(user).only("id", "title").order_by("title"))


class ReasonForm(AccessibleErrorsMixin, forms.Form):
    """Reject or hide: a reason from the list, and a note if the moderator has one."""

    reason = forms.ChoiceField(label=_("Reason"), choices=REASON_CHOICES)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class NoteForm(AccessibleErrorsMixin, forms.Form):
    """Approve or restore: only an optional note."""

    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class BlockForm(AccessibleErrorsMixin, forms.Form):
    days = forms.IntegerField(label=_("Days"), min_value=1, max_value=3650, initial=30,
                              help_text=_("From 1 to 3650 days."))
    reason = forms.ChoiceField(label=_("Reason"), choices=REASON_CHOICES)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class BulkForm(AccessibleErrorsMixin, forms.Form):
    APPROVE = "approve"
    REJECT = "reject"

    comments = forms.ModelMultipleChoiceField(
        label=_("Comments"), queryset=Comment.objects.all(),
        error_messages={"required": _("Choose at least one comment.")},
    )
    # Sent by the button pressed ("Approve selected" / "Reject selected"), not rendered as a field.
    action = forms.ChoiceField(label=_("Decision"), choices=[(APPROVE, _("Approve")), (REJECT, _("Reject"))])
    reason = forms.ChoiceField(label=_("Reason for rejecting"), choices=REASON_CHOICES, required=False)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        if data.get("action") == self.REJECT and not data.get("reason"):
            self.add_error("reason", _("Choose a reason for rejecting."))
        return data
