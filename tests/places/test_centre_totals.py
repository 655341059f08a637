"""A centre shows its own figures and those including the centres beneath it: a lokalsenter with
its nærsentre (Holmen with Billingstad), the kommunesenter with everything under it; on the centre
page and in the centre tree, counting only what the visitor may see."""

import pytest

from asker import roles
from places.figures import DwellingCount
from places.models import Centre
from tests.factories import CentreFactory, ProjectFactory, login_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def holmen(world):
    """Holmen (lokalsenter) with one project of unknown size; Billingstad (nærsenter) under it
    with two projects, 412 and 573 dwellings."""
    asker = world["heggedal"].municipality
    holmen = CentreFactory(municipality=asker, name="Holmen", slug="holmen", parent=world["sentrum"])
    billingstad = CentreFactory(municipality=asker, name="Billingstad", slug="billingstad", parent=holmen,
                                level=Centre.Level.NAERSENTER)
    ProjectFactory(municipality=asker, centre=holmen, name="Holmen sentrum", flats=None, terraced=None, detached=None)
    ProjectFactory(municipality=asker, centre=billingstad, name="Elvegården", flats=412)
    ProjectFactory(municipality=asker, centre=billingstad, name="Billingstad Torg", flats=573)
    return holmen


def find(tree, slug):
    for centre in tree:
        if centre.slug == slug:
            return centre
        if found := find(centre.child_list, slug):
            return found
    return None


def test_the_centre_page_of_a_lokalsenter_counts_its_naersentre(client, holmen):
    response = client.get("/steder/holmen/")
    assert response.status_code == 200
    assert response.context["own"] == DwellingCount(1, 0, 1)
    assert response.context["with_children"] == DwellingCount(3, 985, 1)
    html = response.content.decode()
    assert "<dd>ukjent</dd>" in html
    assert "Boliger medregnet sentrene som hører til her</dt><dd>985 (ukjent for 1 prosjekt)</dd>" in html
    english = client.get("/en/steder/holmen/").content.decode()
    assert "Dwellings including the centres that belong here</dt><dd>985 (unknown for 1 project)</dd>" in english


def test_the_kommunesenter_counts_everything_beneath_it(client, holmen, world):
    response = client.get(f"/steder/{world['sentrum'].slug}/")
    assert response.status_code == 200
    # Heggedal's two public projects (139 + 60) and Holmen's three; not the confidential one.
    assert response.context["own"] == DwellingCount()
    assert response.context["with_children"] == DwellingCount(5, 139 + 60 + 985, 1)
    assert "1\xa0184 (ukjent for 1 prosjekt)" in response.content.decode()


def test_a_planner_sees_the_confidential_project_in_the_totals(client, holmen, world):
    login_as(client, roles.PLANNER)
    response = client.get(f"/steder/{world['sentrum'].slug}/")
    assert response.context["with_children"] == DwellingCount(6, 139 + 60 + 550 + 985, 1)


def test_the_tree_shows_both_figures(client, holmen, world):
    response = client.get("/en/steder/")
    assert response.status_code == 200
    tree = response.context["tree"]
    assert find(tree, "holmen").own == DwellingCount(1, 0, 1)
    assert find(tree, "holmen").with_children == DwellingCount(3, 985, 1)
    assert find(tree, "billingstad").with_children == DwellingCount(2, 985, 0)
    assert find(tree, world["sentrum"].slug).with_children == DwellingCount(5, 1184, 1)
    html = response.content.decode()
    assert "1 project, unknown number of dwellings · with the centres that belong here: 3 projects, " \
           "985 dwellings (unknown for 1 project)" in html
    assert "2 projects, 985 dwellings</span>" in html  # Billingstad has no centres beneath it


def test_the_tree_costs_the_same_queries_with_more_centres(client, holmen, django_assert_max_num_queries):
    for n in range(20):
        CentreFactory(municipality=holmen.municipality, name=f"Nærsenter {n}", slug=f"n-{n}", parent=holmen,
                      level=Centre.Level.NAERSENTER)
    with django_assert_max_num_queries(6):
        response = client.get("/steder/")
    assert response.status_code == 200
    with django_assert_max_num_queries(14):
        response = client.get("/steder/holmen/")
    assert response.status_code == 200
