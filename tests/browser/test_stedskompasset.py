"""Stedskompasset in Chromium: axe, markup, language and width (390 and 1280 px) on every page and
state (tests/browser/tour.py), and a resident who answers the survey with the keyboard alone."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from asker import roles
from stedskompasset.models import SurveyResponse
from tests.browser.helpers import focused, tab_until
from tests.browser.layout import PHONE
from tests.browser.tour import LANGUAGES, send, sign_in_as
from tests.factories import UserFactory
from tests.stedskompasset.factories import RoundFactory, closed_round, respond

pytestmark = pytest.mark.browser
OSLO = ZoneInfo("Europe/Oslo")
FORM = "form.survey-form"


@pytest.fixture
def rounds(world):
    heggedal = world["heggedal"]
    earlier = closed_round(centre=heggedal, title="Stedskompasset Heggedal 2024", is_demo=True,
                           opens_at=datetime(2024, 9, 1, tzinfo=OSLO), closes_at=datetime(2024, 10, 1, tzinfo=OSLO))
    later = closed_round(centre=heggedal, title="Stedskompasset Heggedal 2025")
    for scores in ([2] * 14, [3] * 14, [4] * 14, [5] * 14, [6] * 14):
        respond(earlier, scores)
        respond(later, [7 - s for s in scores])
    respond(later, 5, participants=9)
    later.responses.first().scores.filter(theme=4).update(good_now="Fin park", could_be_better="Mørke gater")
    open_round = RoundFactory(centre=heggedal, title="Stedskompasset Heggedal nå")
    respond(open_round, 4)
    return {"earlier": earlier, "later": later, "open": open_round}


def test_the_pages_for_the_public(page, tour, rounds):
    tour.visit(page, "stedskompasset:rounds", "open, closed and demo rounds")
    tour.visit(page, "stedskompasset:survey", "an open round, signed out", slug="heggedal")
    tour.visit(page, "stedskompasset:survey", "a centre without rounds", slug=rounds["later"].centre.parent.slug)
    tour.visit(page, "stedskompasset:results", "the latest round: withheld, 1 response", slug="heggedal")
    tour.visit(page, "stedskompasset:results", "with the compass, a workshop group and an earlier round",
               slug="heggedal", query=f"?runde={rounds['later'].pk}")
    assert page.locator("svg.compass[role=img] polygon[data-series=earlier]").count() == 1
    tour.visit(page, "stedskompasset:results", "a demo round", slug="heggedal", query=f"?runde={rounds['earlier'].pk}")
    tour.done()


def test_the_pages_signed_in(page, tour, rounds, live_server):
    resident = UserFactory(username="kari", role=roles.RESIDENT)
    sign_in_as(page, live_server, resident)
    tour.visit(page, "stedskompasset:survey", "the survey form", slug="heggedal")
    for lang in LANGUAGES:
        page.goto(tour.url("stedskompasset:survey", lang, slug="heggedal"))
        page.check("#id_score_1_2")
        send(page, FORM)
        assert page.locator(".error-summary[role=alert]").is_visible()
        tour.here(page, "stedskompasset:answer", "missing scores (400)")
    assert not SurveyResponse.objects.filter(respondent=resident).exists()
    sign_in_as(page, live_server, UserFactory(username="plan", role=roles.PLANNER))
    tour.visit(page, "stedskompasset:results", "as a planner, with the comments", slug="heggedal",
               query=f"?runde={rounds['later'].pk}")
    assert page.get_by_text("Mørke gater").count() == 1
    tour.visit(page, "stedskompasset:workshop", "the blank form", slug="heggedal")
    for lang in LANGUAGES:
        page.goto(tour.url("stedskompasset:workshop", lang, slug="heggedal"))
        page.fill("#id_participants", "0")
        page.fill("#id_held_on", "31.02.2021")
        send(page, FORM)
        tour.here(page, "stedskompasset:workshop", "with errors (400)")
    tour.visit(page, "stedskompasset:new_round", "the blank form", slug="heggedal")
    for lang in LANGUAGES:
        page.goto(tour.url("stedskompasset:new_round", lang, slug="heggedal"))
        send(page, "form.edit-form")
        assert page.locator(".error-summary[role=alert]").is_visible()
        tour.here(page, "stedskompasset:new_round", "with errors (400)")
    tour.done()


def test_a_resident_answers_with_the_keyboard_alone(page, live_server, rounds):
    resident = UserFactory(username="kari", role=roles.RESIDENT)
    sign_in_as(page, live_server, resident)
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(live_server.url + "/stedskompasset/heggedal/")
    wanted = [1, 2, 3, 4, 5, 6, 7, 7, 6, 5, 4, 3, 2, 1]
    for number, score in enumerate(wanted, start=1):
        seen = tab_until(page, lambda f, n=number: f"name=\"score_{n}\"" in f["html"])
        assert seen[-1]["visible"], f"the scale of theme {number} shows no focus"
        page.keyboard.press("Space")  # the first score, 1
        for _ in range(score - 1):
            page.keyboard.press("ArrowRight")
        assert page.locator(f"input[name=score_{number}]:checked").get_attribute("value") == str(score)
    # A comment on the last theme: its disclosure opens with Enter.
    page.keyboard.press("Tab")
    summary = focused(page)
    assert summary["tag"] == "summary" and summary["visible"], summary
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page)["html"].startswith("<textarea")
    page.keyboard.type("Fine turstier")
    tab_until(page, lambda f: f["tag"] == "button" and f["text"] == "Send svaret mitt")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Takk! Svaret ditt er lagret." in page.locator(".messages").inner_text()
    saved = SurveyResponse.objects.get(respondent=resident)
    assert list(saved.scores.order_by("theme").values_list("score", flat=True)) == wanted
    assert saved.scores.get(theme=14).good_now == "Fine turstier"
