import logging

from axes.helpers import get_cool_off
from axes.utils import reset as reset_failed_sign_ins
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from . import services
from .forms import NewPasswordForm, RegistrationForm, ResetPasswordForm, SignInForm
from .ratelimit import rate_limited

log = logging.getLogger(__name__)


class SignInView(auth_views.LoginView):
    """Django's LoginView: `username`, `password` and a `next` that must stay on this site."""

    template_name = "accounts/login.html"
    authentication_form = SignInForm

    def form_invalid(self, form):
        if form.pending_user is not None:
            services.resend_activation_email(form.pending_user)
        return super().form_invalid(form)


class SignOutView(auth_views.LogoutView):
    """POST only (Django's LogoutView refuses GET); back to the map with a message."""

    def post(self, request, *args, **kwargs):
        was_signed_in = request.user.is_authenticated
        response = super().post(request, *args, **kwargs)
        if was_signed_in:
            messages.success(request, _("You are signed out."))
        return response


@sensitive_post_parameters("password1", "password2")
@csrf_protect
@never_cache
@rate_limited("register")
def register(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if form.is_robot:
            # Say nothing a robot could learn from; create and send nothing.
            log.info("registration honeypot filled; ignored")
            return redirect("accounts:register_done")
        if form.is_valid():
            try:
                services.register(form)
            except services.UsernameTaken:
                form.username_taken()
            else:
                # The same answer whether or not the address had an account.
                return redirect("accounts:register_done")
    else:
        form = RegistrationForm()
    return render(request, "accounts/register.html", {"form": form})


def register_done(request):
    days = max(1, services.activation_timeout() // 86400)
    return render(request, "accounts/register_done.html", {"valid_days": days})


@never_cache
def activate(request, token):
    """GET shows a button, POST activates: a link opened by a mail scanner changes nothing."""
    try:
        user = services.user_for_activation(token)
    except services.ActivationError as error:
        return render(request, "accounts/activate.html", {"error": error.reason}, status=400)
    if user.is_active:
        return render(request, "accounts/activate.html", {"already_active": True})
    if request.method == "POST":
        services.activate(user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your account is activated, and you are signed in."))
        return redirect("accounts:profile")
    return render(request, "accounts/activate.html", {"activation_user": user})


@login_required
def profile(request):
    return render(request, "accounts/profile.html", {"roles": services.role_labels(request.user)})


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response (settings.AXES_LOCKOUT_CALLABLE): a page, with HTTP 429."""
    cool_off = get_cool_off(request)
    minutes = max(1, int(cool_off.total_seconds() // 60)) if cool_off else None
    response = render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


password_reset = rate_limited("password_reset")(
    auth_views.PasswordResetView.as_view(
        form_class=ResetPasswordForm,
        template_name="accounts/password_reset_form.html",
        success_url=reverse_lazy("accounts:password_reset_done"),
    )
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html",
)
class NewPasswordView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # The lockout page sends people here: the new password must work at once.
        reset_failed_sign_ins(username=form.user.get_username())
        return response


password_reset_confirm = NewPasswordView.as_view()
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html",
)
