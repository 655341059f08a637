"""Read-side logic that spans several places models; views call these and stay thin."""

from collections import OrderedDict

from django.contrib.gis.db.models.functions import Envelope
from django.db.models import Count, Q, Sum

from .models import Centre, DevelopmentProject, Municipality, Plan, StatisticalDistrict
from .rules import can_view_confidential


def current_municipality():
    """The municipality this deployment serves (one for now; the models are ready for many),
    with its bounding box as `envelope` (the boundary itself is large and rarely needed)."""
    return Municipality.objects.defer("boundary").annotate(envelope=Envelope("boundary")).order_by("pk").first()


def project_list_queryset(user):
    return (
        DevelopmentProject.objects.visible_to(user)
        .with_totals()
        .select_related("centre")
        .prefetch_related("developers")
        .defer("geometry", "centre__catchment", "source", "description")
        .order_by("name")
    )


def group_by_status(projects):
    """Projects grouped in the order of the status choices, with dwelling totals per group."""
    groups = OrderedDict((value, {"label": label, "projects": [], "dwellings": 0})
                         for value, label in DevelopmentProject.Status.choices)
    for project in projects:
        group = groups[project.status]
        group["projects"].append(project)
        group["dwellings"] += project.dwellings_total
    return [dict(status=status, **g) for status, g in groups.items() if g["projects"]]


def visible_project_filter(user, prefix="projects__"):
    if can_view_confidential(user):
        return Q()
    return Q(**{f"{prefix}visibility": DevelopmentProject.Visibility.PUBLIC})


def centre_tree(municipality, user):
    """All centres as a tree (kommunesenter → lokalsentre → nærsentre) in one query."""
    centres = list(
        Centre.objects.filter(municipality=municipality)
        .defer("catchment", "description", "source")
        .annotate(project_count=Count("projects", filter=visible_project_filter(user)))
        .order_by("name")
    )
    children = {}
    for centre in centres:
        children.setdefault(centre.parent_id, []).append(centre)
    for centre in centres:
        centre.child_list = children.get(centre.pk, [])
    return children.get(None, [])


def centre_overview(centre, user):
    projects = list(
        DevelopmentProject.objects.visible_to(user)
        .filter(centre=centre)
        .prefetch_related("developers")
        .defer("geometry", "source", "description")
        .order_by("name")
    )
    districts = StatisticalDistrict.objects.filter(geometry__contains=centre.location).defer("geometry")
    return {
        "groups": group_by_status(projects),
        "dwellings_total": sum(p.dwellings_total for p in projects),
        "project_count": len(projects),
        "children": centre.children.defer("catchment", "description", "source").order_by("name"),
        "plans": Plan.objects.filter(centre=centre).defer("boundary", "description", "source"),
        "facilities": centre.facilities.defer("source").order_by("kind", "name"),
        "districts": list(districts),
    }


def municipality_summary(municipality, user):
    projects = DevelopmentProject.objects.visible_to(user).filter(municipality=municipality)
    totals = projects.aggregate(
        count=Count("pk"), flats=Sum("flats"), terraced=Sum("terraced"), detached=Sum("detached")
    )
    dwellings = sum(totals[k] or 0 for k in ("flats", "terraced", "detached"))
    return {"project_count": totals["count"], "dwellings_total": dwellings}
