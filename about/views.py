"""The accessibility statement (with the barrier form), the privacy statement, the contact page
(with the same form) and the site icon."""

import logging

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts import ratelimit
from asker.pagecache import public_page
from accounts.ip import client_ip

from . import content, privacy, services
from .forms import BarrierReportForm

log = logging.getLogger(__name__)


def _with_report_form(request, view_name, template, context):
    """Show `template` with the barrier form; on POST take a report from it."""
    status = 200
    if request.method == "POST":
        # Every POST counts, sent or refused: the form mails every administrator.
        ip = client_ip(request) or "unknown"
        wait = ratelimit.hit("barrier_report", ip, *services.report_rate_limit())
        if wait:
            log.warning("rate limit barrier_report reached for %s", ip)
            return ratelimit.too_many(request, wait)
        form = BarrierReportForm(request.POST)
        thanks = _("Thank you. Your report has gone to the portal's administrators.")
        if form.is_robot:
            log.info("barrier report honeypot filled; ignored")
            messages.success(request, thanks)  # a robot learns nothing
            return redirect(view_name)
        if form.is_valid():
            data = form.cleaned_data
            services.submit_report(data["page"].strip(), data["problem"].strip(), data["email"], get_language())
            if data["email"]:
                thanks += " " + _("We will answer you by e-mail.")
            messages.success(request, thanks)
            return redirect(view_name)
        status = 400
    else:
        form = BarrierReportForm()
    return render(request, template, {**context, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
def accessibility(request):
    return _with_report_form(request, "about:accessibility", "about/accessibility.html", {
        "updated": content.STATEMENT_UPDATED, "axe_version": content.axe_version(), "site_url": settings.SITE_URL,
    })


@require_http_methods(["GET", "POST"])
def contact(request):
    return _with_report_form(request, "about:contact", "about/contact.html", {"contact": content.CONTACT})


@require_safe
@public_page
def privacy_statement(request):
    page, anonymised = privacy.consultations(request.user, request.GET.get("side"))
    return render(request, "about/privacy.html", {
        "facts": privacy.facts(), "page": page, "anonymised": anonymised, "updated": content.PRIVACY_UPDATED,
    })


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the icon file."""
    return redirect(static("favicon.ico"), permanent=True)
