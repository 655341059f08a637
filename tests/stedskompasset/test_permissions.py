"""Who may do what, role × action: answer a survey, enter a workshop's scores, see the results
(and open a round: tests/stedskompasset/test_new_round.py).
Asked of the rules (has_perm) and of the pages, which must agree."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from asker import roles
from stedskompasset.models import SurveyResponse
from tests.factories import user_with_role
from tests.stedskompasset.factories import answer_data, respond
from tests.stedskompasset.test_workshop import workshop_data

ROLES = [None, roles.RESIDENT, roles.PLANNER, roles.MODERATOR, roles.ADMINISTRATOR]
# role -> (answer, enter workshop scores, see results)
MATRIX = {
    None: (False, False, True),
    roles.RESIDENT: (True, False, True),
    roles.PLANNER: (True, True, True),
    roles.MODERATOR: (True, False, True),
    roles.ADMINISTRATOR: (True, True, True),
}


def _user(role):
    return user_with_role(role) or AnonymousUser()


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
def test_the_rules(role, open_round):
    user = _user(role)
    answer, workshop, results = MATRIX[role]
    assert rules.has_perm("stedskompasset.answer", user, open_round) is answer
    assert rules.has_perm("stedskompasset.enter_workshop", user, open_round) is workshop
    assert rules.has_perm("stedskompasset.enter_workshop", user) is workshop
    assert rules.has_perm("stedskompasset.see_results", user, open_round) is results
    assert rules.has_perm("stedskompasset.see_comments", user, open_round) is workshop
    assert rules.has_perm("stedskompasset.manage_rounds", user) is workshop


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
def test_answering(client, role, open_round):
    user = user_with_role(role)
    if user:
        client.force_login(user)
    page = client.get("/stedskompasset/heggedal/").content.decode()
    assert ('name="score_1"' in page) is MATRIX[role][0]
    response = client.post("/stedskompasset/heggedal/svar/", answer_data(open_round))
    assert response.status_code == 302
    if MATRIX[role][0]:
        assert SurveyResponse.objects.get().respondent == user
    else:
        assert response["Location"].startswith("/konto/logg-inn/")
        assert not SurveyResponse.objects.exists()


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
def test_entering_workshop_scores(client, role, open_round):
    user = user_with_role(role)
    if user:
        client.force_login(user)
    url = "/stedskompasset/heggedal/verksted/"
    get, post = client.get(url), client.post(url, workshop_data(open_round))
    allowed = MATRIX[role][1]
    if allowed:
        assert get.status_code == 200 and post.status_code == 302
        assert SurveyResponse.objects.get().kind == "workshop"
    elif user is None:
        assert get.status_code == post.status_code == 302 and get["Location"].startswith("/konto/logg-inn/")
    else:
        assert get.status_code == post.status_code == 403
    if not allowed:
        assert not SurveyResponse.objects.exists()
    page = client.get("/stedskompasset/heggedal/").content.decode()
    assert ("/stedskompasset/heggedal/verksted/" in page) is allowed


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
def test_seeing_results_and_comments(client, role, open_round):
    user = user_with_role(role)
    if user:
        client.force_login(user)
    for _ in range(5):
        respond(open_round, 4)
    open_round.responses.first().scores.filter(theme=2).update(could_be_better="Bussen går for sjelden")
    response = client.get("/stedskompasset/heggedal/resultater/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="compass"' in page
    # The comments are read by planners and administrators; they are never published.
    assert ("Bussen går for sjelden" in page) is MATRIX[role][1]
