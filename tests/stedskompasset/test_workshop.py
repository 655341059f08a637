"""Workshop mode: a planner or administrator types in a group's agreed scores from its paper form,
with the number of participants and, optionally, the date and place."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from asker import roles
from stedskompasset.models import SurveyResponse, ThemeScore
from tests.factories import UserFactory
from tests.stedskompasset.factories import RoundFactory, answer_data, closed_round

URL = "/stedskompasset/heggedal/verksted/"


@pytest.fixture
def facilitator(client, planner):
    client.force_login(planner)
    return client


def workshop_data(survey_round, scores=5, **extra):
    return answer_data(survey_round, scores, **{"participants": "8", "held_on": "21.10.2021",
                                                "held_at": "Klokkarstua skole", **extra})


def test_a_planner_enters_a_groups_scores(facilitator, planner, heggedal):
    survey_round = closed_round(centre=heggedal)  # paper forms are typed in after the round has closed
    page = facilitator.get(URL)
    assert page.status_code == 200
    response = facilitator.post(URL, workshop_data(survey_round, good_3="Fin gangvei"))
    assert response.status_code == 302 and response["Location"] == URL
    saved = SurveyResponse.objects.get()
    assert (saved.kind, saved.participants, saved.held_on, saved.held_at) == (
        "workshop", 8, date(2021, 10, 21), "Klokkarstua skole")
    assert saved.respondent is None and saved.entered_by == planner and saved.round == survey_round
    assert saved.scores.count() == 14 and saved.scores.get(theme=3).good_now == "Fin gangvei"
    assert "Gruppens verdier er lagret." in facilitator.get(URL).content.decode()
    # The next group of the same workshop: one facilitator enters many.
    assert facilitator.post(URL, workshop_data(survey_round, 3)).status_code == 302
    assert SurveyResponse.objects.count() == 2


def test_an_administrator_enters_them_too(client, heggedal):
    client.force_login(UserFactory(username="admin", role=roles.ADMINISTRATOR))
    survey_round = RoundFactory(centre=heggedal)
    assert client.post(URL, workshop_data(survey_round)).status_code == 302


@pytest.mark.parametrize("field, value, message", [
    ("participants", "0", "Verdien må være større enn eller lik 1."),
    ("participants", "", "Feltet er påkrevet."),
    ("participants", "mange", "Oppgi et heltall."),
    ("participants", "501", "Verdien må være mindre enn eller lik 500."),
    ("held_on", "31.02.2021", "Oppgi en gyldig dato."),
    ("held_on", "01.01.1890", "Velg en dato i årene 2000 til 2100."),
    ("held_at", "x" * 201, "Sørg for at denne verdien har 200 eller færre tegn"),
    ("score_7", "8", "Velg et tall fra 1 til 7."),
    ("score_7", "0", "Velg et tall fra 1 til 7."),
    ("runde", "99999", "Velg et gyldig valg."),
])
def test_bad_input_is_refused_and_nothing_saved(facilitator, heggedal, field, value, message):
    survey_round = RoundFactory(centre=heggedal)
    response = facilitator.post(URL, workshop_data(survey_round, **{field: value}))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Det er et problem" in page and message in page
    assert not SurveyResponse.objects.exists() and not ThemeScore.objects.exists()


def test_a_workshop_in_the_future_is_refused(facilitator, heggedal):
    survey_round = RoundFactory(centre=heggedal)
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d.%m.%Y")
    response = facilitator.post(URL, workshop_data(survey_round, held_on=tomorrow))
    assert response.status_code == 400
    assert "Verkstedet kan ikke ha vært holdt fram i tid." in response.content.decode()


def test_a_round_that_has_not_opened_takes_no_workshop_scores(facilitator, heggedal):
    now = timezone.now()
    later = RoundFactory(centre=heggedal, opens_at=now + timedelta(days=2), closes_at=now + timedelta(days=9))
    page = facilitator.get(URL).content.decode()
    assert "Ingen runde har åpnet ved dette senteret ennå" in page and 'name="score_1"' not in page
    response = facilitator.post(URL, workshop_data(later))
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_a_workshop_of_another_centre_cannot_be_chosen(facilitator, heggedal, sentrum):
    RoundFactory(centre=heggedal)
    other = RoundFactory(centre=sentrum)
    response = facilitator.post(URL, workshop_data(other))
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_the_workshop_rate_limit(facilitator, heggedal, settings):
    settings.STEDSKOMPASSET_WORKSHOP_RATE_LIMITS = [(60, 2)]
    survey_round = RoundFactory(centre=heggedal)
    for _ in range(2):
        assert facilitator.post(URL, workshop_data(survey_round)).status_code == 302
    response = facilitator.post(URL, workshop_data(survey_round))
    assert response.status_code == 400
    assert "Du har sendt mange svar på kort tid." in response.content.decode()
    assert SurveyResponse.objects.count() == 2


def test_an_unknown_centre_is_not_found(facilitator):
    assert facilitator.get("/stedskompasset/ukjent/verksted/").status_code == 404
