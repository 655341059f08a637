"""The results page: withheld below 5 responses; per theme the number of responses, the median and
the distribution; workshop groups counted once; an earlier round and the municipality compared."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from stedskompasset.results import median_of_counts
from tests.factories import CentreFactory
from tests.stedskompasset.factories import RoundFactory, closed_round, respond
from tests.stedskompasset.pages import rows

URL = "/stedskompasset/heggedal/resultater/"
OSLO = ZoneInfo("Europe/Oslo")


@pytest.mark.parametrize("counts, median", [
    ({}, None), ({4: 1}, 4), ({1: 1, 7: 1}, 4), ({2: 2, 3: 1}, 2), ({1: 1, 2: 1, 6: 2}, 4), ({5: 3, 6: 3}, 5.5)])
def test_the_median_of_counts(counts, median):
    assert median_of_counts(counts) == median


def test_results_are_withheld_below_five_responses(client, open_round):
    for _ in range(4):
        respond(open_round, 5)
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Resultatene holdes tilbake til runden har minst 5 svar. Den har 4 svar så langt." in page
    assert 'class="compass"' not in page
    assert "compass-table" not in page
    respond(open_round, 5)
    page = client.get(URL).content.decode()
    assert "holdes tilbake" not in page and 'class="compass"' in page


def test_counts_medians_and_distribution_per_theme(client, heggedal):
    survey_round = closed_round(centre=heggedal, title="Høsten")
    for scores in ([1] * 14, [2] * 14, [2] * 14, [6] * 14, [7] * 13 + [3]):
        respond(survey_round, scores)
    table = rows(client.get(URL).content.decode())
    assert len(table) == 14
    # Theme, responses, median, the counts of 1..7, the municipality's median.
    assert table[1] == ["1. Bevege seg rundt", "5", "2", "1", "2", "0", "0", "0", "1", "1", "2"]
    assert table[14][1:10] == ["5", "2", "1", "2", "1", "0", "0", "1", "0"]


def test_a_workshop_group_counts_once(client, heggedal):
    survey_round = closed_round(centre=heggedal)
    for _ in range(4):
        respond(survey_round, 2)
    respond(survey_round, 7, participants=12)
    page = client.get(URL).content.decode()
    assert rows(page)[1][1:3] == ["5", "2"]
    assert "hvorav 1 fra en verkstedgruppe med 12 deltakere" in page
    assert "Hvert svar teller én gang" in page


def test_an_earlier_round_of_the_centre_is_compared(client, heggedal):
    earlier = RoundFactory(centre=heggedal, title="Våren 2024", opens_at=datetime(2024, 3, 1, tzinfo=OSLO),
                           closes_at=datetime(2024, 4, 1, tzinfo=OSLO))
    later = RoundFactory(centre=heggedal, title="Våren 2025", opens_at=datetime(2025, 3, 1, tzinfo=OSLO),
                         closes_at=datetime(2025, 4, 1, tzinfo=OSLO))
    for _ in range(5):
        respond(earlier, 3)
        respond(later, 6)
    page = client.get(URL + f"?runde={later.pk}").content.decode()
    assert "Tidligere runde: Våren 2024 (median)" in page
    row = rows(page)[1]
    assert row[2] == "6" and row[-2] == "3"
    # The earlier round has no earlier one of its own.
    page = client.get(URL + f"?runde={earlier.pk}").content.decode()
    assert "Tidligere runde:" not in page


def test_an_earlier_round_with_too_few_responses_is_not_compared(client, heggedal):
    earlier = closed_round(centre=heggedal, opens_at=datetime(2024, 3, 1, tzinfo=OSLO),
                           closes_at=datetime(2024, 4, 1, tzinfo=OSLO))
    later = closed_round(centre=heggedal)
    respond(earlier, 3)
    for _ in range(5):
        respond(later, 6)
    page = client.get(URL + f"?runde={later.pk}").content.decode()
    assert "Tidligere runde" not in page


def test_the_municipality_median_takes_every_centre_closed_that_year(client, heggedal, asker):
    holmen = CentreFactory(municipality=asker, name="Holmen", slug="holmen")
    year = dict(opens_at=datetime(2025, 2, 1, tzinfo=OSLO), closes_at=datetime(2025, 3, 1, tzinfo=OSLO))
    here = RoundFactory(centre=heggedal, **year)
    there = RoundFactory(centre=holmen, **year)
    # Closed the year before: not counted.
    old = RoundFactory(centre=holmen, opens_at=datetime(2024, 2, 1, tzinfo=OSLO),
                       closes_at=datetime(2024, 12, 31, 23, 30, tzinfo=OSLO))
    for _ in range(5):
        respond(here, 2)
    for _ in range(6):
        respond(there, 7)
        respond(old, 1)
    page = client.get(URL + f"?runde={here.pk}").content.decode()
    row = rows(page)[1]
    assert row[2] == "2" and row[-1] == "7"  # 5 × 2 and 6 × 7: the median is 7
    assert "Kommunen 2025" in page
    assert "som ble avsluttet i 2025" in page


def test_an_unknown_or_upcoming_round_is_not_found(client, heggedal):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    upcoming = RoundFactory(centre=heggedal, opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=9))
    other = RoundFactory(centre=CentreFactory(slug="holmen"))
    for query in ["?runde=abc", "?runde=99999", f"?runde={upcoming.pk}", f"?runde={other.pk}", "?runde="]:
        assert client.get(URL + query).status_code == 404, query


def test_a_centre_without_rounds_says_so(client, heggedal):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Ingen runde har åpnet ved dette senteret ennå." in response.content.decode()
    assert client.get("/stedskompasset/ukjent/resultater/").status_code == 404


def test_demo_rounds_say_they_are_demo_data(client, heggedal):
    survey_round = closed_round(centre=heggedal, is_demo=True)
    for _ in range(5):
        respond(survey_round, 4)
    assert "Demodata: denne runden og svarene i den er laget" in client.get(URL).content.decode()
