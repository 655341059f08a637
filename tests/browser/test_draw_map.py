"""The project form's drawing map in Chromium: Leaflet.draw's controls speak bokmål on / and
English on /en/ (texts from our catalogue, handed over as JSON under the CSP), and the
municipal boundary is shown as context without becoming part of the drawn area."""

import pytest

from asker import roles
from tests.browser.tour import sign_in_as
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

TEXTS = {
    "": {"polygon": "Tegn et område (polygon)", "start": "Klikk for å begynne å tegne området.",
         "cancel": "Avbryt", "undo": "Slett siste punkt"},
    "/en": {"polygon": "Draw a polygon", "start": "Click to start drawing shape.",
            "cancel": "Cancel", "undo": "Delete last point"},
}


@pytest.fixture
def planner(world, page, live_server):
    user = UserFactory(username="planlegger", role=roles.PLANNER)
    sign_in_as(page, live_server, user)
    return user


@pytest.mark.parametrize("lang", ["", "/en"])
def test_draw_controls_are_translated(page, live_server, planner, lang):
    texts = TEXTS[lang]
    page.goto(f"{live_server.url}{lang}/planlegger/prosjekter/ny/")
    tool = page.locator(".leaflet-draw-draw-polygon")
    tool.wait_for()
    assert tool.get_attribute("title") == texts["polygon"]
    tool.scroll_into_view_if_needed()
    tool.click()
    assert page.locator(".leaflet-draw-tooltip").first.inner_text().strip().startswith(texts["start"])
    actions = page.locator(".leaflet-draw-actions a")
    assert texts["cancel"] in actions.all_inner_texts()
    assert texts["undo"] in actions.all_inner_texts()


@pytest.mark.parametrize("path", ["/planlegger/prosjekter/ny/", "/planlegger/prosjekter/heggedal-torg/",
                                  "/planlegger/planer/ny/"])
def test_the_boundary_is_shown_and_not_drawn(page, live_server, planner, path):
    page.goto(live_server.url + path)
    holder = page.locator("[data-boundary='loaded']")
    holder.wait_for(state="attached")
    assert holder.locator("path.map-boundary").count() == 1
    field = "textarea[name=boundary]" if "/planer/" in path else "textarea[name=geometry]"
    before = page.input_value(field)
    # The boundary takes no clicks and is not among the shapes the planner edits.
    page.locator(".leaflet-container").first.click(position={"x": 20, "y": 20})
    assert page.input_value(field) == before
    if path.endswith("/ny/"):
        assert before == ""
