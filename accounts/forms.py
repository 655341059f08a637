from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordResetForm,
    SetPasswordForm,
    UserCreationForm,
)
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from asker.forms import AccessibleErrorsMixin

from .models import Registration

User = get_user_model()


def _no_autofocus(form, name):
    # Focus starts at the top of the page, so the skip link and the heading come first.
    if name in form.fields:
        form.fields[name].widget.attrs.pop("autofocus", None)


class SignInForm(AccessibleErrorsMixin, AuthenticationForm):
    """Django's sign-in form (`username`, `password`), which also recognises an account that
    was registered but not yet activated, when the right password is given for it."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "pending": _(
            "This account is not activated yet. We have sent an e-mail with an activation link "
            "to the address you registered with: follow the link, then sign in."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _no_autofocus(self, "username")
        self.pending_user = None

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            # Not when django-axes has just locked the sign-in out: the lockout page answers then.
            if error.code != "invalid_login" or getattr(self.request, "axes_locked_out", False):
                raise
            self.pending_user = self._pending_account()
            if self.pending_user is None:
                raise
            raise ValidationError(self.error_messages["pending"], code="pending") from None

    def _pending_account(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if not username or not password:
            return None
        user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None or user.is_active or not user.check_password(password):
            return None
        if not Registration.objects.filter(user=user, activated_at__isnull=True).exists():
            return None  # deactivated by an administrator: the usual message, nothing sent
        return user


class RegistrationForm(AccessibleErrorsMixin, UserCreationForm):
    """A resident's sign-up: username, e-mail address and password (Django's validators).

    `website` is a honeypot: hidden from people, filled in by robots.
    """

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send a link to this address to activate your account."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    error_messages = {
        **UserCreationForm.error_messages,
        "duplicate_email": _(
            "An account with this e-mail address already exists. Sign in, or reset your "
            "password if you have forgotten it."
        ),
    }

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _no_autofocus(self, "username")
        self.order_fields(["username", "email", "password1", "password2", "website"])

    @property
    def is_robot(self):
        """Whether the honeypot was filled in (look before validating: no errors needed)."""
        return bool(self.data.get(self.add_prefix("website"), "").strip())

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if User._default_manager.filter(email__iexact=email).exists():
            raise ValidationError(self.error_messages["duplicate_email"], code="duplicate_email")
        return email


class ResetPasswordForm(AccessibleErrorsMixin, PasswordResetForm):
    pass


class NewPasswordForm(AccessibleErrorsMixin, SetPasswordForm):
    pass
