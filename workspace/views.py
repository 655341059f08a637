"""The planner's workspace (/planlegger/): lists, forms and the actions on projects."""

import rules
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from places import history, services
from places.models import Centre, DevelopmentProject, Plan
from places.services import current_municipality

from . import confirm, upload
from .access import planner_required
from .forms import CentreForm, PhaseFormSet, PlanForm, ProjectForm, SearchForm

PAGE_SIZE = 25


def _page(request, queryset, fields):
    search = SearchForm(request.GET or None)
    if search.is_valid() and search.cleaned_data["q"]:
        q = Q()
        for field in fields:
            q |= Q(**{f"{field}__icontains": search.cleaned_data["q"]})
        queryset = queryset.filter(q)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("side"))
    return {"search": search, "page": page}


@planner_required
def dashboard(request):
    projects = (
        DevelopmentProject.objects.select_related("centre")
        .defer("geometry", "description", "source", "centre__catchment", "centre__description")
        .order_by("archived_at", "-pk")
    )
    show = request.GET.get("vis")
    if show == "arkiv":
        projects = projects.archived()
    elif show == "utkast":
        projects = projects.drafts()
    else:
        projects = projects.current()
    context = _page(request, projects, ["name", "plan_id", "centre__name"])
    context["show"] = show
    return render(request, "workspace/project_list.html", context)


@planner_required
def project_edit(request, slug=None):
    municipality = current_municipality()
    if slug:
        project = get_object_or_404(DevelopmentProject, slug=slug)
    else:
        project = DevelopmentProject(municipality=municipality)
    form = ProjectForm(request.POST or None, request.FILES or None, instance=project, municipality=municipality)
    formset = PhaseFormSet(request.POST or None, instance=project, prefix="phases")
    status = 200
    if request.method == "POST":
        # The project form first: the phase formset checks the phases against its new totals.
        form_ok = form.is_valid()
        if formset.is_valid() and form_ok:
            try:
                project, changed = services.save_project(form, formset)
            except ValidationError as refused:
                formset = PhaseFormSet(request.POST, instance=project, prefix="phases", refused=refused)
            else:
                if form.waiting_upload is not None:
                    messages.success(request, _("Saved “%(name)s”. Now choose its area from the file.") % {"name": project.name})
                    return upload.offer_choice(request, project, form.waiting_upload)
                if changed:
                    messages.success(request, _("Saved “%(name)s”.") % {"name": project.name})
                else:
                    messages.info(request, _("Nothing was changed in “%(name)s”.") % {"name": project.name})
                return redirect("workspace:project_edit", slug=project.slug)
        status = 400
    context = {"form": form, "formset": formset, "project": project if project.pk else None}
    return render(request, "workspace/project_form.html", context, status=status)


def _project_action(request, slug, perm, action, message):
    project = get_object_or_404(DevelopmentProject, slug=slug)
    if not rules.has_perm(perm, request.user, project):
        return render(request, "403.html", status=403)
    action(project)
    messages.success(request, message % {"name": project.name})
    return redirect("workspace:project_edit", slug=project.slug)


@require_POST
@planner_required
def project_publish(request, slug):
    return _project_action(request, slug, "places.publish_developmentproject", services.publish,
                           _("“%(name)s” is published and visible to everyone."))


@require_POST
@planner_required
def project_unpublish(request, slug):
    return _project_action(request, slug, "places.publish_developmentproject", services.make_confidential,
                           _("“%(name)s” is confidential again."))


@planner_required
def project_archive(request, slug):
    return confirm.confirmed_action(request, slug, "archive")


@planner_required
def project_restore(request, slug):
    return confirm.confirmed_action(request, slug, "restore")


@planner_required
def project_history(request, slug):
    project = get_object_or_404(DevelopmentProject, slug=slug)
    rows = history.project_timeline(project)
    return render(request, "workspace/project_history.html", {"project": project, "rows": rows})


@planner_required
def project_revert(request, slug, history_id):
    return confirm.confirmed_action(request, slug, "revert", history_id=history_id)


@planner_required
def plan_list(request):
    plans = Plan.objects.select_related("centre").defer("boundary", "description", "source").order_by("plan_id")
    return render(request, "workspace/plan_list.html", _page(request, plans, ["name", "plan_id"]))


@planner_required
def plan_edit(request, pk=None):
    municipality = current_municipality()
    plan = get_object_or_404(Plan, pk=pk) if pk else Plan(municipality=municipality)
    form = PlanForm(request.POST or None, instance=plan, municipality=municipality)
    return _object_form(request, form, _("New plan"), "workspace:plan_edit", "pk")


@planner_required
def centre_list(request):
    centres = Centre.objects.select_related("parent").defer("catchment", "description", "source").order_by("name")
    return render(request, "workspace/centre_list.html", _page(request, centres, ["name"]))


@planner_required
def centre_edit(request, slug=None):
    municipality = current_municipality()
    centre = get_object_or_404(Centre, slug=slug) if slug else Centre(municipality=municipality)
    form = CentreForm(request.POST or None, instance=centre, municipality=municipality)
    return _object_form(request, form, _("New centre"), "workspace:centre_edit", "slug")


def _object_form(request, form, new_title, edit_url, key):
    """Show and save the form of a plan or a centre."""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            obj = form.save()
            messages.success(request, _("Saved “%(name)s”.") % {"name": obj.name})
            return redirect(edit_url, getattr(obj, key))
        status = 400
    obj = form.instance if form.instance.pk else None
    context = {"form": form, "obj": obj, "new_title": new_title}
    return render(request, "workspace/object_form.html", context, status=status)
