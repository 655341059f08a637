"""A resident's answers are theirs: exported with their scores and comments; when the account is
deleted the scores stay as anonymous numbers and the comments go."""

from stedskompasset import services
from stedskompasset.models import SurveyResponse, ThemeScore
from stedskompasset.mydata import export_user_data
from stedskompasset.themes import THEMES
from tests.stedskompasset.factories import respond


def _answer(survey_round, user):
    scores = {t.number: (t.number % 7 + 1, "Fin sti" if t.number == 1 else "", "") for t in THEMES}
    return services.answer(survey_round, user, scores)


def test_the_export_holds_my_answers_and_no_one_elses(open_round, resident, planner):
    _answer(open_round, resident)
    respond(open_round, 3)
    respond(open_round, 4, participants=6)
    exported = export_user_data(resident)
    assert len(exported) == 1
    assert exported[0]["round"]["title"] == open_round.title and exported[0]["round"]["centre_slug"] == "heggedal"
    assert [s["score"] for s in exported[0]["scores"]] == [n % 7 + 1 for n in range(1, 15)]
    assert exported[0]["scores"][0]["good_now"] == "Fin sti"
    assert export_user_data(planner) == []


def test_a_deleted_account_leaves_anonymous_scores_without_comments(open_round, resident):
    _answer(open_round, resident)
    resident.delete()
    response = SurveyResponse.objects.get()
    assert response.respondent is None and response.scores.count() == 14
    assert not ThemeScore.objects.exclude(good_now="").exists()


def test_the_portals_export_carries_the_answers(open_round, resident):
    """participation's "my data" export holds every app's part (asker.personaldata)."""
    from participation.data import export_user_data as portal_export

    _answer(open_round, resident)
    exported = portal_export(resident)
    assert exported["stedskompasset"] == export_user_data(resident) and len(exported["stedskompasset"]) == 1
    assert "comments" in exported and "account" in exported
