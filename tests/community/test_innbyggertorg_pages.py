"""/innbyggertorg/ and /innbyggertorg/<slug>/: what they show, in both languages, with bounded
queries; a confidential project's consultation stays hidden from the public."""

from datetime import timedelta

import pytest
from django.utils import timezone

from asker import roles
from community.models import Innbyggertorg
from tests.factories import ConsultationFactory, UserFactory

from .factories import InnbyggertorgFactory, WeeklyHoursFactory

pytestmark = pytest.mark.django_db


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_the_list_shows_each_with_centre_state_and_address(client, torg, borgen):
    html = page(client, "/innbyggertorg/")
    assert "Heggedal innbyggertorg" in html and "Borgen innbyggertorg" in html
    assert "Åpent nå, stenger kl. 15:00" in html
    assert "Åpningstider er ikke publisert" in html        # Borgen has no hours here
    assert "Søndre Borgen 11, 1388 Borgen" in html
    assert "omtrentlig plassering" in html                  # Heggedal has no address
    assert 'id="innbyggertorg-points"' in html and 'href="/innbyggertorg/heggedal/"' in html
    assert 'href="/steder/heggedal/"' in html


def test_the_list_in_english(client, torg, borgen):
    html = page(client, "/en/innbyggertorg/")
    assert "Open now, closes at 15:00" in html and "approximate location" in html
    assert '<span lang="nb">Søndre Borgen 11, 1388 Borgen</span>' in html


def test_the_page_of_one(client, torg):
    html = page(client, "/innbyggertorg/heggedal/")
    assert "<strong>Åpent nå, stenger kl. 15:00</strong>" in html
    assert "Bibliotek" in html and "Kafé" in html
    assert "omtrentlig plassering" in html and "kartet viser senterets punkt" in html
    assert "Nye lokaler åpnet 15. februar 2021." in html
    assert "09:00–15:00" in html and "Lørdag" in html


def test_the_page_of_one_in_english(client, torg):
    html = page(client, "/en/innbyggertorg/heggedal/")
    assert "Open now, closes at 15:00" in html and "Library" in html and "Café" in html
    assert "approximate location" in html and "Saturday" in html


def test_an_address_is_shown_and_its_point_called_approximate(client, borgen):
    html = page(client, "/en/innbyggertorg/borgen/")
    assert "Søndre Borgen 11, 1388 Borgen" in html and "the point on the map is approximate" in html
    assert "The opening hours are not published yet." in html


def test_holidays_in_the_coming_days_are_listed(client, torg, clock):
    from datetime import datetime

    from .conftest import OSLO

    clock.set(datetime(2026, 12, 21, 10, tzinfo=OSLO))
    html = page(client, "/en/innbyggertorg/heggedal/")
    assert "Christmas Day" in html and "Boxing Day" not in html  # the 26th is a Saturday: no hours anyway


def test_unknown_slug_is_404(client, torg):
    assert client.get("/innbyggertorg/finnes-ikke/").status_code == 404
    assert client.get("/en/innbyggertorg/finnes-ikke/").status_code == 404


@pytest.mark.parametrize("query", ["?x=" + "a" * 5000, "?senter=ukjent&side=-1", "?%ff=%fe"])
def test_bad_query_strings_change_nothing(client, torg, query):
    for path in ("/innbyggertorg/", "/innbyggertorg/heggedal/"):
        assert "Heggedal innbyggertorg" in page(client, path + query)


def test_only_get_and_head(client, torg):
    assert client.post("/innbyggertorg/heggedal/").status_code == 405


def test_consultations_of_the_centre_open_and_upcoming_first(client, torg, world):
    now = timezone.now()
    municipality = world["heggedal"].municipality
    ConsultationFactory(municipality=municipality, plan=world["plan"], title="Åpen om torget")
    ConsultationFactory(municipality=municipality, plan=None, centre=world["heggedal"], title="Kommer snart",
                        opens_at=now + timedelta(days=3), closes_at=now + timedelta(days=20))
    ConsultationFactory(municipality=municipality, plan=None, project=world["torg"], title="Ferdig om torget",
                        opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=2))
    ConsultationFactory(municipality=municipality, plan=None, centre=world["sentrum"], title="Annet sted")
    html = page(client, "/innbyggertorg/heggedal/")
    assert html.index("Åpen om torget") < html.index("Kommer snart") < html.index("Ferdig om torget")
    assert "Annet sted" not in html


def test_a_confidential_projects_consultation_is_not_listed_for_the_public(client, torg, world):
    ConsultationFactory(municipality=world["heggedal"].municipality, plan=None, project=world["secret"],
                        title="Hemmelig høring")
    assert "Hemmelig høring" not in page(client, "/innbyggertorg/heggedal/")
    assert "Hemmelig høring" not in page(client, "/en/innbyggertorg/heggedal/")
    client.force_login(UserFactory(username="kari", role=roles.RESIDENT))
    assert "Hemmelig høring" not in page(client, "/innbyggertorg/heggedal/")
    client.force_login(UserFactory(username="plan", role=roles.PLANNER))
    assert "Hemmelig høring" in page(client, "/innbyggertorg/heggedal/")


def test_user_text_is_escaped(client, torg):
    Innbyggertorg.objects.filter(pk=torg.pk).update(status="<script>alert(1)</script>")
    html = page(client, "/innbyggertorg/heggedal/")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("count", [5, 60])
def test_queries_are_bounded(client, torg, world, count, django_assert_max_num_queries, settings):
    settings.PAGE_CACHE = False
    for n in range(count):
        other = InnbyggertorgFactory(centre=world["heggedal"], slug=f"ekstra-{n}")
        WeeklyHoursFactory(innbyggertorg=other, weekday=n % 7)
        ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"])
    for path in ("/innbyggertorg/", "/innbyggertorg/heggedal/"):
        client.get(path)  # the session and the stamp settled
        with django_assert_max_num_queries(8):
            assert client.get(path).status_code == 200


def test_a_nul_byte_in_the_query_is_refused_not_a_500(client, torg):
    for path in ("/innbyggertorg/?side=%00", "/innbyggertorg/heggedal/?q=a%00b"):
        assert client.get(path).status_code == 400
