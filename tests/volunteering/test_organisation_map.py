"""/frivillighet/kart.geojson: active organisations with a location inside the bbox, with the
list's filters, capped at MAP_LIMIT; bad bbox, zoom or filters are a 400 with a message; an
edited organisation shows at the next request (list and map data)."""

import pytest
from django.urls import reverse
from django.utils import translation

from asker import roles
from tests.factories import user_with_role
from volunteering import maps
from volunteering.models import Organisation

from .conftest import numbers

pytestmark = pytest.mark.django_db
MAP = "/frivillighet/kart.geojson"
ASKER = "bbox=10.2,59.6,10.7,59.95&zoom=11"


@pytest.fixture
def placed(org):
    Organisation.objects.filter(name="Heggedal Hjelpekorps").update(location="SRID=4326;POINT(10.45 59.783)",
                                                                   location_approximate=True)
    Organisation.objects.filter(name="Asker Turlag").update(location="SRID=4326;POINT(10.43 59.83)")
    Organisation.objects.create(number=numbers(1, start=97000000)[0], name="Sovende Lag", active=False,
                                location="SRID=4326;POINT(10.44 59.80)")
    Organisation.objects.create(number=numbers(1, start=97100000)[0], name="Bergen Lag",
                                location="SRID=4326;POINT(5.32 60.39)")
    return org


def names(response):
    assert response["Content-Type"] == "application/geo+json"
    return {f["properties"]["name"] for f in response.json()["features"]}


def test_url():
    assert reverse("volunteering:organisation_map") == MAP


def test_points_in_the_bbox(client, placed):
    response = client.get(f"{MAP}?{ASKER}")
    assert response.status_code == 200
    assert names(response) == {"Heggedal Hjelpekorps", "Asker Turlag"}
    feature = next(f for f in response.json()["features"] if f["properties"]["name"] == "Heggedal Hjelpekorps")
    assert feature["geometry"] == {"type": "Point", "coordinates": [10.45, 59.783]}
    assert feature["properties"]["approximate"] is True
    assert feature["properties"]["url"] == "/frivillighet/organisasjoner/974760673/"


def test_no_bbox_means_norway(client, placed):
    assert names(client.get(MAP)) == {"Heggedal Hjelpekorps", "Asker Turlag", "Bergen Lag"}


@pytest.mark.parametrize("query, expected", [
    ("&q=turlag", {"Asker Turlag"}),
    ("&centre=heggedal", {"Heggedal Hjelpekorps"}),
    ("&category=4+100", {"Heggedal Hjelpekorps"}),
    ("&category=5+100&q=hjelpe", set()),
])
def test_filters(client, placed, query, expected):
    assert names(client.get(f"{MAP}?{ASKER}{query}")) == expected


def test_inactive_never_on_the_map(client, placed):
    assert "Sovende Lag" not in names(client.get(f"{MAP}?{ASKER}"))
    client.force_login(user_with_role(roles.ADMINISTRATOR))
    assert "Sovende Lag" not in names(client.get(f"{MAP}?{ASKER}"))


@pytest.mark.parametrize("query", [
    "bbox=1,2,3", "bbox=a,b,c,d", "bbox=10,60,9,59", "bbox=0,0,200,10", "zoom=abc", "zoom=99",
    f"{ASKER}&centre=atlantis", f"{ASKER}&category=999", f"{ASKER}&q={'x' * 101}",
])
def test_bad_requests(client, placed, query):
    response = client.get(f"{MAP}?{query}")
    assert response.status_code == 400
    assert response.json()["error"]


def test_english_messages(client, placed):
    with translation.override("en"):
        url = reverse("volunteering:organisation_map")
    assert url.startswith("/en/")
    assert "bbox" in client.get(f"{url}?bbox=1,2,3").json()["error"]
    assert "Centre" in client.get(f"{url}?{ASKER}&centre=atlantis").json()["error"]


def test_the_map_is_capped(client, centres, monkeypatch):
    monkeypatch.setattr(maps, "MAP_LIMIT", 7)
    for i, number in enumerate(numbers(12, start=92000000)):
        Organisation.objects.create(number=number, name=f"Lag {i:02d}", location="SRID=4326;POINT(10.45 59.78)")
    assert len(client.get(f"{MAP}?{ASKER}").json()["features"]) == 7


@pytest.mark.parametrize("count", [5, 200])
def test_queries_are_bounded(client, centres, django_assert_max_num_queries, count):
    for i, number in enumerate(numbers(count, start=91000000)):
        Organisation.objects.create(number=number, name=f"Lag {i:03d}", centre=centres["heggedal"],
                                    location="SRID=4326;POINT(10.45 59.78)")
    with django_assert_max_num_queries(4):
        response = client.get(f"{MAP}?{ASKER}&centre=heggedal")
    assert response.status_code == 200 and len(response.json()["features"]) == count


def test_an_edit_shows_at_the_next_request(client, placed):
    assert "Asker Turlag" in names(client.get(f"{MAP}?{ASKER}"))
    assert "Asker Turlag" in client.get("/frivillighet/?q=turlag").content.decode()
    turlag = Organisation.objects.get(name="Asker Turlag")
    turlag.name = "Asker Turlag og Venner"
    turlag.save()
    assert "Asker Turlag og Venner" in names(client.get(f"{MAP}?{ASKER}"))
    assert "Asker Turlag og Venner" in client.get("/frivillighet/?q=turlag").content.decode()
    turlag.active = False
    turlag.save()
    assert "Asker Turlag og Venner" not in names(client.get(f"{MAP}?{ASKER}"))
    assert "Asker Turlag og Venner" not in client.get("/frivillighet/?q=turlag").content.decode()


def test_a_new_category_shows_in_the_filtered_list_and_map(client, placed):
    query = "category=7+100"
    assert names(client.get(f"{MAP}?{ASKER}&{query}")) == set()
    assert "Asker Turlag" not in client.get(f"/frivillighet/?{query}").content.decode()
    from volunteering.models import Category

    Organisation.objects.get(name="Asker Turlag").categories.add(Category.objects.get(code="7 100"))
    assert names(client.get(f"{MAP}?{ASKER}&{query}")) == {"Asker Turlag"}
    assert "Asker Turlag" in client.get(f"/frivillighet/?{query}").content.decode()
