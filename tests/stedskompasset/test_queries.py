"""Each page asks the database a fixed number of queries, at 5 and at 200 responses (and rounds),
signed out and as a planner (who also reads the comments)."""

import pytest
from django.test import Client

from stedskompasset.models import SurveyResponse, ThemeScore
from stedskompasset.themes import THEMES
from tests.factories import CentreFactory
from tests.stedskompasset.factories import RoundFactory, closed_round, respond


def _fill(survey_round, n):
    responses = SurveyResponse.objects.bulk_create([SurveyResponse(round=survey_round) for _ in range(n)])
    ThemeScore.objects.bulk_create([ThemeScore(response=r, theme=t.number, score=(r.pk + t.number) % 7 + 1,
                                               could_be_better="Mer lys" if t.number == 1 else "")
                                    for r in responses for t in THEMES])


@pytest.fixture(params=[5, 200])
def scene(request, heggedal, asker):
    n = request.param
    earlier = closed_round(centre=heggedal, opens_at=heggedal_time(2024), closes_at=heggedal_time(2024, 2))
    now_round = RoundFactory(centre=heggedal)
    last = closed_round(centre=heggedal)
    for survey_round in (earlier, now_round, last):
        _fill(survey_round, n)
    respond(last, 4, participants=9)
    # Other centres with rounds of their own, for the list and the municipality's median.
    for i in range(3 if n == 5 else 20):
        centre = CentreFactory(municipality=asker, slug=f"sted-{i}", name=f"Sted {i}")
        _fill(closed_round(centre=centre), 5)
    return {"n": n, "last": last, "open": now_round}


def heggedal_time(year, month=1):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime(year, month, 1, tzinfo=ZoneInfo("Europe/Oslo"))


@pytest.mark.parametrize("planner_signed_in", [False, True])
def test_queries_are_bounded(client, scene, planner, planner_signed_in, django_assert_max_num_queries):
    if planner_signed_in:
        client.force_login(planner)
    pages = {
        "/stedskompasset/": 2,
        "/stedskompasset/heggedal/": 4,
        f"/stedskompasset/heggedal/resultater/?runde={scene['last'].pk}": 8,
        f"/stedskompasset/heggedal/resultater/?runde={scene['open'].pk}": 8,
        "/stedskompasset/heggedal/verksted/": 4,
    }
    for path, queries in pages.items():
        if path.endswith("verksted/") and not planner_signed_in:
            continue
        # Signed in: the session and the user (and the user's groups for the rules).
        with django_assert_max_num_queries(queries + (4 if planner_signed_in else 0)):
            response = client.get(path)
        assert response.status_code == 200, path


def test_a_residents_survey_page_is_bounded(scene, resident, django_assert_max_num_queries):
    client = Client()
    client.force_login(resident)
    with django_assert_max_num_queries(8):
        response = client.get("/stedskompasset/heggedal/")
    assert response.status_code == 200
    assert 'name="score_14"' in response.content.decode()
