from celery import shared_task

from . import data


@shared_task
def anonymise_expired_consultations():
    """Daily (see migration 0002): remove authors once a consultation's retention period is over."""
    return data.anonymise_expired_consultations()


@shared_task(name="participation.tell_commenters_of_answer")
def tell_commenters_of_answer(consultation_id):
    """Queued when an answer is published (answers.publish_answer): one e-mail per commenter, once."""
    from . import answers

    return answers.tell_commenters_of_answer(consultation_id)


@shared_task
def tell_commenters_of_answers_due():
    """Hourly (see migration 0007): answer notices that could not be queued when published."""
    from . import answers

    return answers.tell_commenters_of_answers_due()
