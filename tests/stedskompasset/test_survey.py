"""A signed-in resident answers the 14 themes once per open round; anything else is refused with
a message and saves nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from stedskompasset.models import SurveyResponse, ThemeScore
from tests.stedskompasset.factories import RoundFactory, answer_data, closed_round, respond

URL = "/stedskompasset/heggedal/svar/"


def test_a_resident_answers_every_theme(kari, open_round, resident):
    data = answer_data(open_round, scores=[1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7],
                       good_1="Fine stier langs elva", better_2="Flere bussavganger")
    response = kari.post(URL, data)
    assert response.status_code == 302 and response["Location"] == "/stedskompasset/heggedal/"
    saved = SurveyResponse.objects.get()
    assert saved.respondent == resident and saved.round == open_round and saved.kind == "survey"
    scores = list(saved.scores.order_by("theme").values_list("theme", "score"))
    assert scores == list(zip(range(1, 15), [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7]))
    assert saved.scores.get(theme=1).good_now == "Fine stier langs elva"
    assert saved.scores.get(theme=2).could_be_better == "Flere bussavganger"
    page = kari.get("/stedskompasset/heggedal/").content.decode()
    assert "Takk! Svaret ditt er lagret." in page
    assert "Du har allerede svart i denne runden." in page
    assert 'name="score_1"' not in page


def _refused(client, data, *texts):
    response = client.post(URL, data)
    assert response.status_code == 400
    page = response.content.decode()
    for text in texts:
        assert text in page, text
    assert not SurveyResponse.objects.exists() and not ThemeScore.objects.exists()
    return page


@pytest.mark.parametrize("bad", ["0", "8", "fire", "", "4.0", "-1", "99999999999999999999"])
def test_a_bad_score_is_refused_with_an_error_summary(kari, open_round, bad):
    page = _refused(kari, answer_data(open_round, score_3=bad), "Det er et problem",
                    'href="#id_score_3"', "Velg et tall fra 1 til 7.")
    assert 'aria-invalid="true"' in page


def test_missing_themes_are_each_named(kari, open_round):
    data = answer_data(open_round)
    for n in (5, 14):
        del data[f"score_{n}"]
    page = _refused(kari, data, 'href="#id_score_5"', 'href="#id_score_14"')
    assert page.count('class="field-error"') == 2


def test_a_comment_that_is_too_long_is_refused(kari, open_round):
    _refused(kari, answer_data(open_round, better_1="x" * 1001), 'href="#id_better_1"')


@pytest.mark.parametrize("field, value", [("score_3", "4\x00"), ("good_1", "Bra\x00"), ("runde", "1\x00"),
                                          ("score_1\x00", "4")])
def test_nul_bytes_are_refused_before_anything_is_read(kari, open_round, field, value):
    # asker/middleware.py answers every form with a control character with its 400 page.
    _refused(kari, answer_data(open_round, **{field: value}), "Forespørselen kunne ikke leses")


def test_a_second_answer_in_one_round_is_refused(kari, open_round):
    assert kari.post(URL, answer_data(open_round, 4)).status_code == 302
    response = kari.post(URL, answer_data(open_round, 7))
    assert response.status_code == 400
    assert "Du har allerede svart i denne runden." in response.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert set(ThemeScore.objects.values_list("score", flat=True)) == {4}


def test_the_same_resident_answers_again_in_a_new_round(kari, heggedal, resident):
    respond(closed_round(centre=heggedal), 3, user=resident)
    new = RoundFactory(centre=heggedal)
    assert kari.post(URL, answer_data(new)).status_code == 302
    assert SurveyResponse.objects.filter(round=new).count() == 1


def test_answering_a_closed_round_is_refused(kari, heggedal):
    closed = closed_round(centre=heggedal)
    _refused(kari, answer_data(closed), "Denne runden er avsluttet og tar ikke imot flere svar.",
             "Ingenting ble lagret.")


def test_answering_a_round_that_has_not_opened_is_refused(kari, heggedal):
    now = timezone.now()
    later = RoundFactory(centre=heggedal, opens_at=now + timedelta(days=2), closes_at=now + timedelta(days=9))
    _refused(kari, answer_data(later), "Denne runden har ikke åpnet ennå.")


@pytest.mark.parametrize("runde", ["", "abc", "0", "99999", "٣", "1" * 30])
def test_an_unknown_round_is_refused(kari, open_round, runde):
    _refused(kari, answer_data(open_round, runde=runde), "Denne runden finnes ikke ved dette senteret.")


def test_a_round_of_another_centre_is_refused(kari, open_round, sentrum):
    other = RoundFactory(centre=sentrum)
    _refused(kari, answer_data(other), "Denne runden finnes ikke ved dette senteret.")


def test_anonymous_visitors_are_sent_to_sign_in(client, open_round):
    response = client.post(URL, answer_data(open_round))
    assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")
    assert not SurveyResponse.objects.exists()


def test_too_many_answers_in_a_short_time_are_refused(kari, heggedal, settings):
    settings.STEDSKOMPASSET_RATE_LIMITS = [(60, 2)]
    rounds = [RoundFactory(centre=heggedal) for _ in range(3)]
    assert kari.post(URL, answer_data(rounds[0])).status_code == 302
    assert kari.post(URL, answer_data(rounds[1])).status_code == 302
    response = kari.post(URL, answer_data(rounds[2]))
    assert response.status_code == 400
    assert "Du har sendt mange svar på kort tid." in response.content.decode()
    assert SurveyResponse.objects.count() == 2


def test_get_is_not_allowed_on_the_answer_address(kari, open_round):
    assert kari.get(URL).status_code == 405
