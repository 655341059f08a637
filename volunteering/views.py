from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from asker.pagecache import public_page

from .models import Category, Organisation

PAGE_SIZE = 50


def _categories():
    return Prefetch("categories", queryset=Category.objects.order_by("code"))


@require_safe
@public_page
def organisation_list(request):
    organisations = (Organisation.objects.visible_to(request.user).select_related("centre")
                     .only("number", "name", "post_town", "active", "centre__name", "centre__slug")
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
    return render(request, "volunteering/organisation_detail.html", {"organisation": organisation})
