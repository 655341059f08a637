"""Response headers for every page, and the CSP nonce for widgets that print one.

The Content-Security-Policy itself comes from django-csp (settings.CONTENT_SECURITY_POLICY); this
module adds what it does not: the policy's nonce for form widgets, a Permissions-Policy, and
`Cache-Control: private` on everything rendered for a signed-in user.
"""

from contextvars import ContextVar
from pathlib import Path

import django.forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import cached_property

# Django renders a form widget with a context of its own, without the request, so a widget cannot
# reach request.csp_nonce; the middleware keeps it here for the time of the request.
_request_nonce = ContextVar("csp_nonce", default=None)


class FormRenderer(DjangoTemplates):
    """Django's default form renderer, handing the request's CSP nonce to widgets that leave
    `csp_nonce` empty: django-leaflet's LeafletWidget prints `<script nonce="{{ csp_nonce }}">`
    and gets it only when whoever builds the form passes it in (its admin does, our forms don't)."""

    def render(self, template_name, context, request=None):
        if "csp_nonce" in context and context["csp_nonce"] is None:
            context = {**context, "csp_nonce": _request_nonce.get()}
        return super().render(template_name, context, request=request)

    @cached_property
    def engine(self):
        # Django's, with the project's templates/ first, as for pages: templates/leaflet/widget.html
        # corrects django-leaflet's widget template (it says how).
        return self.backend({"APP_DIRS": True, "NAME": "djangoforms", "OPTIONS": {},
                             "DIRS": [settings.BASE_DIR / "templates", Path(django.forms.__file__).parent / "templates"]})


def _signed_in(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class SecurityHeadersMiddleware:
    """Must come after django-csp's CSPMiddleware (which makes request.csp_nonce) and Django's
    AuthenticationMiddleware (which says who is signed in)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})" for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        # Before the view: signing out turns the user anonymous, but that response was still
        # made for someone signed in.
        signed_in = _signed_in(request)
        token = _request_nonce.set(getattr(request, "csp_nonce", None))
        try:
            response = self.get_response(request)
        finally:
            _request_nonce.reset(token)
        if signed_in or _signed_in(request):
            # What a planner sees may be confidential: never stored by a shared cache, and never
            # served from one to someone else with another cookie.
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response
