"""Events and innbyggertorg for the events tests (tests/factories.py has the rest)."""

from datetime import timedelta

import factory
from django.contrib.gis.geos import Point
from django.utils import timezone

from community.models import Innbyggertorg
from events.models import Event, Registration
from tests.factories import CentreFactory, UserFactory


class InnbyggertorgFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Innbyggertorg

    name = factory.Sequence(lambda n: f"Innbyggertorg {n}")
    slug = factory.Sequence(lambda n: f"innbyggertorg-{n}")
    centre = factory.SubFactory(CentreFactory)
    address = "Torget 1"
    location = factory.LazyFunction(lambda: Point(10.44, 59.83, srid=4326))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Folkemøte {n}")
    kind = Event.Kind.PUBLIC_MEETING
    description = "Kom og hør om planene."
    centre = factory.SubFactory(CentreFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    capacity = None
    state = Event.State.PUBLISHED


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    state = Registration.State.CONFIRMED
