import rules
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from asker.pagecache import public_page

from .models import Category, Organisation, RepresentationRequest
from .opportunities import today

PAGE_SIZE = 50


def _categories():
    return Prefetch("categories", queryset=Category.objects.order_by("code"))


@require_safe
@public_page
def organisation_list(request):
    organisations = (Organisation.objects.visible_to(request.user).select_related("centre")
                     .only("number", "name", "post_town", "active", "centre__name", "centre__slug")
                     .annotate(open_opportunities=_open_opportunities())
                     .prefetch_related(_categories()).order_by("name", "number"))
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "volunteering/organisation_list.html", {"page": page})


@require_safe
@public_page
def organisation_detail(request, number):
    organisation = get_object_or_404(
        Organisation.objects.visible_to(request.user).select_related("centre").defer("centre__catchment")
        .prefetch_related(_categories()),
        number=number,
    )
    user = request.user
    opportunities = organisation.opportunities.order_by("starts_on", "pk").select_related("centre").only(
        "title", "starts_on", "ends_on", "published", "organisation_id", "centre__name", "centre__slug")
    may_edit = rules.has_perm("volunteering.edit_organisation", user, organisation)
    context = {
        "organisation": organisation,
        # Representatives also see their drafts and what has ended, to change them.
        "opportunities": opportunities if may_edit else opportunities.filter(published=True).current(),
        "may_edit": may_edit,
        "may_request": rules.has_perm("volunteering.request_representation", user, organisation),
        "waiting": user.is_authenticated and RepresentationRequest.objects.filter(
            organisation=organisation, user=user, state=RepresentationRequest.State.PENDING).exists(),
    }
    return render(request, "volunteering/organisation_detail.html", context)


def _open_opportunities():
    return Count("opportunities", distinct=True, filter=Q(opportunities__published=True) & (
        Q(opportunities__ends_on__isnull=True) | Q(opportunities__ends_on__gte=today())))
