"""E-mail to an organisation's representatives when someone registers interest."""

from celery import shared_task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from asker import mail

from .models import Interest


@shared_task(name="volunteering.tell_representatives")
def tell_representatives(interest_id, language):
    """One message to every representative with an address. Returns how many were addressed."""
    interest = Interest.objects.select_related("opportunity__organisation", "user").filter(pk=interest_id).first()
    if interest is None:
        return 0
    opportunity = interest.opportunity
    to = sorted(opportunity.organisation.representatives.filter(user__is_active=True).exclude(user__email="")
                .values_list("user__email", flat=True))
    if not to:
        return 0
    with translation.override(language):
        context = {"opportunity": opportunity, "interest": interest,
                   "url": mail.site_url(reverse("volunteering:interested", args=[opportunity.pk]))}
        subject = _("New interest: %(title)s") % {"title": opportunity.title}
        body = render_to_string("volunteering/email/interest.txt", context)
    mail.send(subject, body, to)
    return len(to)
