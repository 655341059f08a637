from datetime import date, time

import factory

from tests.factories import CentreFactory


class InnbyggertorgFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.Innbyggertorg"

    name = factory.Sequence(lambda n: f"Innbyggertorg {n}")
    slug = factory.Sequence(lambda n: f"torg-{n}")
    centre = factory.SubFactory(CentreFactory)
    location = factory.LazyAttribute(lambda o: o.centre.location)
    status = "I drift."


class WeeklyHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.WeeklyHours"

    weekday = 0
    opens = time(9)
    closes = time(15)


class HoursExceptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.HoursException"

    date = date(2026, 12, 24)
    note = "Julaften"


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.LocalCommunityCommittee"

    name = factory.Sequence(lambda n: f"Lokalsamfunnsutvalg {n}")
    slug = factory.Sequence(lambda n: f"utvalg-{n}")
    centre = factory.SubFactory(CentreFactory)
    period_start = date(2020, 1, 1)
    period_end = date(2021, 12, 31)


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.CommitteeMember"

    name = factory.Sequence(lambda n: f"Demoperson {n}")
    role = "medlem"
    appointed_by = "Kommunestyret (demo)"
    is_demo = True


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.CommitteeMeeting"

    date = factory.Sequence(lambda n: date(2020, 9, 1 + n % 28))
    place = "Samfunnshuset"
    agenda = "Demo: Trafikksikkerhet."
    minutes = "Demo-referat: Innspill sendt."
