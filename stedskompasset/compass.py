"""The geometry of the compass (radar) diagram, drawn on the server as inline SVG.

Fourteen spokes, one per theme, the first pointing up and the rest clockwise, 360/14 degrees
apart. A score lies on its spoke at a distance from the centre proportional to score − 1:
1 at the centre, 7 at the rim (RADIUS). Tests compute the expected points with `point()`.
Coordinates are SVG user units (y grows downwards), rounded to two decimals.
"""

import math

from .themes import MAX_SCORE, MIN_SCORE, THEMES

WIDTH, HEIGHT = 900, 520
CENTRE_X, CENTRE_Y = WIDTH / 2, HEIGHT / 2
RADIUS = 200
# The theme's number and name sit just outside the rim.
LABEL_GAP = 16


def angle(index, count=len(THEMES)):
    """The spoke of the `index`-th theme (0-based), in radians from the positive x axis."""
    return -math.pi / 2 + 2 * math.pi * index / count


def distance(score):
    """How far from the centre a score lies: 0 for 1, RADIUS for 7."""
    return RADIUS * (score - MIN_SCORE) / (MAX_SCORE - MIN_SCORE)


def point(index, score, count=len(THEMES)):
    """(x, y) of `score` on the spoke of the `index`-th theme."""
    a = angle(index, count)
    r = distance(score)
    return round(CENTRE_X + r * math.cos(a), 2), round(CENTRE_Y + r * math.sin(a), 2)


def points_attribute(values):
    """The `points` of an SVG polygon through the values in theme order."""
    return " ".join(f"{x:g},{y:g}" for x, y in (point(i, v) for i, v in enumerate(values)))


def ring(score):
    """The polygon of one score on every spoke (the grid line for 1..7)."""
    return points_attribute([score] * len(THEMES))


def spokes():
    """Per theme: the end of its spoke at the rim, and where and how its label is anchored."""
    result = []
    for index, theme in enumerate(THEMES):
        end_x, end_y = point(index, MAX_SCORE)
        a = angle(index)
        label_x = round(CENTRE_X + (RADIUS + LABEL_GAP) * math.cos(a), 2)
        label_y = round(CENTRE_Y + (RADIUS + LABEL_GAP) * math.sin(a), 2)
        cos = math.cos(a)
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        # Labels above the centre sit on their baseline; below it they hang from their top.
        baseline = "auto" if math.sin(a) < -0.2 else ("hanging" if math.sin(a) > 0.2 else "middle")
        result.append({"theme": theme, "x": end_x, "y": end_y, "label_x": label_x, "label_y": label_y,
                       "anchor": anchor, "baseline": baseline})
    return result


def diagram(series):
    """What the template draws: rings 1..7, spokes, and one polygon per series.
    `series` is a list of (key, label, values in theme order); values are medians (1..7)."""
    return {
        "width": WIDTH, "height": HEIGHT, "cx": CENTRE_X, "cy": CENTRE_Y,
        "rings": [{"score": s, "points": ring(s), "label_y": round(CENTRE_Y - distance(s), 2)}
                  for s in range(MIN_SCORE + 1, MAX_SCORE + 1)],
        "spokes": spokes(),
        "series": [{"key": key, "label": label, "points": points_attribute(values)}
                   for key, label, values in series],
    }
