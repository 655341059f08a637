"""axe on the innbyggertorg and the lokalsamfunnsutvalg archive, in bokmål and English, at 390 and
1280 px (tests/browser/tour.py): the list with its map, an innbyggertorg with hours, exceptions
and consultations, one without hours, and a committee with members and meetings."""

from datetime import date, time, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from asker import roles
from community.models import CommitteeMeeting, Service
from tests.browser.tour import sign_in_as
from tests.community.factories import (
    CommitteeFactory,
    HoursExceptionFactory,
    InnbyggertorgFactory,
    MeetingFactory,
    MemberFactory,
    WeeklyHoursFactory,
)
from tests.factories import CentreFactory, ConsultationFactory, UserFactory

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def community(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    heggedal = world["heggedal"]
    torg = InnbyggertorgFactory(name="Heggedal innbyggertorg", slug="heggedal", centre=heggedal,
                                location=heggedal.location, location_approximate=True, hours_demo=True,
                                status="Nye lokaler åpnet 15. februar 2021.",
                                description="Bibliotek, scene og helsestasjon over fire etasjer.",
                                source="https://www.asker.kommune.no/")
    for weekday in range(7):
        WeeklyHoursFactory(innbyggertorg=torg, weekday=weekday, opens=time(9), closes=time(15))
    WeeklyHoursFactory(innbyggertorg=torg, weekday=4, opens=time(20), closes=time(1))
    today = timezone.localdate()
    HoursExceptionFactory(innbyggertorg=torg, date=today + timedelta(days=2), opens=time(10), closes=time(12),
                          note="Kortere dag")
    HoursExceptionFactory(innbyggertorg=torg, date=today + timedelta(days=3), note="Personalmøte")
    for kind in (Service.Kind.LIBRARY, Service.Kind.STAGE, Service.Kind.HELSESTASJON):
        Service.objects.create(innbyggertorg=torg, kind=kind)
    borgen = CentreFactory(municipality=heggedal.municipality, name="Borgen", slug="borgen",
                           parent=world["sentrum"], level="naersenter")
    InnbyggertorgFactory(name="Borgen innbyggertorg", slug="borgen", centre=borgen, location=borgen.location,
                         address="Søndre Borgen 11, 1388 Borgen", location_approximate=True)
    now = timezone.now()
    ConsultationFactory(municipality=heggedal.municipality, plan=world["plan"], title="Åpen høring om torget")
    ConsultationFactory(municipality=heggedal.municipality, plan=world["plan"], title="Kommende høring",
                        opens_at=now + timedelta(days=3), closes_at=now + timedelta(days=20))
    ConsultationFactory(municipality=heggedal.municipality, plan=world["plan"], title="Avsluttet høring",
                        opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=3))
    committee = CommitteeFactory(name="Lokalsamfunnsutvalget i Heggedal", slug="heggedal", centre=heggedal,
                                 area="Heggedal og Hallenskog", description="Forsøket er avsluttet.",
                                 source="Asker kommunes presentasjon «Nye Asker»")
    MemberFactory(committee=committee, name="Demoperson A (Heggedal)", role="leder")
    MemberFactory(committee=committee, name="Demoperson B (Heggedal)", role="medlem")
    MeetingFactory(committee=committee, date=date(2020, 9, 15))
    meeting = MeetingFactory(committee=committee, date=date(2021, 3, 9), minutes="")
    meeting.minutes_file.save("referat.pdf", ContentFile(PDF))
    return {"torg": torg, "committee": committee, "meeting": CommitteeMeeting.objects.get(pk=meeting.pk)}


def test_the_community_pages(page, tour, community):
    tour.visit(page, "community:list")
    assert page.locator("table.data tbody tr").count() == 2
    tour.visit(page, "community:innbyggertorg", "with hours, exceptions and consultations", slug="heggedal")
    assert page.get_by_text("Åpen høring om torget").count() == 1
    tour.visit(page, "community:innbyggertorg", "without hours, with an address", slug="borgen")
    tour.visit(page, "community:committees")
    tour.visit(page, "community:committee", slug="heggedal")
    assert page.locator(f"a[href$='/referat/{community['meeting'].pk}/']").count() == 1
    tour.done()


def test_signed_in_the_list_is_the_same(page, tour, community, live_server):
    sign_in_as(page, live_server, UserFactory(username="kari", role=roles.RESIDENT))
    tour.visit(page, "community:list", "signed in")
    tour.done()
