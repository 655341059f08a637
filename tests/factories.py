"""Factories the whole suite shares. Geometry sits in and around Asker sentrum."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.utils import timezone

from asker import roles
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

# A simple box around Asker (EPSG:4326); real boundaries come from the demo loader.
ASKER_BOX = MultiPolygon(Polygon.from_bbox((10.25, 59.50, 10.70, 59.90)), srid=4326)


def small_square(lon, lat, size=0.002):
    return MultiPolygon(Polygon.from_bbox((lon, lat, lon + size, lat + size)), srid=4326)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("number",)

    number = "3203"
    name = "Asker"
    slug = "asker"
    boundary = ASKER_BOX
    population = 100383
    growth_rate = "1.10"


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Senter {n}")
    slug = factory.Sequence(lambda n: f"senter-{n}")
    level = Centre.Level.LOKALSENTER
    parent = factory.LazyAttribute(
        lambda o: Centre.objects.filter(
            municipality=o.municipality, level=Centre.Level.KOMMUNESENTER
        ).first()
        or KommunesenterFactory(municipality=o.municipality)
    )
    location = factory.LazyFunction(lambda: Point(10.44, 59.83, srid=4326))
    population = 3000


class KommunesenterFactory(CentreFactory):
    name = "Asker sentrum"
    slug = "asker-sentrum"
    level = Centre.Level.KOMMUNESENTER
    parent = None


class DeveloperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Developer
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Utbygger {n} AS")
    slug = factory.Sequence(lambda n: f"utbygger-{n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentProject
        skip_postgeneration_save = True

    municipality = factory.SubFactory(MunicipalityFactory)
    centre = factory.SubFactory(CentreFactory, municipality=factory.SelfAttribute("..municipality"))
    name = factory.Sequence(lambda n: f"Prosjekt {n}")
    slug = factory.Sequence(lambda n: f"prosjekt-{n}")
    geometry = factory.LazyFunction(lambda: small_square(10.44, 59.83))
    location = factory.LazyFunction(lambda: Point(10.441, 59.831, srid=4326))
    status = DevelopmentProject.Status.PLANNING
    visibility = DevelopmentProject.Visibility.PUBLIC
    flats = 100
    # Empty is unknown (places.models.projects); a factory project has none of the other kinds.
    terraced = 0
    detached = 0

    @factory.post_generation
    def developers(self, create, extracted, **kwargs):
        if create and extracted:
            self.developers.set(extracted)


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectPhase

    project = factory.SubFactory(ProjectFactory)
    number = factory.Sequence(lambda n: n + 1)
    dwellings = 50
    start_year = 2024
    finish_year = 2026


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    municipality = factory.SubFactory(MunicipalityFactory)
    plan_id = factory.Sequence(lambda n: f"3203{2020000 + n}")
    name = factory.Sequence(lambda n: f"Reguleringsplan {n}")
    kind = Plan.Kind.DETALJREGULERING
    plan_type = 35
    plan_status = 3
    boundary = factory.LazyFunction(lambda: small_square(10.44, 59.83, 0.004))


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceFacility

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Skole {n}")
    kind = ServiceFacility.Kind.SCHOOL
    capacity = 400
    location = factory.LazyFunction(lambda: Point(10.445, 59.835, srid=4326))


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatisticalDistrict

    municipality = factory.SubFactory(MunicipalityFactory)
    code = factory.Sequence(lambda n: f"3203{n:04d}")
    name = factory.Sequence(lambda n: f"Delområde {n}")
    population = 4000
    population_year = 2025
    geometry = factory.LazyFunction(lambda: small_square(10.42, 59.82, 0.05))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "asker-demo")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get_or_create(name=extracted)[0])
        if create:
            self.save()


def user_with_role(role):
    """A user in the given role group (roles.PLANNER, ...), or None for anonymous."""
    if role is None:
        return None
    if role == "superuser":
        return UserFactory(username="superuser", is_superuser=True, is_staff=True)
    return UserFactory(username=role, role=role)


def login_as(client, role):
    """The test client signed in as a new user in `role` (None: stays anonymous)."""
    user = user_with_role(role)
    if user is not None:
        client.force_login(user)
    return client


ALL_ROLES = [None, roles.RESIDENT, roles.PLANNER, roles.MODERATOR,
             roles.ORGANISATION_REPRESENTATIVE, roles.ADMINISTRATOR]


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "participation.Consultation"

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Høring {n}")
    slug = factory.Sequence(lambda n: f"horing-{n}")
    text = "Hva mener du om planen?"
    plan = factory.SubFactory(PlanFactory, municipality=factory.SelfAttribute("..municipality"))
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    moderation = "pre"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "participation.Comment"

    consultation = factory.SubFactory(ConsultationFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Kommentar nummer {n}")
    state = "published"


class AnsweredConsultationFactory(ConsultationFactory):
    """Closed three days ago, with a whole draft answer (decided yesterday), not yet published."""

    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    closes_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=3))
    answer_heard = "Mange ønsker flere sykkelparkeringer."
    answer_changes = "Planen får 200 nye sykkelplasser."
    answer_next = "Kommunestyret behandler planen i mars."
    decided_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=1))
    case_number = "23/01234"
    case_url = "https://www.asker.kommune.no/innsyn/sak/23-01234"
