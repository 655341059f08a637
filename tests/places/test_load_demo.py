"""`manage.py load_demo`: the Asker demo data set, its model rules, its users and idempotence.

The data set is loaded once for the module inside a transaction that is rolled back at the end,
so every test sees the loaded database and no other test module ever does.
"""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.gis.db.models.functions import Distance
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction

from asker import roles
from places.demo import shapes
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

LOKALSENTRE = {"Tofte", "Sætre", "Spikkestad", "Røyken", "Slemmestad", "Heggedal", "Holmen", "Vollen", "Dikemark"}
DEMO_USERS = {
    "beboer": roles.RESIDENT,
    "planlegger": roles.PLANNER,
    "moderator": roles.MODERATOR,
    "frivillig": roles.ORGANISATION_REPRESENTATIVE,
    "admin": roles.ADMINISTRATOR,
}


def load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Every row of every places and auth table (M2M tables included), geometry as EWKT."""
    tables = {}
    for label in ("places", "auth"):
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            tables[model._meta.label] = [
                {key: value.ewkt if isinstance(value, GEOSGeometry) else value for key, value in row.items()}
                for row in model.objects.order_by("pk").values()
            ]
    return tables


def without_link_ids(tables):
    """The snapshot with M2M link rows compared by content: re-linking renumbers them."""
    link_tables = {
        model._meta.label
        for label in ("places", "auth")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.auto_created
    }
    stripped = {}
    for table, rows in tables.items():
        if table in link_tables:
            rows = sorted(({k: v for k, v in row.items() if k != "id"} for row in rows),
                          key=lambda row: sorted(row.items()))
        stripped[table] = rows
    return stripped


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        users_before = list(get_user_model().objects.values_list("username", flat=True))
        output = load()
        yield {"output": output, "snapshot": snapshot(), "users_before": users_before}
        transaction.set_rollback(True)


@pytest.fixture
def loaded(demo, db):
    return demo


def test_municipality_is_asker_with_the_population_of_its_districts(loaded):
    asker = Municipality.objects.get()
    assert (asker.number, asker.name, asker.slug) == ("3203", "Asker", "asker")
    assert asker.population == 100383
    assert asker.population_year == 2025
    assert str(asker.growth_rate) == "1.10"
    assert asker.boundary.geom_type == "MultiPolygon" and asker.boundary.srid == 4326
    # The shipped boundary is simplified: about 371 km² against the official 376.62 km².
    assert 365e6 < asker.area_m2 < 380e6


def test_the_23_delomrader_add_up_to_the_municipality(loaded):
    districts = StatisticalDistrict.objects.all()
    assert districts.count() == 23
    assert sum(d.population for d in districts) == 100383 == Municipality.objects.get().population
    assert {d.population_year for d in districts} == {2025}
    assert all(d.code.startswith("3203") and d.geometry.geom_type == "MultiPolygon" for d in districts)
    assert districts.get(code="32031700").name == "Østbygda Slemmestad"


def test_one_kommunesenter_nine_lokalsentre_and_26_naersentre(loaded):
    by_level = {level: set(Centre.objects.filter(level=level).values_list("name", flat=True))
                for level in Centre.Level.values}
    assert by_level["kommunesenter"] == {"Asker sentrum"}
    assert by_level["lokalsenter"] == LOKALSENTRE
    assert len(by_level["naersenter"]) == 26
    assert Centre.objects.count() == 36


def test_only_klokkarstua_is_a_confirmed_naersenter(loaded):
    naersentre = Centre.objects.filter(level=Centre.Level.NAERSENTER)
    assert list(naersentre.filter(demo_classification=False).values_list("name", flat=True)) == ["Klokkarstua"]
    assert naersentre.filter(demo_classification=True).count() == 25
    assert not Centre.objects.exclude(level=Centre.Level.NAERSENTER).filter(demo_classification=True).exists()
    for centre in naersentre.filter(demo_classification=True):
        assert "demo-klassifisering" in centre.source


def test_every_naersenter_is_a_real_place_name_from_the_shipped_sources(loaded):
    known = {row["name"].removesuffix(" (stasjon)") for row in shapes.read_csv("asker-centres.csv")}
    known |= {row["grunnkrets_name"] for row in shapes.read_csv("asker-grunnkretser-2025.csv")}
    known |= {row["delomraade_name"] for row in shapes.read_csv("asker-grunnkretser-2025.csv")}
    known |= {part.strip() for name in set(known) for part in name.split(" - ")}
    for name in Centre.objects.filter(level=Centre.Level.NAERSENTER).values_list("name", flat=True):
        assert name in known, name


def test_parents_follow_the_hierarchy_and_naersentre_hang_under_the_nearest_centre(loaded):
    kommunesenter = Centre.objects.get(level=Centre.Level.KOMMUNESENTER)
    assert kommunesenter.parent is None
    for centre in Centre.objects.filter(level=Centre.Level.LOKALSENTER):
        assert centre.parent == kommunesenter
    for centre in Centre.objects.filter(level=Centre.Level.NAERSENTER):
        # The database measures on the spheroid: independent of the loader's UTM32 distances.
        nearest = (
            Centre.objects.exclude(level=Centre.Level.NAERSENTER)
            .annotate(distance=Distance("location", centre.location))
            .order_by("distance")
            .first()
        )
        assert centre.parent == nearest, centre.name
        assert centre.parent.level in (Centre.Level.LOKALSENTER, Centre.Level.KOMMUNESENTER)


def test_coordinates_say_how_exact_they_are(loaded):
    centres = {c.name: c for c in Centre.objects.all()}
    # Delområde centroids (COMPUTED fallbacks) and arc-minute coordinates are approximate.
    for name in ("Holmen", "Dikemark", "Borgen", "Slemmestad", "Heggedal", "Filtvet", "Lahell"):
        assert centres[name].location_approximate, name
    for name in ("Asker sentrum", "Tofte", "Sætre", "Klokkarstua", "Åros"):
        assert not centres[name].location_approximate, name
    assert "COMPUTED" in centres["Holmen"].source
    assert "Koordinat beregnet" in centres["Lahell"].source and "32032001" in centres["Lahell"].source
    assert all(c.source for c in centres.values())
    locations = [c.location.coords for c in centres.values()]
    assert len(set(locations)) == len(locations), "two centres share one point"


def test_populations_where_known(loaded):
    population = dict(Centre.objects.values_list("name", "population"))
    assert population["Slemmestad"] == 7000
    assert population["Sætre"] == 3500
    assert population["Tofte"] == 3064
    assert population["Hvalstad"] is None


def test_vestre_billingstad_five_projects_developers_and_dwellings(loaded):
    expected = {
        "Elvegården": ({"Ferd AS"}, 412, 0),
        "Billingstad Torg": ({"JM Norge AS"}, 573, 0),
        "Berger nærsenter": ({"Gagnum", "JM Norge AS"}, None, None),  # not known
        "Bergerhagen": ({"AF Gruppen", "Eiendomsplan"}, 148, 50),
        "Neselva Hageby": ({"Sandekra AS"}, 422, 0),
    }
    plan = Plan.objects.get(name__contains="Vestre Billingstad")
    assert (plan.adopted.year, plan.adopted.month) == (2018, 1)
    projects = DevelopmentProject.objects.filter(plan_id=plan.plan_id)
    assert {p.name for p in projects} == set(expected)
    for project in projects:
        developers, flats, terraced = expected[project.name]
        assert set(project.developers.values_list("name", flat=True)) == developers, project.name
        detached = None if flats is None else 0
        assert (project.flats, project.terraced, project.detached) == (flats, terraced, detached), project.name
        assert project.centre.slug == "billingstad"
    berger = projects.get(name="Berger nærsenter")
    assert berger.local_centre and berger.kindergarten


def test_slemmestad_uses_the_presentation_figure_and_says_so(loaded):
    project = DevelopmentProject.objects.get(centre__name="Slemmestad")
    assert project.dwellings_total == 1500
    assert "1 300" in project.source and "1 500" in project.source
    plan = Plan.objects.get(plan_id=project.plan_id)
    assert plan.kind == Plan.Kind.OMRADEREGULERING
    assert (plan.adopted.year, plan.adopted.month) == (2017, 9)


def test_tofte_sagene_is_confidential_and_nothing_public_gives_it_away(loaded):
    sagene = DevelopmentProject.objects.get(slug="sagene-tofte")
    assert sagene.is_confidential and sagene.published_at is None
    assert (sagene.dwellings_total, sagene.marina, sagene.local_centre) == (550, True, True)
    assert sagene.plan_id == ""
    assert sagene not in DevelopmentProject.objects.visible_to(AnonymousUser())
    assert sagene in DevelopmentProject.objects.visible_to(get_user_model().objects.get(username="planlegger"))
    assert sagene not in DevelopmentProject.objects.visible_to(get_user_model().objects.get(username="beboer"))
    public_texts = [
        *Centre.objects.values_list("description", flat=True),
        *Plan.objects.values_list("description", flat=True),
        *Plan.objects.values_list("name", flat=True),
        *DevelopmentProject.objects.exclude(pk=sagene.pk).values_list("description", flat=True),
    ]
    assert not any("Sagene" in text for text in public_texts)
    others = DevelopmentProject.objects.exclude(pk=sagene.pk)
    assert others.count() == 13
    assert all(p.visibility == "public" and p.published_at for p in others)


def test_every_project_has_dated_phases_that_add_up(loaded):
    for project in DevelopmentProject.objects.prefetch_related("phases"):
        phases = list(project.phases.all())
        assert phases, project.name
        if project.dwellings_total is None:  # unknown for the project, and so for its phases
            assert all(p.dwellings is None for p in phases), project.name
        else:
            assert sum(p.dwellings for p in phases) == project.dwellings_total, project.name
        assert all(p.start_year and p.finish_year and p.start_year <= p.finish_year for p in phases)
    years = DevelopmentProject.objects.with_totals().values_list("first_year", "last_year")
    assert all(first and last for first, last in years)


def test_projects_are_approximate_areas_linked_to_plans_and_goals(loaded):
    plans = {plan.plan_id: plan for plan in Plan.objects.all()}
    for project in DevelopmentProject.objects.all():
        assert project.geometry.geom_type == "MultiPolygon" and project.location_approximate
        assert project.geometry.contains(project.location), project.name
        # The point comes from the one place that computes it for forms and uploads too.
        assert project.location.equals_exact(DevelopmentProject.area_fields(project.geometry)["location"], 1e-9)
        assert project.source and project.is_demo
        assert project.sdg_goals and all(1 <= goal <= 17 for goal in project.sdg_goals)
        if project.plan_id:
            assert plans[project.plan_id].boundary.contains(project.location), project.name
    assert DevelopmentProject.objects.exclude(plan_id="").count() == 13
    holmen = DevelopmentProject.objects.get(slug="holmen-sentrum")
    assert holmen.architect == "Ghilardi+Hellsten Arkitekter"
    assert "Citycon AS" in holmen.developers.values_list("name", flat=True)


def test_plans_have_demo_ids_centres_and_kinds(loaded):
    plans = Plan.objects.all()
    assert {"kommuneplan", "omraderegulering", "detaljregulering", "mulighetsstudie"} <= {p.kind for p in plans}
    for plan in plans:
        assert plan.plan_id.startswith("3203DEMO"), plan.plan_id
        assert plan.centre_id and plan.boundary and "demo" in plan.source.lower()
    spikkestad = Plan.objects.get(kind=Plan.Kind.MULIGHETSSTUDIE)
    assert spikkestad.centre.name == "Spikkestad" and spikkestad.plan_type is None


def test_facilities_have_capacities_in_several_centres(loaded):
    facilities = ServiceFacility.objects.all()
    assert {"school", "kindergarten"} <= set(facilities.values_list("kind", flat=True))
    assert facilities.filter(kind__in=["health", "care"]).exists()
    schools = facilities.filter(kind="school")
    assert schools.values("centre").distinct().count() >= 5
    assert schools.filter(name="Slemmestad ungdomsskole").exists()
    assert all(f.capacity for f in facilities.filter(kind__in=["school", "kindergarten"]))
    assert all(f.location_approximate and f.is_demo and f.centre_id for f in facilities)


def test_every_object_passes_full_clean(loaded):
    for model in (Municipality, StatisticalDistrict, Centre, Developer, Plan, DevelopmentProject,
                  ProjectPhase, ServiceFacility, get_user_model()):
        objects = list(model.objects.all())
        assert objects, model
        for obj in objects:
            obj.full_clean()


def test_demo_users_have_their_roles_and_the_demo_password(loaded):
    assert not set(loaded["users_before"]) & set(DEMO_USERS), "demo users must come only from load_demo"
    for username, role in DEMO_USERS.items():
        user = authenticate(username=username, password="asker-demo")
        assert user is not None, username
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert user.is_staff == user.is_superuser == (username == "admin")
    assert "asker-demo" in loaded["output"]
    assert all(username in loaded["output"] for username in DEMO_USERS)


def test_a_changed_demo_password_is_set_back(loaded):
    user = get_user_model().objects.get(username="moderator")
    user.set_password("something else")
    user.save()
    user.groups.clear()
    load()
    assert authenticate(username="moderator", password="asker-demo") is not None
    assert list(user.groups.values_list("name", flat=True)) == [roles.MODERATOR]


def test_loading_again_changes_nothing(loaded):
    # The module fixture was the first run; this is the second.
    load()
    assert snapshot() == loaded["snapshot"]


def test_loading_again_repairs_demo_rows_and_drops_stale_phases(loaded):
    project = DevelopmentProject.objects.get(slug="elvegarden")
    project.flats = 5
    project.name = "Endret"
    project.save()
    project.developers.clear()
    project.phases.filter(number=1).update(dwellings=1)
    ProjectPhase.objects.create(project=project, number=9, dwellings=4, start_year=2030, finish_year=2031)
    Centre.objects.filter(slug="lahell").update(parent=Centre.objects.get(slug="tofte"), description="x")
    StatisticalDistrict.objects.filter(code="32030100").update(population=1)
    load()
    assert without_history(without_link_ids(snapshot())) == without_history(without_link_ids(loaded["snapshot"]))
    assert not project.phases.filter(number=9).exists()
    # The history keeps both the change and its repair.
    names = list(project.history.values_list("name", flat=True))
    assert names[0] == "Elvegården" and "Endret" in names


def without_history(tables):
    return {table: rows for table, rows in tables.items() if ".Historical" not in table}


def test_a_failing_load_changes_nothing(loaded):
    # A second developer already holding Ferd's name makes the load fail on a unique rule,
    # after the municipality has been refreshed: that refresh must be rolled back too.
    Municipality.objects.update(population=1)
    Developer.objects.filter(slug="ferd").update(slug="ferd-gammel")
    before = snapshot()
    with pytest.raises(ValidationError):
        load()
    assert snapshot() == before
    assert Municipality.objects.get().population == 1
