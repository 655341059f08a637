"""Planners and administrators open a survey round at a centre; rounds of one centre do not overlap."""

from datetime import timedelta

import pytest
from django.utils import timezone

from asker import roles
from stedskompasset.models import SurveyRound
from tests.factories import user_with_role
from tests.stedskompasset.factories import RoundFactory

URL = "/stedskompasset/heggedal/ny-runde/"


def _data(**extra):
    now = timezone.localtime()
    return {"title": "Stedskompasset Heggedal 2027", "description": "Hvordan er Heggedal å bo i?",
            "opens_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"), **extra}


@pytest.mark.parametrize("role, allowed", [(None, False), (roles.RESIDENT, False), (roles.MODERATOR, False),
                                           (roles.PLANNER, True), (roles.ADMINISTRATOR, True)])
def test_who_may_open_a_round(client, heggedal, role, allowed):
    user = user_with_role(role)
    if user:
        client.force_login(user)
    response = client.post(URL, _data())
    if allowed:
        assert response.status_code == 302 and response["Location"] == "/stedskompasset/heggedal/"
        survey_round = SurveyRound.objects.get()
        assert survey_round.centre == heggedal and survey_round.title == "Stedskompasset Heggedal 2027"
        assert client.get(URL).status_code == 200
        assert "/stedskompasset/heggedal/ny-runde/" in client.get("/stedskompasset/heggedal/").content.decode()
    else:
        assert response.status_code == (302 if user is None else 403)
        assert not SurveyRound.objects.exists()


@pytest.mark.parametrize("field, value, message", [
    ("title", "", "Feltet er påkrevet."),
    ("title", "x" * 201, "200 eller færre tegn"),
    ("opens_at", "i morgen", "Oppgi gyldig dato og tidspunkt."),
    ("closes_at", "1850-01-01T10:00", "Velg en dato i årene 2000 til 2100."),
    ("closes_at", "2026-01-01T10:00", "En runde må avsluttes etter at den åpner."),
])
def test_bad_input_is_refused(client, heggedal, planner, field, value, message):
    client.force_login(planner)
    response = client.post(URL, _data(**{field: value}))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Det er et problem" in page and message in page
    assert not SurveyRound.objects.exists()


def test_rounds_of_one_centre_do_not_overlap(client, heggedal, sentrum, planner):
    client.force_login(planner)
    RoundFactory(centre=heggedal, title="Den som går nå")
    RoundFactory(centre=sentrum, title="Et annet senter")  # another centre's round is no hindrance
    response = client.post(URL, _data(opens_at=timezone.localtime().strftime("%Y-%m-%dT%H:%M")))
    assert response.status_code == 400
    assert "Runden overlapper «Den som går nå» ved dette senteret." in response.content.decode()
    assert SurveyRound.objects.count() == 2
    later = (timezone.localtime() + timedelta(days=40)).strftime("%Y-%m-%dT%H:%M")
    last = (timezone.localtime() + timedelta(days=60)).strftime("%Y-%m-%dT%H:%M")
    assert client.post(URL, _data(opens_at=later, closes_at=last)).status_code == 302


def test_an_unknown_centre_is_not_found(client, planner):
    client.force_login(planner)
    assert client.get("/stedskompasset/ukjent/ny-runde/").status_code == 404
