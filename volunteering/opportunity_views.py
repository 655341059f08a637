"""Volunteer opportunities: the list with its filters, one opportunity, registering and
withdrawing interest, and the representatives' pages (new, change, who is interested)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

import rules

from asker.pagecache import public_page

from . import services
from .forms import MessageForm, OpportunityFilter, OpportunityForm
from .models import Category, Interest, Opportunity, Organisation

PAGE_SIZE = 25


def _with_details(queryset):
    return (queryset.select_related("organisation", "centre")
            .defer("centre__catchment", "centre__location", "organisation__location")
            .prefetch_related(Prefetch("organisation__categories", queryset=Category.objects.order_by("code"))))


@require_safe
@public_page
def opportunity_list(request):
    queryset = _with_details(Opportunity.objects.listed()).order_by("starts_on", "pk")
    filterset = OpportunityFilter(request.GET or None, queryset=queryset)
    status = 400 if filterset.is_bound and not filterset.is_valid() else 200
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "volunteering/opportunity_list.html", {"filter": filterset, "page": page}, status=status)


def _get(request, pk):
    return get_object_or_404(_with_details(Opportunity.objects.visible_to(request.user)), pk=pk)


def _detail(request, opportunity, form=None, status=200):
    user = request.user
    interest = Interest.objects.filter(opportunity=opportunity, user=user).first() if user.is_authenticated else None
    context = {
        "opportunity": opportunity, "interest": interest, "form": form or MessageForm(),
        "may_edit": rules.has_perm("volunteering.edit_opportunity", user, opportunity),
        "may_register": rules.has_perm("volunteering.register_interest", user, opportunity),
    }
    return render(request, "volunteering/opportunity_detail.html", context, status=status)


@require_safe
@public_page
def opportunity_detail(request, pk):
    return _detail(request, _get(request, pk))


@require_POST
def register_interest(request, pk):
    opportunity = _get(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(opportunity.get_absolute_url())
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _detail(request, opportunity, form, status=400)
    try:
        services.register_interest(opportunity, request.user, form.cleaned_data["message"])
    except services.Refused as exc:
        messages.error(request, exc.message)
        return _detail(request, opportunity, form, status=400)
    messages.success(request, _("Thank you. The organisation has been told of your interest."))
    return redirect(opportunity)


@require_POST
def withdraw_interest(request, pk):
    opportunity = _get(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(opportunity.get_absolute_url())
    try:
        services.withdraw_interest(opportunity, request.user)
    except services.Refused as exc:
        messages.error(request, exc.message)
        return _detail(request, opportunity, status=400)
    messages.success(request, _("Your interest is withdrawn."))
    return redirect(opportunity)


def _form_page(request, form, organisation, opportunity=None, status=200):
    context = {"form": form, "organisation": organisation, "opportunity": opportunity}
    return render(request, "volunteering/opportunity_form.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def opportunity_create(request):
    number = request.GET.get("organisasjon", "")
    if not (number.isascii() and number.isdigit() and len(number) == 9):
        return HttpResponseBadRequest(_("Choose an organisation: its page has a link to new opportunities."))
    organisation = get_object_or_404(Organisation.objects.visible_to(request.user), number=number)
    if not rules.has_perm("volunteering.add_opportunity", request.user, organisation):
        raise PermissionDenied
    form = OpportunityForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            form.instance.organisation = organisation
            opportunity = form.save()
            messages.success(request, _("The opportunity is saved."))
            return redirect(opportunity)
        return _form_page(request, form, organisation, status=400)
    return _form_page(request, form, organisation)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def opportunity_edit(request, pk):
    opportunity = _get(request, pk)
    if not rules.has_perm("volunteering.edit_opportunity", request.user, opportunity):
        raise PermissionDenied
    form = OpportunityForm(request.POST or None, instance=opportunity)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The opportunity is saved."))
            return redirect(opportunity)
        return _form_page(request, form, opportunity.organisation, opportunity, status=400)
    return _form_page(request, form, opportunity.organisation, opportunity)


@require_safe
@login_required
def interested(request, pk):
    opportunity = _get(request, pk)
    if not rules.has_perm("volunteering.see_interest", request.user, opportunity):
        raise PermissionDenied
    people = opportunity.interests.select_related("user").order_by("created_at", "pk")
    return render(request, "volunteering/interested.html", {"opportunity": opportunity, "people": people})


@require_POST
@login_required
def mark_contacted(request, pk, interest_pk):
    opportunity = _get(request, pk)
    if not rules.has_perm("volunteering.see_interest", request.user, opportunity):
        raise PermissionDenied
    try:
        services.mark_contacted(opportunity, interest_pk, request.POST.get("contacted") == "1", request.user)
    except services.Refused as exc:
        messages.error(request, exc.message)
    return redirect("volunteering:interested", opportunity.pk)
