"""Rules of the places domain, enforced by the models (clean) and the database (constraints)."""

import pytest
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from places.models import Centre, Plan
from tests.factories import (
    CentreFactory,
    MunicipalityFactory,
    PhaseFactory,
    PlanFactory,
    ProjectFactory,
    small_square,
)

pytestmark = pytest.mark.django_db

L = Centre.Level


def _errors(obj):
    with pytest.raises(ValidationError) as info:
        obj.full_clean()
    return info.value.message_dict


# --- Centre hierarchy ------------------------------------------------------------------

@pytest.mark.parametrize(
    "level, parent_level, ok",
    [
        (L.LOKALSENTER, L.KOMMUNESENTER, True),
        (L.NAERSENTER, L.LOKALSENTER, True),
        (L.NAERSENTER, L.KOMMUNESENTER, True),
        (L.LOKALSENTER, L.LOKALSENTER, False),
        (L.LOKALSENTER, L.NAERSENTER, False),
        (L.NAERSENTER, L.NAERSENTER, False),
        (L.KOMMUNESENTER, L.LOKALSENTER, False),
    ],
)
def test_a_centres_parent_is_one_level_up(sentrum, level, parent_level, ok):
    parent = sentrum if parent_level == L.KOMMUNESENTER else CentreFactory(level=L.LOKALSENTER, parent=sentrum)
    if parent_level == L.NAERSENTER:
        parent = CentreFactory(level=L.NAERSENTER, parent=parent)
    centre = Centre(municipality=sentrum.municipality, name="Nytt senter", slug="nytt-senter", level=level,
                    parent=parent, location=Point(10.44, 59.8, srid=4326))
    if ok:
        centre.full_clean()
    else:
        assert "parent" in _errors(centre)


@pytest.mark.parametrize("level", [L.LOKALSENTER, L.NAERSENTER])
def test_lower_levels_need_a_parent(sentrum, level):
    centre = Centre(municipality=sentrum.municipality, name="Nytt senter", slug="nytt-senter", level=level,
                    location=Point(10.44, 59.8, srid=4326))
    assert "parent" in _errors(centre)


def test_parent_must_be_in_the_same_municipality(sentrum):
    other = MunicipalityFactory(number="3301", name="Drammen", slug="drammen")
    centre = Centre(municipality=other, name="Nytt senter", slug="nytt-senter", level=L.LOKALSENTER, parent=sentrum,
                    location=Point(10.44, 59.8, srid=4326))
    assert "parent" in _errors(centre)


def test_one_kommunesenter_per_municipality(sentrum):
    second = Centre(municipality=sentrum.municipality, name="Røyken sentrum", slug="royken-sentrum",
                    level=L.KOMMUNESENTER, location=Point(10.41, 59.74, srid=4326))
    assert "__all__" in _errors(second) or "level" in _errors(second)
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()  # the database refuses it too, not only the form layer


# --- Geometry -------------------------------------------------------------------------

def test_geometry_outside_the_municipality_is_refused(asker, heggedal):
    oslo = MultiPolygon(Polygon.from_bbox((10.75, 59.91, 10.76, 59.92)), srid=4326)
    project = ProjectFactory.build(municipality=asker, centre=heggedal, geometry=oslo,
                                   location=Point(10.755, 59.915, srid=4326))
    errors = _errors(project)
    assert "geometry" in errors and "location" in errors
    assert "outside Asker" in errors["geometry"][0] or "utenfor Asker" in errors["geometry"][0]


def test_small_tolerance_for_the_simplified_coastline(asker, heggedal):
    # The factory boundary's east edge is 10.70°E; 200 m outside lies within the 500 m tolerance.
    just_outside = Point(10.7035, 59.7, srid=4326)
    far_outside = Point(10.72, 59.7, srid=4326)  # about 1.1 km out
    ProjectFactory.build(municipality=asker, centre=heggedal, geometry=None, location=just_outside).full_clean()
    assert "location" in _errors(
        ProjectFactory.build(municipality=asker, centre=heggedal, geometry=None, location=far_outside)
    )


def test_invalid_geometry_is_refused(asker, heggedal):
    bowtie = Polygon(((10.40, 59.80), (10.41, 59.81), (10.41, 59.80), (10.40, 59.81), (10.40, 59.80)))
    project = ProjectFactory.build(municipality=asker, centre=heggedal,
                                   geometry=MultiPolygon(bowtie, srid=4326))
    assert "geometry" in _errors(project)


# --- Dwellings and phases --------------------------------------------------------------

@pytest.mark.parametrize("field", ["flats", "terraced", "detached", "commercial_m2"])
def test_counts_cannot_be_negative(asker, heggedal, field):
    project = ProjectFactory.build(municipality=asker, centre=heggedal, **{field: -1})
    assert field in _errors(project)
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_phase_dwellings_cannot_be_negative(heggedal):
    project = ProjectFactory(centre=heggedal, flats=10)
    phase = PhaseFactory.build(project=project, number=1, dwellings=-5)
    with pytest.raises(ValidationError):
        phase.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        phase.save()


def test_phase_totals_must_equal_project_total(heggedal):
    # Checked against the phases as they will be saved, by whoever changes both (the phase
    # formset, revert, the demo loader): see tests/places/test_phase_formset.py.
    project = ProjectFactory(centre=heggedal, flats=100, terraced=20)
    PhaseFactory(project=project, number=1, dwellings=70)
    PhaseFactory(project=project, number=2, dwellings=40)
    with pytest.raises(ValidationError) as info:
        project.check_phase_totals(list(project.phases.all()))
    assert "110" in info.value.messages[0] and "120" in info.value.messages[0]
    project.terraced = 10
    project.check_phase_totals(list(project.phases.all()))


def test_project_without_phases_has_no_phase_rule(heggedal):
    project = ProjectFactory(centre=heggedal, flats=100)
    project.full_clean()
    project.check_phase_totals([])


def test_phase_cannot_finish_before_it_starts(heggedal):
    phase = PhaseFactory.build(project=ProjectFactory(centre=heggedal), number=1, start_year=2030, finish_year=2025)
    with pytest.raises(ValidationError) as info:
        phase.full_clean()
    assert "finish_year" in info.value.message_dict


def test_sdg_goals_are_1_to_17(heggedal):
    assert "sdg_goals" in _errors(ProjectFactory.build(centre=heggedal, municipality=heggedal.municipality,
                                                        sdg_goals=[11, 18]))
    ProjectFactory.build(centre=heggedal, municipality=heggedal.municipality, sdg_goals=[7, 11]).full_clean()


# --- Plans and the national code lists -------------------------------------------------

@pytest.mark.parametrize(
    "kind, plan_type, plan_status, bad_field",
    [
        (Plan.Kind.DETALJREGULERING, 35, 3, None),
        (Plan.Kind.OMRADEREGULERING, 34, 2, None),
        (Plan.Kind.KOMMUNEPLAN, 20, 3, None),
        (Plan.Kind.MULIGHETSSTUDIE, None, None, None),
        (Plan.Kind.DETALJREGULERING, 34, 3, "plan_type"),   # wrong national type for the kind
        (Plan.Kind.DETALJREGULERING, 99, 3, "plan_type"),   # not in the code list
        (Plan.Kind.DETALJREGULERING, 35, 7, "plan_status"),  # there is no status 7
        (Plan.Kind.DETALJREGULERING, 35, None, "plan_status"),
        (Plan.Kind.TEMAPLAN, 35, None, "plan_type"),        # not an arealplan
    ],
)
def test_plan_type_and_status_from_the_national_code_lists(asker, kind, plan_type, plan_status, bad_field):
    plan = PlanFactory.build(municipality=asker, kind=kind, plan_type=plan_type, plan_status=plan_status)
    if bad_field is None:
        plan.full_clean()
    else:
        assert bad_field in _errors(plan)


def test_code_list_enforced_by_the_database(asker):
    plan = PlanFactory.build(municipality=asker, plan_status=7)
    with pytest.raises(IntegrityError), transaction.atomic():
        plan.save()


def test_plan_id_starts_with_the_municipality_number(asker):
    assert "plan_id" in _errors(PlanFactory.build(municipality=asker, plan_id="0301201901"))


def test_plan_boundary_inside_the_municipality(asker):
    plan = PlanFactory.build(municipality=asker, boundary=small_square(11.5, 60.5))
    assert "boundary" in _errors(plan)


@pytest.mark.parametrize("factory", [PlanFactory, ProjectFactory])
def test_centre_must_be_in_the_same_municipality(sentrum, factory):
    other = MunicipalityFactory(number="3301", name="Drammen", slug="drammen", boundary=sentrum.municipality.boundary)
    obj = factory.build(municipality=other, centre=sentrum, **({"plan_id": "3301201901"} if factory is PlanFactory else {}))
    assert "centre" in _errors(obj)


def test_facility_centre_in_the_same_municipality_and_name_unique(sentrum):
    from tests.factories import FacilityFactory

    other = MunicipalityFactory(number="3301", name="Drammen", slug="drammen", boundary=sentrum.municipality.boundary)
    assert "centre" in _errors(FacilityFactory.build(municipality=other, centre=sentrum))
    FacilityFactory(municipality=sentrum.municipality, name="Heggedal skole")
    with pytest.raises(IntegrityError), transaction.atomic():
        FacilityFactory(municipality=sentrum.municipality, name="Heggedal skole")
