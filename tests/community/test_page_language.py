"""Nothing English on the bokmål community pages and nothing Norwegian on the English ones
(outside elements marked lang="nb"), in every state: open, closed for a holiday, closed by an
exception, without hours, with an address and without (tests/language.py)."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories import ConsultationFactory
from tests.language import wrong_language

from .conftest import OSLO
from .factories import CommitteeFactory, HoursExceptionFactory, MeetingFactory, MemberFactory

pytestmark = pytest.mark.django_db

PATHS = ["/innbyggertorg/", "/innbyggertorg/heggedal/", "/innbyggertorg/borgen/", "/lokalsamfunnsutvalg/",
         "/lokalsamfunnsutvalg/heggedal/"]


@pytest.fixture
def scene(torg, borgen, world, clock):
    now = timezone.now()
    HoursExceptionFactory(innbyggertorg=torg, date=date(2026, 12, 24), note="Julaften")
    HoursExceptionFactory(innbyggertorg=torg, date=date(2026, 12, 3), opens=None, closes=None, note="Personalmøte")
    ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"], title="Åpen høring")
    ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"], title="Kommende",
                        opens_at=now + timedelta(days=2), closes_at=now + timedelta(days=9))
    committee = CommitteeFactory(name="Lokalsamfunnsutvalget i Heggedal", slug="heggedal", centre=world["heggedal"],
                                 area="Heggedal og Hallenskog", source="Asker kommunes presentasjon")
    MemberFactory(committee=committee, role="leder")
    MeetingFactory(committee=committee, place="Heggedal innbyggertorg")


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("moment", [
    datetime(2026, 12, 2, 10, tzinfo=OSLO),    # open
    datetime(2026, 12, 2, 20, tzinfo=OSLO),    # closed, opens tomorrow... which is closed by an exception
    datetime(2026, 12, 3, 10, tzinfo=OSLO),    # closed by an exception
    datetime(2026, 12, 25, 10, tzinfo=OSLO),   # closed for a holiday
    datetime(2026, 12, 5, 10, tzinfo=OSLO),    # Saturday: opens on Monday
], ids=["open", "evening", "exception", "holiday", "weekend"])
def test_every_page_speaks_one_language(client, scene, clock, lang, moment):
    clock.set(moment)
    problems = []
    for path in PATHS:
        url = path if lang == "nb" else "/en" + path
        response = client.get(url)
        assert response.status_code == 200, url
        problems += [f"{url}: {p}" for p in wrong_language(response.content.decode())]
    assert not problems, "\n".join(problems)
