from celery import shared_task

from . import services


@shared_task
def delete_old_barrier_reports():
    """Daily (migration 0002): barrier reports older than the privacy statement says we keep them."""
    return services.delete_old_reports()
