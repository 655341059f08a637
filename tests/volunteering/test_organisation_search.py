"""/frivillighet/: search by name, filters by category and centre (bad values: 400 with the
error summary and no list), paging keeps the filters, inactive organisations only for
administrators, bounded queries, both languages."""

import pytest
from django.urls import reverse
from django.utils import translation

from asker import roles
from tests.factories import user_with_role
from tests.language import wrong_language
from volunteering.models import Category, Organisation

from .conftest import numbers

pytestmark = pytest.mark.django_db
LIST = "/frivillighet/"
NAMES = ["Heggedal Hjelpekorps", "Asker Turlag", "Sovende Lag"]


@pytest.fixture
def several(org):
    Organisation.objects.create(number=numbers(1, start=97000000)[0], name="Sovende Lag", active=False)
    return org


def names(response):
    body = response.content.decode()
    return {name for name in NAMES if name in body}


@pytest.mark.parametrize("query, expected", [
    ("", {"Heggedal Hjelpekorps", "Asker Turlag"}),
    ("?q=", {"Heggedal Hjelpekorps", "Asker Turlag"}),
    ("?q=turlag", {"Asker Turlag"}),
    ("?q=HJELPE", {"Heggedal Hjelpekorps"}),
    ("?q=finnes+ikke", set()),
    ("?q=sovende", set()),
    ("?centre=heggedal", {"Heggedal Hjelpekorps"}),
    ("?centre=asker-sentrum", {"Asker Turlag"}),
    ("?category=4+100", {"Heggedal Hjelpekorps"}),
    ("?category=5+100&q=asker", {"Asker Turlag"}),
    ("?category=5+100&centre=heggedal", set()),
    ("?q=&category=&centre=", {"Heggedal Hjelpekorps", "Asker Turlag"}),
])
def test_search_and_filters(client, several, query, expected):
    response = client.get(LIST + query)
    assert response.status_code == 200
    assert names(response) == expected


@pytest.mark.parametrize("query, field", [
    ("?category=999", "category"), ("?category=" + "9" * 30, "category"),
    ("?centre=atlantis", "centre"), ("?q=" + "x" * 101, "q"),
])
def test_bad_values_are_refused_with_a_summary(client, several, query, field):
    before = list(Organisation.objects.values_list("pk", "name", "active", "updated_at"))
    response = client.get(LIST + query)
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body and "Sjekk filtrene" in body and f'href="#id_{field}"' in body
    assert names(response) == set()
    assert list(Organisation.objects.values_list("pk", "name", "active", "updated_at")) == before


def test_nul_byte_is_refused(client, several):
    assert client.get(LIST + "?q=a%00b").status_code == 400


def test_administrators_still_see_inactive_organisations(client, several):
    client.force_login(user_with_role(roles.ADMINISTRATOR))
    assert names(client.get(LIST + "?q=lag")) == {"Asker Turlag", "Sovende Lag"}


def test_paging_keeps_the_filters(client, centres):
    for i, number in enumerate(numbers(60, start=94000000)):
        Organisation.objects.create(number=number, name=f"Lag {i:03d}", centre=centres["heggedal"])
    body = client.get(LIST + "?q=lag&centre=heggedal").content.decode()
    assert "q=lag" in body and "centre=heggedal" in body and "side=2" in body
    second = client.get(LIST + "?q=lag&centre=heggedal&side=2")
    assert second.status_code == 200 and "Lag 059" in second.content.decode()


def test_map_points_of_the_page(client, several, centres):
    Organisation.objects.filter(name="Asker Turlag").update(location="SRID=4326;POINT(10.43 59.83)")
    body = client.get(LIST).content.decode()
    assert 'id="organisation-points"' in body and "Asker Turlag" in body
    assert 'id="organisation-map"' in body


@pytest.mark.parametrize("count", [5, 200])
def test_filtered_queries_are_bounded(client, centres, django_assert_max_num_queries, count):
    categories = list(Category.objects.order_by("code")[:3])
    for i, number in enumerate(numbers(count, start=93000000)):
        organisation = Organisation.objects.create(number=number, name=f"Lag {i:04d}", centre=centres["heggedal"],
                                                   location="SRID=4326;POINT(10.45 59.78)")
        organisation.categories.set(categories)
    with django_assert_max_num_queries(8):
        response = client.get(LIST + f"?q=lag&centre=heggedal&category={categories[0].code}")
    assert response.status_code == 200
    assert response.content.decode().count('href="/frivillighet/organisasjoner/') == min(count, 50)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_both_languages(client, several, language):
    with translation.override(language):
        base = reverse("volunteering:organisations")
    for query, status in [("?q=turlag&centre=asker-sentrum", 200), ("?centre=atlantis", 400)]:
        response = client.get(base + query)
        assert response.status_code == status
        assert wrong_language(response.content.decode()) == []
