"""Every Stedskompasset page in bokmål and in English, per role: nothing in the other language
(tests/language.py), the themes in the page's language, and the note that the Norwegian wording
is our own translation."""

import pytest
from django.utils import translation

from asker import roles
from tests.factories import user_with_role
from tests.language import wrong_language
from tests.stedskompasset.factories import closed_round, respond


@pytest.fixture
def scene(open_round, heggedal):
    closed = closed_round(centre=heggedal, title="Stedskompasset Heggedal våren", is_demo=True)
    for _ in range(5):
        respond(closed, 3)
    respond(closed, 5, participants=7)
    closed.responses.first().scores.filter(theme=1).update(good_now="Fine stier", could_be_better="Mørke gater")
    return {"closed": closed, "open": open_round}


def paths(scene):
    return ["/stedskompasset/", "/stedskompasset/heggedal/", "/stedskompasset/heggedal/resultater/",
            f"/stedskompasset/heggedal/resultater/?runde={scene['closed'].pk}",
            f"/stedskompasset/heggedal/resultater/?runde={scene['open'].pk}"]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("role", [None, roles.RESIDENT, roles.PLANNER, roles.ADMINISTRATOR],
                         ids=lambda r: r or "anonymous")
def test_every_page_speaks_one_language(client, scene, lang, role):
    user = user_with_role(role)
    if user:
        client.force_login(user)
    prefix = "/en" if lang == "en" else ""
    extra = ["/stedskompasset/heggedal/verksted/"] if role in (roles.PLANNER, roles.ADMINISTRATOR) else []
    problems = []
    for path in paths(scene) + extra:
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        problems += [f"{path}: {p}" for p in wrong_language(response.content.decode())]
    assert not problems, "\n".join(problems)


def test_the_themes_in_each_language(client, scene):
    query = f"?runde={scene['closed'].pk}"
    with translation.override("nb"):
        nb = client.get("/stedskompasset/heggedal/resultater/" + query).content.decode()
    en = client.get("/en/stedskompasset/heggedal/resultater/" + query).content.decode()
    assert "Kollektivtransport" in nb and "Public transport" not in nb
    assert "Public transport" in en and "Kollektivtransport" not in en
    assert "vår egen oversettelse av spørsmålene i Place Standard" in nb
    assert "our own translation of the Place Standard questions" in en
    form = client.get("/en/stedskompasset/heggedal/").content.decode()
    assert "Sign in to answer" in form


def test_the_survey_form_in_english(client, scene, resident):
    client.force_login(resident)
    page = client.get("/en/stedskompasset/heggedal/").content.decode()
    assert "Can I easily walk and cycle around using good-quality routes?" in page
    assert "1 – much room for improvement" in page and "7 – very little room for improvement" in page
    page = client.get("/stedskompasset/heggedal/").content.decode()
    assert "Kan jeg enkelt gå og sykle rundt på gode ruter?" in page
    assert "1 – mye kan bli bedre" in page and "7 – svært lite kan bli bedre" in page
