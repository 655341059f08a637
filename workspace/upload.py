"""Setting a project's area from an uploaded map file: upload, choose (or merge), confirm.

The features read from the file wait in the session between the two steps, so nothing is
saved until the planner has chosen; a refused file changes nothing at all.
"""

import json

from django import forms
from django.contrib import messages
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asker.forms import AccessibleErrorsMixin
from asker.templatetags.numbers import dekar
from places import services
from places.geofile import GeoFileError, merge, read_upload
from places.geometry import m2_to_dekar
from places.models import DevelopmentProject

from .access import planner_required

ACCEPT = ".geojson,.json,.zip,.gml,.xml,.gpkg"


class UploadForm(AccessibleErrorsMixin, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Map file"),
        help_text=gettext_lazy("GeoJSON, a zipped Shapefile, GML or GeoPackage, in EPSG:4326, 25832 or 25833."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )


SYSTEM_NAMES = {
    25832: gettext_lazy("EPSG:25832, EUREF89 UTM zone 32N (what Asker usually uses)"),
    25833: gettext_lazy("EPSG:25833, EUREF89 UTM zone 33N"),
}


class ChooseForm(forms.Form):
    srid = forms.TypedChoiceField(
        label=gettext_lazy("The coordinate system the file uses"), coerce=int, widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Confirm which coordinate system the file uses.")},
    )
    features = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Areas to use (several are merged into one)"), coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    confirm_repair = forms.BooleanField(
        label=gettext_lazy("I have looked at the repaired shape on the map and want to use it"), required=False,
    )

    def __init__(self, *args, upload, **kwargs):
        super().__init__(*args, **kwargs)
        self.upload = upload
        candidates = upload["candidates"]
        self.fields["features"].choices = [
            (i, _("%(label)s (%(dekar)s dekar)") % {"label": c["label"], "dekar": dekar(m2_to_dekar(c["area_m2"]))})
            for i, c in enumerate(candidates)
        ]
        alternatives = upload.get("alternatives") or {}
        if alternatives:
            self.fields["srid"].choices = [(int(srid), SYSTEM_NAMES.get(int(srid), f"EPSG:{srid}")) for srid in alternatives]
            self.fields["srid"].initial = upload["assumed_srid"]
        else:
            del self.fields["srid"]
        # The repair is asked about only when a shape was repaired, in any reading of the file.
        readings = [candidates] + [c for c in alternatives.values() if isinstance(c, list)]
        if not any(c["repaired"] for reading in readings for c in reading):
            del self.fields["confirm_repair"]

    def clean(self):
        data = super().clean()
        candidates = self.upload["candidates"]
        if "srid" in self.fields:
            if data.get("srid") is None:
                return data
            candidates = self.upload["alternatives"][str(data["srid"])]
            if isinstance(candidates, str):
                self.add_error("srid", candidates)  # that reading put the shapes elsewhere
                return data
        chosen = [candidates[i] for i in data.get("features", []) if i < len(candidates)]
        if any(c["repaired"] for c in chosen) and not data.get("confirm_repair"):
            self.add_error("confirm_repair", _("The file's shape was invalid and has been repaired: confirm the repair to use it."))
        data["chosen"] = chosen
        return data


def _candidates(features):
    return [
        {"label": f.label, "ewkt": f.geometry.ewkt, "area_m2": f.area_m2, "repaired": f.repaired,
         "problem": f.problem, "source_srid": f.source_srid}
        for f in features
    ]


def waiting_upload(uploaded, municipality):
    """What the choice page needs of a map file, kept in the session; GeoFileError when the
    file cannot be used."""
    reading = read_upload(uploaded, municipality)
    alternatives = {
        str(srid): _candidates(result) if isinstance(result, list) else result.message
        for srid, result in reading.alternatives.items()
    }
    return {"name": uploaded.name[:200], "candidates": _candidates(reading.features),
            "assumed_srid": reading.assumed_srid, "alternatives": alternatives}


def needs_choice(upload):
    """Whether the planner must look before the file's area is used."""
    return (len(upload["candidates"]) != 1 or upload["assumed_srid"] is not None
            or any(c["repaired"] for c in upload["candidates"]))


def offer_choice(request, project, upload, status=200):
    request.session[_session_key(project)] = upload
    initial = {"features": [0]} if len(upload["candidates"]) == 1 else None
    return _choose_page(request, project, upload, ChooseForm(initial=initial, upload=upload), status=status)


def _session_key(project):
    return f"geofile:{project.pk}"


def _feature_collection(candidates):
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": json.loads(GEOSGeometry(c["ewkt"]).json), "properties": {"name": c["label"]}}
            for c in candidates
        ],
    }


def _choose_page(request, project, upload, form, status=200):
    context = {"project": project, "upload": upload, "form": form,
               "preview": _feature_collection(upload["candidates"]),
               "assumed_name": SYSTEM_NAMES.get(upload.get("assumed_srid"))}
    return render(request, "workspace/upload_choose.html", context, status=status)


@planner_required
def upload(request, slug):
    project = get_object_or_404(DevelopmentProject, slug=slug)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            upload = waiting_upload(uploaded, project.municipality)
        except GeoFileError as exc:
            form.add_error("file", exc.message)
        else:
            return offer_choice(request, project, upload)
    status = 400 if request.method == "POST" else 200
    return render(request, "workspace/upload.html", {"project": project, "form": form}, status=status)


@planner_required
def upload_choose(request, slug):
    project = get_object_or_404(DevelopmentProject, slug=slug)
    upload = request.session.get(_session_key(project))
    if request.method != "POST" or not upload:
        messages.error(request, _("Upload the file again: the chosen file is no longer waiting."))
        return redirect("workspace:project_upload", slug=project.slug)
    form = ChooseForm(request.POST, upload=upload)
    if not form.is_valid():
        return _choose_page(request, project, upload, form, status=400)
    geometry = merge([_Candidate(c) for c in form.cleaned_data["chosen"]])
    try:
        services.set_area_from_file(project, geometry, upload["name"])
    except ValidationError as exc:
        form.add_error(None, exc.messages)
        return _choose_page(request, project, upload, form, status=400)
    del request.session[_session_key(project)]
    messages.success(request, _("The area of “%(name)s” now comes from %(file)s.") % {"name": project.name, "file": upload["name"]})
    return redirect("workspace:project_edit", slug=project.slug)


class _Candidate:
    """What merge() needs of a feature: its geometry."""

    def __init__(self, candidate):
        self.geometry = GEOSGeometry(candidate["ewkt"])
