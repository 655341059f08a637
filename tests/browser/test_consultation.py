"""Consultations in Chromium: hostile text stays text, and a resident comments with the map or
with the keyboard alone."""

import pytest

from participation import services
from participation.models import Comment
from tests.factories import ConsultationFactory, UserFactory, small_square

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss = 2">',
    '<svg onload="window.__xss = 3"></svg>',
    '"><script>window.__xss = 4</script>',
    "<a href=\"javascript:window.__xss = 5\">klikk</a>",
    "<iframe src=\"javascript:parent.__xss = 6\"></iframe>",
    "{{ 7*7 }} {% debug %}",
    "<b onmouseover=alert(1)>fet</b>",
]


@pytest.fixture
def open_consultation(world):
    return ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"], slug="hoering",
                               title="Høring om Heggedal", area=small_square(10.40, 59.76, 0.08), moderation="post")


def test_hostile_comments_are_shown_as_typed_and_never_run(page, live_server, open_consultation, axe):
    for text in PAYLOADS:  # one author each: the rate limit would stop one author
        services.submit(open_consultation, UserFactory(), text)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(live_server.url + open_consultation.get_absolute_url())
    shown = page.locator(".comment-text").all_inner_texts()
    for text in PAYLOADS:
        assert text in shown, f"not shown as typed: {text}"
    assert page.evaluate("() => window.__xss") is None
    assert page.locator(".comment-text script, .comment-text img, .comment-text svg, .comment-text iframe, "
                        ".comment-text a, .comment-text b").count() == 0
    assert dialogs == []
    axe(page, "consultation with hostile comments")


def test_resident_comments_with_a_place_name_using_only_the_keyboard(page, live_server, open_consultation, axe):
    UserFactory(username="ola")
    page.goto(f"{live_server.url}/konto/logg-inn/?next={open_consultation.get_absolute_url()}")
    page.keyboard.press("Tab")  # skip link
    page.focus("input[name=username]")
    page.keyboard.type("ola")
    page.keyboard.press("Tab")
    page.keyboard.type("asker-demo")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + open_consultation.get_absolute_url())
    page.focus("#id_text")
    page.keyboard.type("Torget trenger flere benker.")
    page.keyboard.press("Tab")
    page.keyboard.type("Heggedal")
    with page.expect_navigation():  # the form posts, then comes back to the same address
        page.keyboard.press("Enter")
    comment = Comment.objects.get(author__username="ola")
    assert comment.place_name == "Heggedal" and comment.location is not None
    axe(page, "consultation after commenting")


def test_resident_comments_with_a_map_point(page, live_server, open_consultation):
    UserFactory(username="kari")
    page.goto(f"{live_server.url}/konto/logg-inn/?next={open_consultation.get_absolute_url()}")
    page.fill("input[name=username]", "kari")
    page.fill("input[name=password]", "asker-demo")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + open_consultation.get_absolute_url())
    page.fill("#id_text", "Her bør det være en snarvei.")
    page.locator("#consultation-map").scroll_into_view_if_needed()
    box = page.locator("#consultation-map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.input_value("input[name=lon]") != ""
    with page.expect_navigation():
        page.get_by_role("button", name="Send kommentaren").click()
    comment = Comment.objects.get(author__username="kari")
    assert comment.location is not None and open_consultation.area.contains(comment.location)
