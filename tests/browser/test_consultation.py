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
    page.wait_for_url(live_server.url + open_consultation.get_absolute_url())
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
    page.wait_for_url(live_server.url + open_consultation.get_absolute_url())
    page.fill("#id_text", "Her bør det være en snarvei.")
    page.locator("#consultation-map").scroll_into_view_if_needed()
    box = page.locator("#consultation-map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.input_value("input[name=lon]") != ""
    with page.expect_navigation():
        page.get_by_role("button", name="Send kommentaren").click()
    comment = Comment.objects.get(author__username="kari")
    assert comment.location is not None and open_consultation.area.contains(comment.location)


def test_journey_two_residents_comment_a_moderator_decides_and_the_authors_see_the_outcome(
        page, new_page, live_server, world, axe):
    """Kari comments with a map point, Ola with a typed place name and the keyboard; the
    moderator approves Kari's and rejects Ola's with a reason; the public page shows Kari's
    and Ola sees the reason on his own page."""
    from asker import roles

    consultation = ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"],
                                       slug="reise", title="Reisen", area=small_square(10.40, 59.76, 0.08))
    UserFactory(username="kari")
    UserFactory(username="ola")
    UserFactory(username="mod", role=roles.MODERATOR)
    url = consultation.get_absolute_url()

    def sign_in(p, username, next_path):
        p.goto(f"{live_server.url}/konto/logg-inn/?next={next_path}")
        p.fill("input[name=username]", username)
        p.fill("input[name=password]", "asker-demo")
        p.keyboard.press("Enter")
        p.wait_for_url(live_server.url + next_path)

    kari = new_page()
    sign_in(kari, "kari", url)
    kari.fill("#id_text", "Kari: en benk ved dammen.")
    kari.locator("#consultation-map").scroll_into_view_if_needed()
    box = kari.locator("#consultation-map").bounding_box()
    kari.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    with kari.expect_navigation():
        kari.get_by_role("button", name="Send kommentaren").click()
    assert "moderator" in kari.locator(".messages").inner_text()

    ola = new_page()
    sign_in(ola, "ola", url)
    ola.focus("#id_text")
    ola.keyboard.type("Ola: kjøp billige hytter!")
    ola.keyboard.press("Tab")
    ola.keyboard.type("Heggedal")
    with ola.expect_navigation():
        ola.keyboard.press("Enter")

    kari_comment = Comment.objects.get(author__username="kari")
    ola_comment = Comment.objects.get(author__username="ola")
    assert kari_comment.location is not None and ola_comment.place_name == "Heggedal"

    mod = new_page()
    sign_in(mod, "mod", "/moderering/")
    axe(mod, "queue with two comments")
    for comment, decision in [(kari_comment, "approve"), (ola_comment, "reject")]:
        mod.goto(f"{live_server.url}/moderering/kommentar/{comment.pk}/")
        if decision == "reject":
            mod.select_option("#id_reject-reason", "spam")
            mod.fill("#id_reject-note", "Reklame")
        with mod.expect_navigation():
            mod.locator(f"form[action$='/{'godkjenn' if decision == 'approve' else 'avvis'}/'] button[type=submit]").click()

    public = new_page()
    public.goto(live_server.url + url)
    texts = public.locator(".comment-text").all_inner_texts()
    assert texts == ["Kari: en benk ved dammen."]
    axe(public, "public page after moderation")

    ola.goto(live_server.url + "/konto/mine-data/")
    mine = ola.locator("main").inner_text()
    assert "Avvist" in mine and "Spam eller reklame" in mine and "Reklame" in mine
    axe(ola, "my data with a rejected comment")
