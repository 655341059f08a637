"""One phase formset (places.forms.PhaseInlineFormSet) checks the phase totals for the admin's
inline and the workspace alike: the phases as they will be saved against the project's new
dwellings."""

import pytest
from django.utils import translation

from asker import roles
from places.forms import PhaseInlineFormSet
from places.models import ProjectPhase
from tests.factories import user_with_role
from tests.places.test_bounds import admin_data
from tests.workspace.helpers import edit_data

pytestmark = pytest.mark.django_db


def post(client, where, project, **changes):
    if where == "admin":
        client.force_login(user_with_role("superuser"))
        phases = list(project.phases.order_by("number"))
        data = admin_data(project, [("phases", phases)], **changes)
        return client.post(f"/admin/places/developmentproject/{project.pk}/change/", data)
    client.force_login(user_with_role(roles.PLANNER))
    return client.post(f"/planlegger/prosjekter/{project.slug}/", edit_data(project, **changes))


SAVED = {"admin": 302, "workspace": 302}
REFUSED = {"admin": 200, "workspace": 400}


@pytest.mark.parametrize("where", ["admin", "workspace"])
@pytest.mark.parametrize("changes, ok, dwellings", [
    ({"flats": 150, "phases-1-dwellings": 75}, True, [75, 75]),        # both change together
    ({"flats": 75, "phases-1-DELETE": "on"}, True, [75]),               # a deleted phase no longer counts
    ({"flats": 150}, False, [75, 64]),                                  # old phases, new total
    ({"phases-1-dwellings": 65}, False, [75, 64]),                      # new phases, old total
    ({"flats": 139, "phases-1-DELETE": "on"}, False, [75, 64]),         # the deleted phase was needed
])
def test_admin_and_workspace_share_the_phase_total_rule(client, world, where, changes, ok, dwellings):
    project = world["torg"]
    response = post(client, where, project, **changes)
    assert response.status_code == (SAVED if ok else REFUSED)[where]
    assert sorted(project.phases.values_list("dwellings", flat=True), reverse=True) == dwellings
    if not ok:
        with translation.override("nb"):
            assert "Byggetrinnene har til sammen" in response.content.decode()


def test_a_new_phase_added_in_the_admin_counts(client, world):
    project = world["hage"]  # 40 flats and 20 terraced houses in one phase of 60
    client.force_login(user_with_role("superuser"))
    data = admin_data(project, [("phases", list(project.phases.all()))], flats=50, **{
        "phases-TOTAL_FORMS": 2, "phases-1-number": 2, "phases-1-dwellings": 10, "phases-1-name": "",
        "phases-1-project": project.pk, "phases-1-start_year": "", "phases-1-finish_year": ""})
    response = client.post(f"/admin/places/developmentproject/{project.pk}/change/", data)
    assert response.status_code == 302, (response.context["adminform"].form.errors,
                                         response.context["inline_admin_formsets"][0].formset.errors,
                                         response.context["inline_admin_formsets"][0].formset.non_form_errors())
    assert sorted(ProjectPhase.objects.filter(project=project).values_list("dwellings", flat=True)) == [10, 60]


def test_both_use_the_one_formset():
    from places.admin import PhaseInline
    from workspace.forms import PhaseFormSet

    assert issubclass(PhaseFormSet, PhaseInlineFormSet) and PhaseInline.formset is PhaseInlineFormSet
