"""One rule for which projects the public pages show, and every page, count, tree, list, filter
and map layer following it.

A probe project at Heggedal is put in each state (public, confidential, archived, confidential
and archived) next to a public project that is always there; each walk visits everything that
lists or counts projects, signed out and as a planner. Planners see confidential projects;
archived ones leave the public pages for everyone (they stay in the workspace).
"""

import json

import pytest

from places.figures import DwellingCount
from django.utils import timezone

from asker import roles
from places.models import DevelopmentProject
from tests.factories import DeveloperFactory, PlanFactory, ProjectFactory, login_as

pytestmark = pytest.mark.django_db

V = DevelopmentProject.Visibility
STATES = {
    "public": (V.PUBLIC, False),
    "confidential": (V.CONFIDENTIAL, False),
    "archived": (V.PUBLIC, True),
    "confidential+archived": (V.CONFIDENTIAL, True),
}
PROBE = "Prøveprosjekt"
HIDDEN_DEVELOPER = "Skjult Utbygger AS"
BBOX = "10.2,59.5,10.8,59.95"


def shown(state, role):
    visibility, archived = STATES[state]
    if archived:
        return False
    return visibility == V.PUBLIC or role == roles.PLANNER


def find_centre(tree, slug):
    for centre in tree:
        if centre.slug == slug:
            return centre
        found = find_centre(centre.child_list, slug)
        if found:
            return found
    return None


@pytest.fixture
def probe_world(asker, sentrum, heggedal):
    plan = PlanFactory(municipality=asker, plan_id="3203201901", name="Heggedal sentrum", centre=heggedal)
    known = ProjectFactory(
        municipality=asker, centre=heggedal, name="Kjent prosjekt", slug="kjent-prosjekt", flats=10,
        status=DevelopmentProject.Status.PLANNING, plan_id=plan.plan_id,
        developers=[DeveloperFactory(name="Åpen Utbygger AS", slug="apen-utbygger")],
    )
    return {"plan": plan, "known": known, "heggedal": heggedal}


def make_probe(world, state):
    visibility, archived = STATES[state]
    return ProjectFactory(
        municipality=world["heggedal"].municipality, centre=world["heggedal"], name=PROBE,
        slug="proveprosjekt", flats=7, status=DevelopmentProject.Status.APPROVED,
        plan_id=world["plan"].plan_id, visibility=visibility,
        published_at=timezone.now() if visibility == V.PUBLIC else None,
        archived_at=timezone.now() if archived else None,
        developers=[DeveloperFactory(name=HIDDEN_DEVELOPER, slug="skjult-utbygger")],
    )


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response


@pytest.mark.parametrize("role", [None, roles.PLANNER])
@pytest.mark.parametrize("state", list(STATES))
def test_every_count_tree_list_and_layer_follows_the_one_rule(client, probe_world, state, role):
    make_probe(probe_world, state)
    login_as(client, role)
    visible = shown(state, role)
    count, dwellings = 1 + visible, 10 + 7 * visible
    names = {"Kjent prosjekt", PROBE} if visible else {"Kjent prosjekt"}

    # Home: the summary, the centre tree and the project list.
    for url in ("/", "/en/"):
        response = get(client, url)
        assert response.context["summary"] == {"dwellings": DwellingCount(count, dwellings, 0)}
        assert find_centre(response.context["tree"], "heggedal").own == DwellingCount(count, dwellings, 0)
        assert {p.name for p in response.context["projects"]} == names
        assert (PROBE in response.content.decode()) == visible

    # The centre tree page, as numbers and as text.
    response = get(client, "/steder/")
    assert find_centre(response.context["tree"], "heggedal").own == DwellingCount(count, dwellings, 0)
    assert f"· {count} prosjekt" in response.content.decode()

    # The centre page: counts, dwellings, groups by status.
    response = get(client, "/steder/heggedal/")
    assert response.context["own"] == DwellingCount(count, dwellings, 0)
    groups = {g["status"]: (len(g["projects"]), g["dwellings"].known) for g in response.context["groups"]}
    expected_groups = {"planning": (1, 10)}
    if visible:
        expected_groups["approved"] = (1, 7)
    assert groups == expected_groups
    assert (PROBE in response.content.decode()) == visible

    # The project list, its count and its developer filter.
    response = get(client, "/prosjekter/")
    assert response.context["page"].paginator.count == count
    assert {p.name for p in response.context["page"].object_list} == names
    developers = {d.slug for d in response.context["filter"].form.fields["developer"].queryset}
    assert developers == ({"apen-utbygger", "skjult-utbygger"} if visible else {"apen-utbygger"})
    html = response.content.decode()
    assert (HIDDEN_DEVELOPER in html) == visible and (PROBE in html) == visible
    # A developer known only from hidden projects is not a choice: the filter says so (400).
    response = get(client, "/prosjekter/?developer=skjult-utbygger", 200 if visible else 400)
    if visible:
        assert [p.name for p in response.context["page"].object_list] == [PROBE]
    assert (HIDDEN_DEVELOPER in response.content.decode()) == visible
    response = get(client, "/prosjekter/?min_dwellings=5&status=approved", 200)
    assert response.context["page"].paginator.count == (1 if visible else 0)

    # The project's own page.
    response = get(client, "/prosjekter/proveprosjekt/", 200 if visible else 404)
    assert (PROBE in response.content.decode()) == visible

    # The plan page's projects.
    response = get(client, "/planer/3203201901/")
    assert {p.name for p in response.context["projects"]} == names

    # The map layer, as points (low zoom) and areas (high zoom), for all and for one centre.
    for zoom in (8, 15):
        for extra in ("", "&centre=heggedal"):
            response = get(client, f"/kart/prosjekter.geojson?bbox={BBOX}&zoom={zoom}{extra}")
            features = json.loads(response.content)["features"]
            assert {f["properties"]["name"] for f in features} == names, (zoom, extra)
            assert sum(f["properties"]["dwellings"] for f in features) == dwellings
