"""Realistic bounds and formats live in the models (places/bounds.py): the admin refuses what
the workspace refuses, with a message; the database refuses it too, so an importer or a bulk
update cannot store what would take a public page down; plan pages answer odd paths with 404."""

import json

import pytest
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.forms.models import model_to_dict
from django.utils import timezone, translation
from django.utils.html import escape

from places import bounds
from places.models import (
    Centre,
    Developer,
    DevelopmentProject,
    Municipality,
    Plan,
    ProjectPhase,
    ServiceFacility,
    StatisticalDistrict,
)
from tests.factories import DistrictFactory, user_with_role

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/steder/", "/steder/heggedal/", "/prosjekter/", "/prosjekter/heggedal-torg/",
                "/planer/", "/planer/3203201901/", "/kart/prosjekter.geojson?zoom=15"]


def form_value(field, value):
    if value is None:
        return ""
    if isinstance(value, GEOSGeometry):
        return value.json
    if isinstance(field, models.JSONField):
        return json.dumps(value)
    if isinstance(field, models.ManyToManyField):
        return [item.pk for item in value]
    return value


def admin_data(obj, inlines=(), **changes):
    """The admin change form of `obj` as a browser posts it back unchanged, plus `changes`."""
    data = {}
    for name, value in model_to_dict(obj).items():
        field = obj._meta.get_field(name)
        if isinstance(field, models.BooleanField):
            if value:
                data[name] = "on"
        elif isinstance(field, models.DateTimeField):
            local = timezone.localtime(value) if value else None
            data[f"{name}_0"] = local.strftime("%Y-%m-%d") if local else ""
            data[f"{name}_1"] = local.strftime("%H:%M:%S") if local else ""
        else:
            data[name] = form_value(field, value)
    for prefix, rows in inlines:
        data.update({f"{prefix}-TOTAL_FORMS": len(rows), f"{prefix}-INITIAL_FORMS": len(rows),
                     f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000})
        for i, row in enumerate(rows):
            for name, value in model_to_dict(row).items():
                data[f"{prefix}-{i}-{name}"] = form_value(row._meta.get_field(name), value)
    data.update(changes)
    return data


@pytest.fixture
def admin_client(client, world):
    DistrictFactory(municipality=world["heggedal"].municipality, code="32030100")
    client.force_login(user_with_role("superuser"))
    return client


def objects(world):
    torg = world["torg"]
    return {
        "developmentproject": (torg, [("phases", list(torg.phases.order_by("number")))]),
        "plan": (world["plan"], [("documents", [])]),
        "centre": (world["heggedal"], []),
        "municipality": (world["heggedal"].municipality, []),
        "statisticaldistrict": (StatisticalDistrict.objects.get(code="32030100"), []),
        "servicefacility": (world["school"], []),
        "developer": (world["jm"], []),
    }


def snapshot():
    return [list(model.objects.order_by("pk").values()) for model in
            (DevelopmentProject, ProjectPhase, Plan, Centre, Municipality, StatisticalDistrict,
             ServiceFacility, Developer)]


def assert_public_pages_up(client):
    client.logout()
    for url in PUBLIC_PAGES:
        assert client.get(url).status_code == 200, url


TOO_MANY = bounds.at_most(bounds.MAX_DWELLINGS).message
CASES = [
    ("developmentproject", {"flats": "2147483647"}, "flats", TOO_MANY),
    ("developmentproject", {"terraced": "100001"}, "terraced", TOO_MANY),
    ("developmentproject", {"commercial_m2": "10000001"}, "commercial_m2", bounds.at_most(1).message),
    ("developmentproject", {"flats": "60000", "terraced": "50000"}, "__all__", "100000"),
    ("developmentproject", {"plan_id": "3203/1"}, "plan_id", bounds.plan_id_validator.message),
    ("developmentproject", {"slug": "heggedal/torg"}, "slug", None),
    ("developmentproject", {"phases-0-dwellings": "100001"}, "phases", TOO_MANY),
    ("developmentproject", {"phases-0-start_year": "1850"}, "phases", bounds.year_validators()[0].message),
    ("developmentproject", {"phases-0-dwellings": "74"}, "phases", "138"),  # totals no longer add up
    ("plan", {"plan_id": "3203/2019/01"}, "plan_id", bounds.plan_id_validator.message),
    ("plan", {"plan_id": "3203 201901"}, "plan_id", bounds.plan_id_validator.message),
    ("centre", {"population": "2147483647"}, "population", bounds.at_most(1).message),
    ("centre", {"slug": "hegge dal"}, "slug", None),
    ("municipality", {"population": "99999999"}, "population", bounds.at_most(1).message),
    ("municipality", {"population_year": "1850"}, "population_year", bounds.year_validators()[0].message),
    ("municipality", {"growth_rate": "50"}, "growth_rate", None),
    ("municipality", {"number": "32a3"}, "number", bounds.municipality_number_validator.message),
    ("statisticaldistrict", {"population": "99999999"}, "population", bounds.at_most(1).message),
    ("statisticaldistrict", {"code": "abc"}, "code", bounds.district_code_validator.message),
    ("servicefacility", {"capacity": "1000000"}, "capacity", bounds.at_most(1).message),
    ("developer", {"slug": "jm/norge"}, "slug", None),
]


def test_the_unchanged_admin_forms_save(admin_client, world):
    """The baseline for the cases below: what they post is refused for the one bad value only."""
    for model, (obj, inlines) in objects(world).items():
        response = admin_client.post(f"/admin/places/{model}/{obj.pk}/change/", admin_data(obj, inlines))
        assert response.status_code == 302, (model, response.context and [
            f.errors for f in [response.context["adminform"].form]])


@pytest.mark.parametrize("model, changes, field, message", CASES)
def test_admin_refuses_out_of_bounds_values(admin_client, world, model, changes, field, message):
    obj, inlines = objects(world)[model]
    before = snapshot()
    response = admin_client.post(f"/admin/places/{model}/{obj.pk}/change/", admin_data(obj, inlines, **changes))
    assert response.status_code == 200  # the form again, with its errors
    if field == "phases":
        formset = response.context["inline_admin_formsets"][0].formset
        errors = list(formset.non_form_errors()) + [e for form in formset.errors for es in form.values() for e in es]
    else:
        errors = response.context["adminform"].form.errors.get(field, [])
    assert errors
    if message is not None:
        with translation.override(response["Content-Language"]):
            expected = str(message).split("%(")[0]
        assert any(expected in error for error in errors), (expected, errors)
    html = response.content.decode()
    assert all(escape(error) in html for error in errors)
    assert snapshot() == before
    assert_public_pages_up(admin_client)


@pytest.mark.parametrize("model, lookup, update", [
    (DevelopmentProject, {"slug": "heggedal-torg"}, {"flats": 2147483647}),
    (DevelopmentProject, {"slug": "heggedal-torg"}, {"flats": 60000, "terraced": 50000}),
    (DevelopmentProject, {"slug": "heggedal-torg"}, {"commercial_m2": 10_000_001}),
    (DevelopmentProject, {"slug": "heggedal-torg"}, {"plan_id": "3203/1"}),
    (DevelopmentProject, {"slug": "heggedal-torg"}, {"slug": "heggedal/torg"}),
    (ProjectPhase, {"project__slug": "heggedal-torg", "number": 1}, {"dwellings": 100_001}),
    (ProjectPhase, {"project__slug": "heggedal-torg", "number": 1}, {"start_year": 1850}),
    (ProjectPhase, {"project__slug": "heggedal-torg", "number": 1}, {"number": 0}),
    (Plan, {"plan_id": "3203201901"}, {"plan_id": "3203/2019/01"}),
    (Centre, {"slug": "heggedal"}, {"population": 2147483647}),
    (Centre, {"slug": "heggedal"}, {"slug": "hegge dal"}),
    (Municipality, {"number": "3203"}, {"growth_rate": 50}),
    (Municipality, {"number": "3203"}, {"population_year": 1850}),
    (ServiceFacility, {"name": "Heggedal skole"}, {"capacity": 1_000_000}),
    (Developer, {"slug": "jm-norge"}, {"slug": "jm norge"}),
])
def test_the_database_refuses_what_the_forms_refuse(world, model, lookup, update):
    # A bulk update skips every form and model rule; the constraints still hold.
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(**lookup).update(**update)


def test_the_demo_loader_refuses_out_of_bounds_data(world, monkeypatch):
    from places.demo import loader

    bad = dict(loader.PROJECTS[0], flats=2147483647)
    monkeypatch.setattr(loader, "PROJECTS", [bad])
    with pytest.raises(ValidationError) as info:
        loader.load_demo()
    assert "flats" in info.value.message_dict
    assert not DevelopmentProject.objects.filter(slug=bad["slug"]).exists()


@pytest.mark.parametrize("path", [
    "/planer/3203..%2F/", "/planer/3203%2F1/", "/planer/3203 1/", "/planer/3203%20x/", "/planer/x/",
    "/planer/3203<script>/", "/planer/32031%C3%A6/", "/planer/" + "3203" + "1" * 17 + "/", "/planer/3203/",
    "/planer/3203201901%00/", "/planer/3203201901/dokumenter/x/", "/planer/3203/dokumenter/1/",
    "/planer/3203201901/dokumenter/999/",
])
def test_odd_plan_paths_are_404_never_500(client, world, path):
    response = client.get(path)
    # Control characters are refused before any view (asker/middleware.py) with a 400.
    assert response.status_code == (400 if "%00" in path else 404)


def test_every_plan_id_the_model_accepts_can_be_linked(world):
    from django.urls import reverse

    for plan_id in ("32030", "3203" + "a" * 16, "3203A-b_c.d"):
        bounds.plan_id_validator(plan_id)
        assert reverse("places:plan", args=[plan_id]) == f"/planer/{plan_id}/"
