"""The cached Stedskompasset pages (asker/pagecache.py) show each change at the very next request,
to the public and to a planner, in bokmål and English: a new answer, a workshop group, a new round,
and a round that opens or closes by the clock alone."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from asker import pagecache, roles
from stedskompasset import services
from stedskompasset.themes import THEMES
from tests.factories import UserFactory
from tests.stedskompasset.factories import RoundFactory, respond

RESULTS = "/stedskompasset/heggedal/resultater/"
PAGES = ["/stedskompasset/", "/stedskompasset/heggedal/", RESULTS]
SCORES = {t.number: (6, "", "") for t in THEMES}


@pytest.fixture(params=["public", "planner"])
def viewer(request, client, db):
    if request.param == "planner":
        client.force_login(UserFactory(username="plan", role=roles.PLANNER))
    client.role = request.param
    return client


@pytest.fixture(params=["", "/en"], ids=["nb", "en"])
def prefix(request):
    return request.param


def load(client, prefix, path):
    response = client.get(prefix + path)
    assert response.status_code == 200, path
    return response.content.decode()


def warm(client, prefix, paths):
    first = {path: load(client, prefix, path) for path in paths}
    for path in paths:
        response = client.get(prefix + path)
        if client.role == "public":
            assert response.has_header("ETag"), path
            assert response.content.decode() == first[path]
    return first


def test_a_new_answer_shows_in_the_results_at_once(viewer, prefix, open_round):
    for _ in range(4):
        respond(open_round, 2)
    before = warm(viewer, prefix, [RESULTS])[RESULTS]
    assert 'class="compass"' not in before
    services.answer(open_round, UserFactory(username="ola", role=roles.RESIDENT), SCORES)
    after = load(viewer, prefix, RESULTS)
    assert 'class="compass"' in after and 'data-theme="1"' in after
    services.answer(open_round, UserFactory(username="per", role=roles.RESIDENT), SCORES)
    assert load(viewer, prefix, RESULTS) != after  # 6 responses now


def test_a_workshop_group_shows_at_once(viewer, prefix, open_round):
    for _ in range(5):
        respond(open_round, 2)
    warm(viewer, prefix, [RESULTS])
    services.enter_workshop(open_round, UserFactory(username="fasilitator", role=roles.PLANNER), SCORES, 14)
    page = load(viewer, prefix, RESULTS)
    assert ">14<" in page or " 14 " in page


def test_a_new_round_shows_at_once(viewer, prefix, heggedal):
    before = warm(viewer, prefix, PAGES)
    assert "Ny runde i Heggedal" not in before["/stedskompasset/"]
    RoundFactory(centre=heggedal, title="Ny runde i Heggedal")
    for path in PAGES[:2]:
        assert "Ny runde i Heggedal" in load(viewer, prefix, path), path


def test_a_round_that_closes_by_the_clock_leaves_the_survey_page(viewer, prefix, heggedal):
    now = timezone.now()
    survey_round = RoundFactory(centre=heggedal, title="Snart slutt", opens_at=now - timedelta(days=3),
                                closes_at=now + timedelta(seconds=3))
    path = "/stedskompasset/heggedal/"
    before = warm(viewer, prefix, [path])[path]
    assert f"?runde={survey_round.pk}" in before and 'id="open-heading"' in before
    assert "Snart slutt" in before
    # The stamp carries the round's closing moment (stedskompasset/apps.py): once it has passed,
    # the page is made anew, though nothing was saved.
    assert pagecache._next_moment(now) == survey_round.closes_at
    time.sleep(max(0, (survey_round.closes_at - timezone.now()).total_seconds()) + 0.1)
    after = load(viewer, prefix, path)
    assert "Ingen runde er åpen" in after or "No survey round is open" in after
