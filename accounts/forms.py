from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordResetForm,
    SetPasswordForm,
    UserCreationForm,
)
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from asker import mail
from asker.forms import AccessibleErrorsMixin

from . import services
from .models import Registration

User = get_user_model()


def _no_autofocus(form, name):
    # Focus starts at the top of the page, so the skip link and the heading come first.
    if name in form.fields:
        form.fields[name].widget.attrs.pop("autofocus", None)


class SignInForm(AccessibleErrorsMixin, AuthenticationForm):
    """Django's sign-in form (`username`, `password`), which also recognises an account that
    was registered but not yet activated, when the right password is given for it
    (`pending_user`: the account, or the UsernameReservation of a registration whose address
    had an account, which is answered alike)."""

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
        if user is None:
            # Said of a username held for a registration with a taken address just as of a new
            # account, or this page would tell which of the two the address was.
            return services.reservation_for_sign_in(username, password)
        if user.is_active or not user.check_password(password):
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

    def clean_username(self):
        username = self.cleaned_data.get("username")
        if username and services.username_taken(username):
            raise self._username_taken_error()
        return username

    def _username_taken_error(self):
        return self.instance.unique_error_message(User, ["username"])

    def clean_email(self):
        # Whether the address has an account is never said here, but only to its owner, by
        # e-mail (services.register): the page must not tell anyone who is registered.
        return User.objects.normalize_email(self.cleaned_data["email"])

    def username_taken(self):
        """Say the username is taken, as the form's own check does (a concurrent registration
        took it after that check)."""
        self.add_error("username", self._username_taken_error())


class ResetPasswordForm(AccessibleErrorsMixin, PasswordResetForm):
    """Django's reset form (the same answer for every address), with the link built on
    settings.SITE_URL instead of the request's host, and the mail sent by a worker."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        context["reset_url"] = mail.site_url(reverse(
            "accounts:password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}))
        # Django's `protocol` and `domain` come from the request: the template must not use them.
        del context["protocol"], context["domain"]
        services.send_templated_mail("password_reset", context, [to_email])


class NewPasswordForm(AccessibleErrorsMixin, SetPasswordForm):
    pass
