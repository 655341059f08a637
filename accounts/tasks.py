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
