import pytest

from tests.factories import DeveloperFactory, PhaseFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def names(response):
    return sorted(p.name for p in response.context["page"].object_list)


def test_lists_public_projects(client, world):
    response = client.get("/prosjekter/")
    assert response.status_code == 200
    assert names(response) == ["Heggedal hage", "Heggedal torg"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("centre=heggedal", ["Heggedal hage", "Heggedal torg"]),
        ("centre=asker-sentrum", []),
        ("status=planning", ["Heggedal hage"]),
        ("status=under_construction", ["Heggedal torg"]),
        ("developer=jm-norge", ["Heggedal hage"]),  # JM's confidential project stays hidden
        ("developer=tandberg-eiendom", ["Heggedal torg"]),
        ("year_from=2025", ["Heggedal hage"]),  # torg finishes 2024
        ("year_to=2020", ["Heggedal torg"]),  # hage starts 2028
        ("year_from=2020&year_to=2022", ["Heggedal torg"]),
        ("year_from=2024&year_to=2028", ["Heggedal hage", "Heggedal torg"]),
        ("min_dwellings=100", ["Heggedal torg"]),
        ("min_dwellings=0", ["Heggedal hage", "Heggedal torg"]),
        ("min_dwellings=200", []),
        ("status=planning&developer=tandberg-eiendom", []),
    ],
)
def test_each_filter(client, world, query, expected):
    response = client.get(f"/prosjekter/?{query}")
    assert response.status_code == 200
    assert names(response) == expected


@pytest.mark.parametrize(
    "query, field",
    [
        ("status=finished", "status"),
        ("centre=atlantis", "centre"),
        ("developer=nobody", "developer"),
        ("year_from=abc", "year_from"),
        ("year_from=2020.5", "year_from"),
        ("year_to=1066", "year_to"),
        ("year_from=2030&year_to=2020", "year_to"),
        ("min_dwellings=-5", "min_dwellings"),
        ("min_dwellings=99999999999999999999", "min_dwellings"),
    ],
)
def test_bad_filter_values_give_a_message_not_a_500(client, world, query, field):
    response = client.get(f"/prosjekter/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'href="#id_{field}"' in html  # the summary links to the field
    assert 'aria-invalid="true"' in html


def test_paging_keeps_the_filters(client, world):
    developer = DeveloperFactory(name="Stor utbygger", slug="stor")
    for i in range(30):
        project = ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality,
                                 developers=[developer], flats=5)
        PhaseFactory(project=project, number=1, dwellings=5)
    first = client.get("/prosjekter/?developer=stor")
    assert len(first.context["page"].object_list) == 25
    assert "developer=stor&amp;side=2" in first.content.decode()
    second = client.get("/prosjekter/?developer=stor&side=2")
    assert len(second.context["page"].object_list) == 5
    # A page number that is not a number shows the first page instead of an error.
    assert client.get("/prosjekter/?side=x").status_code == 200


@pytest.mark.parametrize("count", [5, 200])
def test_list_query_count_does_not_grow_with_projects(client, world, count, django_assert_max_num_queries):
    developer = DeveloperFactory()
    for _ in range(count):
        project = ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality,
                                 developers=[developer], flats=10)
        PhaseFactory(project=project, number=1, dwellings=10)
    with django_assert_max_num_queries(7):
        response = client.get("/prosjekter/?min_dwellings=1&year_from=2000")
    assert response.status_code == 200
    assert response.context["page"].paginator.count >= count
