import json

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from asker.pagecache import public_data, public_page

from . import mapdata, services
from .filters import ProjectFilter
from .models import Centre, DevelopmentProject, Plan, PlanDocument

PAGE_SIZE = 25
# The home page lists this many projects; the project list pages through all of them.
HOME_PROJECTS = 50


def _geojson(obj, field):
    """One object's geometry as a GeoJSON dict for json_script (which encodes it), or None."""
    geom = getattr(obj, field)
    return None if geom is None else json.loads(geom.json)


@require_safe
@public_page
def home(request):
    municipality = services.current_municipality()
    if municipality is None:
        return render(request, "places/empty.html")
    tree = services.centre_tree(municipality, request.user)
    projects = services.project_list_queryset(request.user).filter(municipality=municipality)
    context = {
        "municipality": municipality,
        "bounds": ",".join(f"{v:.5f}" for v in municipality.envelope.extent),
        "tree": tree,
        "projects": projects[:HOME_PROJECTS],
        "summary": services.municipality_summary(municipality, request.user),
        "statuses": DevelopmentProject.Status.choices,
        "levels": Centre.Level.choices,
    }
    return render(request, "places/home.html", context)


@require_safe
@public_page
def centre_tree(request):
    municipality = services.current_municipality()
    tree = services.centre_tree(municipality, request.user) if municipality else []
    return render(request, "places/centre_tree.html", {"municipality": municipality, "tree": tree})


@require_safe
@public_page
def centre_detail(request, slug):
    centre = get_object_or_404(Centre.objects.select_related("parent", "municipality"), slug=slug)
    context = {
        "centre": centre,
        "catchment_geojson": _geojson(centre, "catchment"),
        "centre_center": f"{centre.location.y:.6f},{centre.location.x:.6f}",
        "statuses": DevelopmentProject.Status.choices,
        **services.centre_overview(centre, request.user),
    }
    return render(request, "places/centre_detail.html", context)


@require_safe
@public_page
def project_list(request):
    filterset = ProjectFilter(request.GET or None, queryset=services.project_list_queryset(request.user),
                              user=request.user)
    status = 200
    if filterset.is_bound and not filterset.is_valid():
        status = 400
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("side"))
    context = {"filter": filterset, "page": page}
    return render(request, "places/project_list.html", context, status=status)


@require_safe
@public_page
def project_detail(request, slug):
    project = get_object_or_404(
        DevelopmentProject.objects.visible_to(request.user).select_related("centre", "municipality"),
        slug=slug,
    )
    plan = Plan.objects.filter(plan_id=project.plan_id).first() if project.plan_id else None
    context = {
        "project": project,
        "developers": project.developers.all(),
        "phases": project.phases.all(),
        "plan": plan,
        "geometry_geojson": _geojson(project, "geometry") or _geojson(project, "location"),
    }
    return render(request, "places/project_detail.html", context)


@require_safe
@public_page
def plan_list(request):
    plans = Plan.objects.select_related("centre").defer("boundary", "centre__catchment", "description")
    kind = request.GET.get("type")
    error = None
    if kind:
        if kind in Plan.Kind.values:
            plans = plans.filter(kind=kind)
        else:
            error = _("Unknown kind of plan. Choose one from the list.")
    page = Paginator(plans.order_by("plan_id"), PAGE_SIZE).get_page(request.GET.get("side"))
    context = {"page": page, "kinds": Plan.Kind.choices, "kind": kind, "error": error}
    return render(request, "places/plan_list.html", context, status=400 if error else 200)


@require_safe
@public_page
def plan_detail(request, plan_id):
    plan = get_object_or_404(Plan.objects.select_related("centre", "municipality"), plan_id=plan_id)
    projects = DevelopmentProject.objects.visible_to(request.user).filter(plan_id=plan.plan_id).only(
        "name", "slug", "status", "flats", "terraced", "detached"
    )
    context = {"plan": plan, "projects": projects, "boundary_geojson": _geojson(plan, "boundary"),
               "documents": plan.documents.all()}
    return render(request, "places/plan_detail.html", context)


@require_safe
@public_data
def map_layer(request, layer):
    try:
        bbox = mapdata.parse_bbox(request.GET.get("bbox"))
        zoom = mapdata.parse_zoom(request.GET.get("zoom"))
    except mapdata.BadRequest as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    centre = None
    if request.GET.get("centre"):
        centre = Centre.objects.filter(slug=request.GET["centre"]).only("pk").first()
        if centre is None:
            return JsonResponse({"error": _("No centre has that name.")}, status=400)
    if layer == "sentre":
        body = mapdata.centres_geojson(bbox, zoom, centre)
    elif layer == "prosjekter":
        body = mapdata.projects_geojson(request.user, bbox, zoom, centre)
    elif layer == "grense":
        body = mapdata.boundary_geojson(bbox, zoom)
    else:
        raise Http404(_("No such map layer."))
    response = HttpResponse(body, content_type="application/geo+json")
    return mapdata.cache_privately_if_signed_in(request, response)


@require_safe
def plan_document(request, plan_id, pk):
    document = get_object_or_404(PlanDocument.objects.select_related("plan"), pk=pk, plan__plan_id=plan_id)
    # Always served as a PDF under a name we made, whatever the upload was called.
    # As an attachment: a browser saves it rather than rendering it inside our origin.
    return FileResponse(document.file.open("rb"), content_type="application/pdf", as_attachment=True,
                        filename=document.download_name)


# --- The map drawn on the server (places/staticmap.py): what a map box shows without JavaScript.
# Kept together at the end of the file.
from . import staticmap  # noqa: E402


@require_safe
@public_page
def map_image(request):
    """An SVG of the municipality, of a bbox, or of the area around ?centre= or ?project=."""
    try:
        frame, place, current = staticmap.frame_for(request)
    except mapdata.BadRequest as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    return staticmap.svg_response(request, frame, place, **current)
