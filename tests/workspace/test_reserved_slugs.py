"""No project or centre can take an address word the workspace itself uses: a project named
"Ny" once got the slug `ny`, and /planlegger/prosjekter/ny/ opened the new-project form
instead of it."""

import re

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from places import bounds
from places.models import Centre, DevelopmentProject
from tests.factories import user_with_role
from tests.places.test_bounds import admin_data
from tests.workspace.helpers import edit_data, project_data
from tests.workspace.test_plan_and_centre_forms import centre_data
from workspace import urls

pytestmark = pytest.mark.django_db
RESERVED = "er et ord som brukes i portalens adresser"


def words_beside_slugs():
    """The literal path segments of workspace/urls.py that stand where a sibling route has a slug."""
    routes = [str(pattern.pattern).strip("/").split("/") for pattern in urls.urlpatterns]
    words = set()
    for route in routes:
        for i, segment in enumerate(route):
            if segment.startswith("<slug:"):
                words |= {other[i] for other in routes if len(other) > i and other[:i] == route[:i]
                          and not re.match(r"<", other[i])}
    return words


def test_the_reserved_words_are_those_of_the_workspace_addresses():
    assert words_beside_slugs() == {"ny"}
    assert words_beside_slugs() <= set(bounds.RESERVED_SLUGS)


@pytest.mark.parametrize("kind", ["project", "centre"])
def test_a_project_or_centre_named_ny_opens_as_itself(planner_client, world, kind):
    if kind == "project":
        response = planner_client.post("/planlegger/prosjekter/ny/", project_data(world["heggedal"], name="Ny"))
        obj = DevelopmentProject.objects.get(name="Ny")
        context_key = "project"
    else:
        response = planner_client.post("/planlegger/sentre/ny/", centre_data(world, name="Ny"))
        obj = Centre.objects.get(name="Ny")
        context_key = "obj"
    assert response.status_code == 302
    assert obj.slug == "ny-2"
    page = planner_client.get(response["Location"])
    assert page.status_code == 200 and page.context[context_key].pk == obj.pk


@pytest.mark.parametrize("kind", ["project", "centre"])
def test_the_reserved_word_typed_as_address_name_is_refused(planner_client, world, kind):
    if kind == "project":
        response = planner_client.post("/planlegger/prosjekter/heggedal-torg/", edit_data(world["torg"], slug="ny"))
    else:
        response = planner_client.post(f"/planlegger/sentre/{world['heggedal'].slug}/", centre_data(
            world, name="Heggedal", slug="ny", level="lokalsenter", parent=world["sentrum"].pk))
    assert response.status_code == 400
    assert RESERVED in response.content.decode()
    assert not DevelopmentProject.objects.filter(slug="ny").exists() and not Centre.objects.filter(slug="ny").exists()


@pytest.mark.parametrize("model", ["developmentproject", "centre"])
def test_the_admin_refuses_it_too(client, world, model):
    client.force_login(user_with_role("superuser"))
    obj = world["torg"] if model == "developmentproject" else world["heggedal"]
    inlines = [("phases", list(obj.phases.all()))] if model == "developmentproject" else []
    response = client.post(f"/admin/places/{model}/{obj.pk}/change/", admin_data(obj, inlines, slug="ny"))
    assert response.status_code == 200
    with translation.override("nb"):
        assert RESERVED in response.content.decode()
    obj.refresh_from_db()
    assert obj.slug != "ny"


@pytest.mark.parametrize("model", [DevelopmentProject, Centre])
def test_the_database_refuses_it(world, model):
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=model.objects.first().pk).update(slug="ny")
