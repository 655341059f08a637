from celery import shared_task

from . import ratelimit, services


@shared_task
def delete_expired_registrations():
    """Hourly (migration 0003): accounts never activated before their link ran out."""
    return services.delete_expired_registrations()


@shared_task
def delete_expired_rate_counters():
    """Hourly (migration 0003): rate-limit windows that are over."""
    return ratelimit.delete_expired()


@shared_task
def delete_expired_sessions():
    """Nightly (migration 0005): sessions past their expiry, which Django never removes by
    itself; the privacy statement promises a session lasts no longer than its period."""
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
