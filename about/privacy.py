"""The numbers the privacy statement gives, read from the settings and the code that enforce
them, so the statement cannot say one thing while the portal does another."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts import services as accounts_services
from asker.celery import app as celery_app
from participation import services as participation_services
from participation.models import Consultation
from participation.mydata import DELETE_ACCOUNT_TRIES

from .services import REPORT_RETENTION_DAYS, report_rate_limit

# What each rate limit of settings.ACCOUNTS_RATE_LIMITS counts (a test requires every scope here).
RATE_LIMIT_SCOPES = {
    "register": _("registrations"),
    "password_reset": _("requests for a new password"),
}
CONSULTATIONS_PER_PAGE = 50


def period(seconds):
    """“1 hour”, “15 minutes”, “3 days”, “52 weeks”: a length of time in the active language."""
    seconds = int(seconds)
    week = 7 * 86400
    if seconds % week == 0 and seconds >= 8 * week:
        return ngettext("%(n)d week", "%(n)d weeks", seconds // week) % {"n": seconds // week}
    if seconds % 86400 == 0:
        return ngettext("%(n)d day", "%(n)d days", seconds // 86400) % {"n": seconds // 86400}
    if seconds % 3600 == 0:
        return ngettext("%(n)d hour", "%(n)d hours", seconds // 3600) % {"n": seconds // 3600}
    minutes = max(1, seconds // 60)
    return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}


def per(seconds):
    """What a limit counts per: “hour”, “minute”, “day”, or a period of several (“2 hours”)."""
    singular = {3600: _("hour"), 60: _("minute"), 86400: _("day")}
    return singular.get(int(seconds)) or period(seconds)


def _seconds(value):
    """A duration django-axes or Celery accepts: a timedelta, or a number (axes: hours)."""
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value) * 3600


def _ip_limits():
    rows = [{"what": RATE_LIMIT_SCOPES.get(scope, scope), "limit": limit, "period": per(seconds)}
            for scope, (limit, seconds) in settings.ACCOUNTS_RATE_LIMITS.items()]
    limit, seconds = report_rate_limit()
    rows.append({"what": _("barrier reports"), "limit": limit, "period": per(seconds)})
    return rows


def _account_limits():
    rows = [{"what": _("comments"), "limit": limit, "period": per(seconds)}
            for seconds, limit in participation_services.rate_limits()]
    tries, seconds = DELETE_ACCOUNT_TRIES
    rows.append({"what": _("password tries when deleting the account"), "limit": tries, "period": per(seconds)})
    return rows


def facts():
    """Every length of time and limit the statement names."""
    results = celery_app.conf.result_expires
    basemap = urlsplit(settings.BASEMAP_URL).hostname if settings.BASEMAP_URL else None
    return {
        "activation": period(accounts_services.activation_timeout()),
        "lockout_failures": settings.AXES_FAILURE_LIMIT,
        "lockout": period(_seconds(settings.AXES_COOLOFF_TIME)),
        "session": period(settings.SESSION_COOKIE_AGE),
        "csrf_cookie": period(settings.CSRF_COOKIE_AGE) if settings.CSRF_COOKIE_AGE else None,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie_name": settings.CSRF_COOKIE_NAME,
        "mail_jobs": period(_seconds(results)) if results else None,
        "reports": period(REPORT_RETENTION_DAYS * 86400),
        "ip_limits": _ip_limits(),
        "account_limits": _account_limits(),
        "basemap_host": basemap,
    }


def consultations(user, page_number=None):
    """The consultations `user` may see whose comments still name their authors: upcoming, open,
    and closed but not yet past their retention period, soonest end first; with the date each
    will remove its authors (None: kept until the authors delete their accounts)."""
    now = timezone.now()
    qs = (Consultation.objects.visible_to(user).filter(anonymised_at__isnull=True)
          .only("title", "slug", "opens_at", "closes_at", "retention_days")
          .order_by(F("closes_at").asc(), "pk"))
    page = Paginator(qs, CONSULTATIONS_PER_PAGE).get_page(page_number)
    for consultation in page.object_list:
        days = consultation.retention_days
        consultation.authors_removed_on = (
            consultation.closes_at + timedelta(days=days) if days is not None else None)
        # The nightly task has not got to it yet.
        consultation.removal_due = consultation.authors_removed_on is not None and consultation.authors_removed_on <= now
        consultation.phase_now = consultation.phase(now)
    anonymised = Consultation.objects.visible_to(user).filter(anonymised_at__isnull=False).count()
    return page, anonymised

