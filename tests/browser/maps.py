"""What the map tests share: the places a map holds, and reaching one with the keyboard alone.

A map groups markers that would cover each other into clusters (static/js/map-places.js); a
cluster is a button whose label names the places in it, and Enter opens it.
"""

import pytest

from tests.browser.helpers import MAX_TABS, focused

CLUSTER = "map-cluster"


def place_names(page, selector=".map"):
    """The names of every place on the map, whether it shows as its own marker or in a cluster."""
    return sorted(page.evaluate(
        """(selector) => {
            const el = document.querySelector(selector);
            return el.mapPlaces ? el.mapPlaces.markers().map(m => m.placeName) : [];
        }""",
        selector,
    ))


def marker_labels(page, selector=".map"):
    """The accessible names of the markers and clusters drawn now."""
    labels = page.eval_on_selector_all(
        f"{selector} .leaflet-marker-icon", "els => els.map(el => el.getAttribute('aria-label'))"
    )
    assert all(labels), f"markers without an aria-label: {labels}"
    return labels


def shows(page, name, selector=".map"):
    """Whether a marker of `name`, or a cluster naming it, is drawn now."""
    return any(label.startswith(name + " (") or f": {name} (" in label or f"; {name} (" in label
               for label in marker_labels(page, selector))


def reach_by_keyboard(page, name, limit=MAX_TABS):
    """Tab to the marker of `name`, opening with Enter the clusters that hold it on the way.
    Returns the focused marker (tests.browser.helpers.focused) and every step taken."""
    steps = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        steps.append(now)
        if not now or "leaflet-marker-icon" not in now["classes"]:
            continue
        label = now["label"] or ""
        if label.startswith(name + " (") and CLUSTER not in now["classes"]:
            return now, steps
        if CLUSTER in now["classes"] and (f": {name} (" in label or f"; {name} (" in label):
            page.keyboard.press("Enter")
            # The map zooms in (or spreads the markers out) and focus moves to the first of the
            # cluster's places that Tab reaches; Tab goes on from there to the others.
            page.wait_for_function(
                """(before) => {
                    const el = document.activeElement;
                    return el && el.classList.contains('leaflet-marker-icon') && el.getAttribute('aria-label') !== before;
                }""",
                arg=label,
            )
            settled(page)
            now = focused(page)
            steps.append(now)
            if (now["label"] or "").startswith(name + " (") and CLUSTER not in now["classes"]:
                return now, steps
            # Step back, so that the next Tab comes to this place again and the loop looks at it.
            page.keyboard.press("Shift+Tab")
    trail = "\n".join(f"  {s['tag']} {s['label'] or s['text'][:40]!r}" if s else "  (body)" for s in steps)
    pytest.fail(f"{name} was not reached with the keyboard; focus went through:\n{trail}", pytrace=False)


def settled(page):
    """Wait until no map is loading layers or moving its markers."""
    page.wait_for_function(
        """() => Array.from(document.querySelectorAll('.map')).every(el =>
            (el.dataset.busy || '0') === '0' && el.leafletMap && !el.leafletMap._animatingZoom
            && !(el.mapPlaces && el.mapPlaces.group._inZoomAnimation))"""
    )
    page.wait_for_timeout(100)  # the last data's markers are added in the same task as busy=0


def uncovered(page):
    """Whether the focused element is the topmost thing at its own centre (nothing hides it)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const r = el.getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return top === el || el.contains(top);
        }"""
    )
