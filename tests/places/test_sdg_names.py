"""The UN sustainable development goals are shown with their names, in bokmål (FN-sambandet's
names) and in English (the UN's), on the public project page and in the workspace's form."""

import pytest

from places.models import DevelopmentProject
from tests.factories import user_with_role
from asker import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def torg(world):
    DevelopmentProject.objects.filter(pk=world["torg"].pk).update(sdg_goals=[11, 13])
    return world["torg"]


@pytest.mark.parametrize("lang, names, not_there", [
    ("", ["11 Bærekraftige byer og lokalsamfunn", "13 Stoppe klimaendringene"], "Climate action"),
    ("/en", ["11 Sustainable cities and communities", "13 Climate action"], "Stoppe klimaendringene"),
])
def test_public_project_page(client, torg, lang, names, not_there):
    response = client.get(f"{lang}/prosjekter/{torg.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert ", ".join(names) in html
    assert not_there not in html


@pytest.mark.parametrize("lang, eleven, one", [
    ("", "11 Bærekraftige byer og lokalsamfunn", "1 Utrydde fattigdom"),
    ("/en", "11 Sustainable cities and communities", "1 No poverty"),
])
def test_workspace_form_checkboxes_have_names(client, torg, lang, eleven, one):
    client.force_login(user_with_role(roles.PLANNER))
    html = client.get(f"{lang}/planlegger/prosjekter/{torg.slug}/").content.decode()
    assert f'<label for="id_sdg_goals_10">{eleven}</label>' in html
    assert f'<label for="id_sdg_goals_0">{one}</label>' in html
    assert 'name="sdg_goals" value="11" id="id_sdg_goals_10" checked' in html
