"""The compass (radar) diagram drawn on the server: its polygon lies at the medians (1 at the
centre, 7 at the rim, one spoke per theme), and the table beside it gives the same medians."""

import math

import pytest

from stedskompasset import compass
from tests.stedskompasset.factories import closed_round, respond
from tests.stedskompasset.pages import SVG, compass as read_compass, polygon_points, rows

URL = "/stedskompasset/heggedal/resultater/"


def test_the_geometry_one_at_the_centre_seven_at_the_rim():
    assert compass.point(0, 1) == (compass.CENTRE_X, compass.CENTRE_Y)
    assert compass.point(0, 7) == (compass.CENTRE_X, compass.CENTRE_Y - compass.RADIUS)  # straight up
    # Clockwise from the top: the fourth spoke is 3 × 360/14 degrees round.
    x, y = compass.point(3, 7)
    assert math.isclose(math.atan2(y - compass.CENTRE_Y, x - compass.CENTRE_X), math.radians(-90 + 3 * 360 / 14),
                        abs_tol=1e-3)
    # Halfway along the scale is halfway along the spoke.
    assert math.isclose(math.dist(compass.point(5, 4), (compass.CENTRE_X, compass.CENTRE_Y)), compass.RADIUS / 2,
                        abs_tol=0.01)


@pytest.fixture
def scored(client, heggedal):
    """Five responses whose medians are 1, 2, ..., 7, 1.5, 2.5, ... per theme."""
    survey_round = closed_round(centre=heggedal)
    medians = [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7]
    for shift in (-1, 0, 0, 0, 1):
        respond(survey_round, [min(7, max(1, m + shift)) if shift else m for m in medians])
    # With 5 answers the median is the third, and the shifts are symmetric around it.
    return survey_round, medians


def test_the_polygon_points_are_at_the_medians(client, scored):
    _round, medians = scored
    page = client.get(URL).content.decode()
    svg = read_compass(page)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title") is not None and svg.find(f"{SVG}desc") is not None
    assert svg.get("aria-labelledby") == "compass-title compass-desc"
    points = polygon_points(svg)
    assert len(points) == 14
    for index, (median, (x, y)) in enumerate(zip(medians, points)):
        expected = compass.point(index, median)
        assert (x, y) == pytest.approx(expected, abs=0.01), f"theme {index + 1}"
    # Fourteen spokes and their labels.
    spokes = [line for line in svg.iter(f"{SVG}line")]
    assert len(spokes) == 14
    assert [t.text for t in svg.iter(f"{SVG}tspan") if t.get("class") == "theme-label-number"] == \
        [str(n) for n in range(1, 15)]


def test_the_table_gives_the_medians_the_polygon_shows(client, scored):
    _round, medians = scored
    page = client.get(URL).content.decode()
    table = rows(page)
    assert [table[n][2] for n in range(1, 15)] == [str(m) for m in medians]
    # The table follows the diagram: its text alternative comes right after it.
    assert page.index('class="compass"') < page.index("compass-table")


def test_a_half_median_is_drawn_between_the_rings(client, heggedal):
    survey_round = closed_round(centre=heggedal)
    for score in (3, 3, 3, 4, 4, 4):
        respond(survey_round, score)
    page = client.get(URL).content.decode()
    points = polygon_points(read_compass(page))
    assert points[0] == pytest.approx(compass.point(0, 3.5), abs=0.01)
    assert rows(page)[1][2] == "3,5"


def test_an_earlier_round_is_drawn_dashed_beside_this_one(client, heggedal):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    oslo = ZoneInfo("Europe/Oslo")
    earlier = closed_round(centre=heggedal, opens_at=datetime(2023, 1, 1, tzinfo=oslo),
                           closes_at=datetime(2023, 2, 1, tzinfo=oslo))
    later = closed_round(centre=heggedal)
    for _ in range(5):
        respond(earlier, 2)
        respond(later, 5)
    svg = read_compass(client.get(URL + f"?runde={later.pk}").content.decode())
    assert polygon_points(svg, "earlier") == [pytest.approx(compass.point(i, 2), abs=0.01) for i in range(14)]
    dashed = next(p for p in svg.iter(f"{SVG}polygon") if p.get("data-series") == "earlier")
    assert dashed.get("stroke-dasharray")  # told apart by its line, not by colour alone
