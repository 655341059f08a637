"""A comment's place is checked even when the consultation's subject has no area: then it must
lie in the municipality (with the tolerance of settings.PLACES_BOUNDARY_TOLERANCE_M)."""

import pytest
from django.conf import settings

from participation.models import Comment
from tests.factories import ConsultationFactory

pytestmark = pytest.mark.django_db
OUTSIDE = "utenfor området"


@pytest.fixture
def without_area(world):
    plan = world["plan"]
    plan.boundary = None
    plan.save()
    return ConsultationFactory(municipality=world["heggedal"].municipality, plan=plan, slug="uten-omrade")


def post(client, lon, lat, text="Her"):
    return client.post("/medvirkning/uten-omrade/kommenter/", {"text": text, "lon": lon, "lat": lat})


@pytest.mark.parametrize("lon, lat", [
    ("179.9", "-89.9"),   # the far side of the world
    ("5.32", "60.39"),    # Bergen
    ("10.40", "59.91"),   # 1.1 km north of Asker's boundary (59.90 in the test data)
])
def test_a_place_outside_the_municipality_is_refused(kari, without_area, lon, lat):
    assert without_area.subject_area() is None
    response = post(kari, lon, lat)
    assert response.status_code == 400
    assert OUTSIDE in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("lon, lat", [
    ("10.30", "59.60"),    # inside Asker, far from any plan
    ("10.40", "59.903"),   # 330 m outside the boundary: within the tolerance
])
def test_a_place_in_the_municipality_is_kept(kari, without_area, lon, lat):
    assert settings.PLACES_BOUNDARY_TOLERANCE_M == 500
    response = post(kari, lon, lat)
    assert response.status_code == 302
    assert Comment.objects.get().location.coords == pytest.approx((float(lon), float(lat)))


@pytest.mark.parametrize("lon, lat", [("180.1", "59.8"), ("10.4", "90.5"), ("-181", "-91"), ("inf", "59.8")])
def test_coordinates_off_the_globe_are_refused(kari, without_area, lon, lat):
    response = post(kari, lon, lat)
    assert response.status_code == 400
    assert not Comment.objects.exists()
