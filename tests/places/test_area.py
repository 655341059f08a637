"""Areas are computed in EUREF89 UTM32 and shown in m² and dekar."""

import pytest
from django.contrib.gis.geos import MultiPolygon, Polygon

from places.geometry import area_m2, m2_to_dekar
from tests.factories import ProjectFactory


def test_known_square_in_utm32_has_its_area_after_a_round_trip_through_wgs84():
    # 250 m × 400 m = 100,000 m² laid out in UTM32 near Asker sentrum, then stored in WGS84.
    square = Polygon.from_bbox((587000, 6632000, 587250, 6632400))
    square.srid = 25832
    stored = MultiPolygon(square, srid=25832).transform(4326, clone=True)
    assert area_m2(stored) == pytest.approx(100_000, rel=1e-6)
    assert m2_to_dekar(area_m2(stored)) == pytest.approx(100, rel=1e-6)


def test_degree_box_area_matches_independent_ellipsoidal_formula():
    # A 0.01° × 0.01° box at 59.83°N. Independent figure: area on the GRS80 ellipsoid,
    # computed from the authalic-latitude formula (Snyder, Map Projections, eq. 3-12):
    # 0.01° of longitude × (q(59.84) - q(59.83)) × a²/2; UTM32 distorts area by < 0.1 % here.
    box = MultiPolygon(Polygon.from_bbox((10.44, 59.83, 10.45, 59.84)), srid=4326)
    assert area_m2(box) == pytest.approx(_grs80_box_area(10.44, 59.83, 10.45, 59.84), rel=2e-3)


def _grs80_box_area(lon1, lat1, lon2, lat2):
    """Area of a lat/lon box on the GRS80 ellipsoid (exact formula, no projection)."""
    import math

    a = 6378137.0
    f = 1 / 298.257222101
    e2 = f * (2 - f)
    e = math.sqrt(e2)

    def q(lat):
        s = math.sin(math.radians(lat))
        return (1 - e2) * (s / (1 - e2 * s * s) - (1 / (2 * e)) * math.log((1 - e * s) / (1 + e * s)))

    return a * a / 2 * math.radians(lon2 - lon1) * (q(lat2) - q(lat1))


@pytest.mark.django_db
def test_project_area_shown_in_m2_and_dekar():
    project = ProjectFactory()
    assert project.area_m2 == pytest.approx(area_m2(project.geometry))
    assert project.area_m2 > 0


# A U-shaped area near Heggedal: its centroid lies in the gap, outside the area.
U_SHAPE = MultiPolygon(Polygon(((10.450, 59.780), (10.456, 59.780), (10.456, 59.786), (10.454, 59.786),
                                (10.454, 59.782), (10.452, 59.782), (10.452, 59.786), (10.450, 59.786),
                                (10.450, 59.780))), srid=4326)


@pytest.mark.django_db
def test_the_map_point_follows_the_area_and_stays_inside_it(heggedal):
    from places.models import DevelopmentProject

    assert not U_SHAPE.contains(U_SHAPE.centroid)
    project = DevelopmentProject(centre=heggedal, municipality=heggedal.municipality)
    project.set_area(U_SHAPE)
    assert U_SHAPE.contains(project.location) and not project.location_approximate
    assert project.location.srid == 4326
    # Without an area the centre's point stands in, marked approximate.
    project.set_area(None)
    assert project.geometry is None and project.location == heggedal.location and project.location_approximate
