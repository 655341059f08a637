"""A resident's own waiting comment and the place of a comment, in Chromium: "Endre" and
"Slett" from the comment, a map point told in words and removed again, and a published
comment's "Vis i kartet" opening its marker, whose popup links back."""

import re

import pytest
from django.contrib.gis.geos import Point

from participation import services
from participation.models import Comment
from tests.browser.tour import sign_in_as
from tests.factories import CommentFactory, ConsultationFactory, UserFactory, small_square

pytestmark = pytest.mark.browser


@pytest.fixture
def consultation(world):
    return ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"], slug="hoering",
                               title="Høring om Heggedal", area=small_square(10.40, 59.76, 0.08))


@pytest.fixture
def kari(db):
    return UserFactory(username="kari")


def test_a_waiting_comment_is_changed_and_deleted_from_its_links(page, live_server, consultation, kari, axe):
    mine = services.submit(consultation, kari, "Første tanke")
    sign_in_as(page, live_server, kari)
    page.goto(live_server.url + consultation.get_absolute_url())
    article = page.locator(f"#kommentar-{mine.pk}")
    assert "Venter på moderering" in article.inner_text()
    with page.expect_navigation():
        article.get_by_role("link", name="Endre").click()
    page.fill("textarea[name=text]", "Andre tanke")
    with page.expect_navigation():
        page.get_by_role("button", name="Lagre endringen").click()
    assert page.url.endswith(f"#kommentar-{mine.pk}")
    assert "Andre tanke" in page.locator(f"#kommentar-{mine.pk}").inner_text()
    axe(page, "consultation after changing a waiting comment")
    with page.expect_navigation():
        page.locator(f"#kommentar-{mine.pk}").get_by_role("link", name="Slett").click()
    assert "Vil du slette kommentaren?" in page.locator("h1").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="Slett kommentaren").click()
    assert page.locator(f"#kommentar-{mine.pk}").count() == 0
    assert not Comment.objects.filter(pk=mine.pk).exists()


def test_a_map_point_is_told_in_words_and_can_be_removed(page, live_server, consultation, kari):
    sign_in_as(page, live_server, kari)
    page.goto(live_server.url + consultation.get_absolute_url())
    page.fill("#id_text", "Her trengs et gatelys.")
    page.locator("#consultation-map").scroll_into_view_if_needed()
    box = page.locator("#consultation-map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    note = page.locator("#chosen-point")
    page.wait_for_function("() => / (fra|nær) /.test(document.getElementById('chosen-point').textContent)")
    assert re.match(r"Valgt sted: (nær .+|\d+ m fra .+|\d+,\d km fra .+)$", note.inner_text())
    assert page.locator("#consultation-map .leaflet-marker-icon").count() == 1
    page.get_by_label("Fjern punktet").check()
    assert note.inner_text() == "Punktet er fjernet."
    assert page.input_value("input[name=lon]") == "" and page.locator("#consultation-map .leaflet-marker-icon").count() == 0
    page.locator("#consultation-map").scroll_into_view_if_needed()
    box = page.locator("#consultation-map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2 + 30, box["y"] + box["height"] / 2 + 20)
    assert not page.get_by_label("Fjern punktet").is_checked() and page.input_value("input[name=lon]") != ""
    with page.expect_navigation():
        page.get_by_role("button", name="Send kommentaren").click()
    comment = Comment.objects.get(author=kari)
    assert comment.location is not None
    text = page.locator(f"#kommentar-{comment.pk} .meta").inner_text()
    assert re.search(r"· (nær .+|\d+ m fra .+|\d+,\d km fra .+)", text)


def test_show_on_the_map_opens_the_marker_which_links_back(page, live_server, consultation, axe):
    placed = CommentFactory(consultation=consultation, author=UserFactory(username="ola"), text="Ved dammen",
                            location=Point(10.44, 59.78, srid=4326))
    page.goto(live_server.url + consultation.get_absolute_url())
    link = page.locator(f"#kommentar-{placed.pk}").get_by_role("link", name="Vis i kartet")
    link.click()
    popup = page.locator("#consultation-map .leaflet-popup")
    back = popup.get_by_role("link", name="Gå til kommentaren fra ola")
    assert back.is_visible()
    assert back.evaluate("a => a === document.activeElement")
    axe(page, "consultation with a marker's popup open")
    back.click()
    assert page.url.endswith(f"#kommentar-{placed.pk}")


def test_without_javascript_the_show_on_the_map_link_stays_hidden(new_page, live_server, consultation):
    placed = CommentFactory(consultation=consultation, location=Point(10.44, 59.78, srid=4326))
    page = new_page(java_script_enabled=False)
    page.goto(live_server.url + consultation.get_absolute_url())
    assert page.locator(f"#kommentar-{placed.pk} a.show-on-map").count() == 1
    assert not page.locator(f"#kommentar-{placed.pk} a.show-on-map").is_visible()
