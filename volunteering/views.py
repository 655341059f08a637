import rules
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from asker.pagecache import public_data, public_page
from places import mapdata

from . import maps
from .forms import OrganisationFilter
from .models import Category, Organisation, RepresentationRequest
from .opportunities import today

PAGE_SIZE = 50


def _categories():
    return Prefetch("categories", queryset=Category.objects.order_by("code"))


@require_safe
@public_page
def organisation_list(request):
    organisations = (Organisation.objects.visible_to(request.user).select_related("centre")
                     .only("number", "name", "post_town", "active", "location", "location_approximate",
                           "centre__name", "centre__slug")
                     .annotate(open_opportunities=_open_opportunities())
                     .prefetch_related(_categories()).order_by("name", "number"))
    filterset = OrganisationFilter(request.GET or None, queryset=organisations)
    # A bad filter shows the error summary and no list: nothing else changes.
    status = 400 if filterset.bad else 200
    found = filterset.qs if status == 200 else organisations.none()
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("side"))
    points = maps.features(o for o in page.object_list if o.active)
    return render(request, "volunteering/organisation_list.html",
                  {"filter": filterset, "page": page, "points": points}, status=status)


@require_safe
@public_data
def organisation_map(request):
    """The active organisations with a location inside ?bbox=, with the list's filters, capped."""
    try:
        bbox = mapdata.parse_bbox(request.GET.get("bbox"))
        mapdata.parse_zoom(request.GET.get("zoom"))
    except mapdata.BadRequest as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    organisations = Organisation.objects.visible_to(request.user).filter(active=True, location__within=bbox)
    filterset = OrganisationFilter(request.GET, queryset=organisations)
    if not filterset.is_valid():
        message = " ".join(f"{filterset.form[name].label}: {' '.join(errors)}"
                           for name, errors in filterset.form.errors.items())
        return JsonResponse({"error": message}, status=400)
    shown = filterset.qs.only(*maps.FIELDS).order_by("name", "pk")[:maps.MAP_LIMIT]
    response = JsonResponse(maps.features(shown), content_type="application/geo+json")
    return mapdata.cache_privately_if_signed_in(request, response)


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
