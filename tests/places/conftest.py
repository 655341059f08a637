import pytest

from places.models import DevelopmentProject
from tests.factories import (
    CentreFactory,
    DeveloperFactory,
    FacilityFactory,
    KommunesenterFactory,
    MunicipalityFactory,
    PhaseFactory,
    PlanFactory,
    ProjectFactory,
)


@pytest.fixture
def asker(db):
    return MunicipalityFactory()


@pytest.fixture
def sentrum(asker):
    return KommunesenterFactory(municipality=asker)


@pytest.fixture
def heggedal(asker, sentrum):
    return CentreFactory(municipality=asker, name="Heggedal", slug="heggedal", parent=sentrum,
                         location="SRID=4326;POINT(10.45 59.783)")


@pytest.fixture
def world(asker, sentrum, heggedal):
    """A small, known data set: two public projects and a confidential one at Heggedal."""
    jm = DeveloperFactory(name="JM Norge", slug="jm-norge")
    tandberg = DeveloperFactory(name="Tandberg Eiendom", slug="tandberg-eiendom")
    plan = PlanFactory(municipality=asker, plan_id="3203201901", name="Heggedal sentrum", centre=heggedal)
    torg = ProjectFactory(
        municipality=asker, centre=heggedal, name="Heggedal torg", slug="heggedal-torg",
        status=DevelopmentProject.Status.UNDER_CONSTRUCTION, flats=139, developers=[tandberg],
        plan_id=plan.plan_id,
    )
    PhaseFactory(project=torg, number=1, dwellings=75, start_year=2019, finish_year=2021)
    PhaseFactory(project=torg, number=2, dwellings=64, start_year=2022, finish_year=2024)
    hage = ProjectFactory(
        municipality=asker, centre=heggedal, name="Heggedal hage", slug="heggedal-hage",
        status=DevelopmentProject.Status.PLANNING, flats=40, terraced=20, developers=[jm],
    )
    PhaseFactory(project=hage, number=1, dwellings=60, start_year=2028, finish_year=2031)
    secret = ProjectFactory(
        municipality=asker, centre=heggedal, name="Hemmelig tomt", slug="hemmelig-tomt",
        status=DevelopmentProject.Status.IDEA, flats=550, developers=[jm],
        visibility=DevelopmentProject.Visibility.CONFIDENTIAL,
    )
    PhaseFactory(project=secret, number=1, dwellings=550, start_year=2030, finish_year=2040)
    school = FacilityFactory(municipality=asker, centre=heggedal, name="Heggedal skole", capacity=450)
    return {"torg": torg, "hage": hage, "secret": secret, "plan": plan, "jm": jm,
            "tandberg": tandberg, "school": school, "heggedal": heggedal, "sentrum": sentrum}
