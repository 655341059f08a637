import pytest

import re

from tests.factories import DistrictFactory, small_square

pytestmark = pytest.mark.django_db


def test_centre_page_groups_projects_by_status_with_dwelling_totals(client, world):
    DistrictFactory(municipality=world["heggedal"].municipality, name="Heggedal", population=6789,
                    geometry=small_square(10.43, 59.77, 0.05))
    response = client.get("/steder/heggedal/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Heggedal</h1>" in html
    planning, building = html.index("Heggedal hage"), html.index("Heggedal torg")
    assert planning < building  # status groups follow the life of a project
    assert "60 " in html and "139 " in html  # per-group dwelling totals
    assert "Heggedal skole" in html and "450" in html  # facility with capacity
    assert "Heggedal sentrum" in html  # the plan
    assert re.search(r"Heggedal: 6\D{0,8}789", html)  # population of the district the centre lies in
    assert "Hemmelig tomt" not in html
    assert 'data-centre="heggedal"' in html


def test_unknown_centre_gives_a_friendly_404(client, world):
    response = client.get("/steder/finnes-ikke/")
    assert response.status_code == 404
    assert "/steder/" in response.content.decode()  # a way onwards


@pytest.mark.parametrize("count", [5, 200])
def test_centre_page_query_count_does_not_grow_with_projects(client, world, count, django_assert_max_num_queries):
    from tests.factories import DeveloperFactory, PhaseFactory, ProjectFactory

    developer = DeveloperFactory()
    for i in range(count):
        project = ProjectFactory(municipality=world["heggedal"].municipality, centre=world["heggedal"],
                                 developers=[developer], flats=10)
        PhaseFactory(project=project, number=1, dwellings=10)
    with django_assert_max_num_queries(9):
        response = client.get("/steder/heggedal/")
    assert response.status_code == 200
    assert response.content.decode().count("/prosjekter/prosjekt-") >= count
