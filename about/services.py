"""Barrier reports: storing one, telling the administrators, and forgetting old ones."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from asker import mail, roles

from .models import BarrierReport

log = logging.getLogger(__name__)

# A report is deleted this many days after it came in: long enough to answer it and to fix
# the barrier; the privacy statement shows the number.
REPORT_RETENTION_DAYS = 365
# (reports, seconds) per IP address; the form sends e-mail to every administrator.
DEFAULT_REPORT_RATE_LIMIT = (5, 3600)


def report_rate_limit():
    return getattr(settings, "BARRIER_REPORT_RATE_LIMIT", DEFAULT_REPORT_RATE_LIMIT)


def administrators():
    """The active users roles.is_administrator holds for, who have an e-mail address.

    The same rule as the predicate (a superuser, or a member of the administrator group),
    written as a query because the predicate takes one user at a time; a test holds the two
    together.
    """
    return (get_user_model().objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__name=roles.ADMINISTRATOR))
            .exclude(email="").distinct().order_by("pk"))


def submit_report(page, problem, email, language):
    """Store a report, then e-mail it to each administrator (one message each, so no one sees
    the others' addresses and one bad address stops nothing)."""
    report = BarrierReport.objects.create(page=page, problem=problem, email=email, language=language)
    notify_administrators(report)
    return report


def notify_administrators(report):
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Barrier reported on the Asker planning portal")
        body = render_to_string("about/email/report.txt", {
            "report": report,
            "admin_url": mail.site_url(reverse("admin:about_barrierreport_change", args=[report.pk])),
        })
    reply_to = [report.email] if report.email else None
    recipients = list(administrators().values_list("email", flat=True))
    if not recipients:
        log.warning("barrier report %s: no active administrator has an e-mail address", report.pk)
    for address in recipients:
        mail.send(subject, body, [address], reply_to=reply_to)


def delete_old_reports(now=None):
    """Delete the reports older than REPORT_RETENTION_DAYS; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=REPORT_RETENTION_DAYS)
    count, _deleted = BarrierReport.objects.filter(created_at__lt=cutoff).delete()
    return count
