from celery import shared_task

from . import data


@shared_task
def anonymise_expired_consultations():
    """Daily (see migration 0002): remove authors once a consultation's retention period is over."""
    return data.anonymise_expired_consultations()
