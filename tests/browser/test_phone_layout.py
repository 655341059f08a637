"""On a phone (390 CSS pixels wide) no page is wider than the screen, with the real demo data's
long names, addresses and descriptions; and where a table holds the page's key figure (the
dwellings of a project), that figure is on the screen without scrolling sideways, labelled.

The axe tours measure every page they check at 390 and 1280 pixels too (tests/browser/tour.py,
tests/browser/layout.py); this module adds the demo data set, whose texts are longer than the
factories', and the key figures.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from asker import roles
from participation.models import Comment, Consultation
from places.models import Centre, DevelopmentProject, Plan
from tests.browser.layout import DESKTOP, PHONE, overflow
from tests.browser.tour import sign_in_as
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(new_page):
    return new_page(viewport={"width": PHONE, "height": 844})


@pytest.fixture
def demo(transactional_db):
    """The Asker demo data set (manage.py load_demo), its consultations and comments, and users."""
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo_consultations", stdout=StringIO())


def url(name, lang="nb", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def too_wide(page, base, paths):
    """Open each path; a line for each page wider than the phone."""
    found = []
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, f"{path} answered {response.status}"
        if wider := overflow(page, PHONE):
            found.append(f"{path}: {wider}")
    return found


def test_every_public_page_of_the_demo_data_fits_a_phone(phone, live_server, demo):
    paths = [url(name, lang) for lang in ("nb", "en") for name in (
        "places:home", "places:centres", "places:projects", "places:plans", "participation:consultations",
        "about:accessibility", "about:privacy", "about:contact")]
    paths.append(url("places:projects") + "?side=2")
    paths += [c.get_absolute_url() for c in Centre.objects.all()]
    paths += [p.get_absolute_url() for p in DevelopmentProject.objects.visible_to(None)]
    paths += [p.get_absolute_url() for p in Plan.objects.all()]
    paths += [c.get_absolute_url() for c in Consultation.objects.all()]
    assert len(paths) > 40, "the demo data set is smaller than this test expects"
    found = too_wide(phone, live_server.url, paths)
    assert not found, f"{len(found)} of {len(paths)} pages are wider than a phone:\n" + "\n".join(found)


def test_the_workspace_and_the_moderation_queue_of_the_demo_data_fit_a_phone(phone, live_server, demo):
    users = get_user_model().objects
    longest = max(DevelopmentProject.objects.all(), key=lambda p: len(p.name))
    plan = max(Plan.objects.all(), key=lambda p: len(p.name))
    sign_in_as(phone, live_server, users.get(username="planlegger"))
    found = too_wide(phone, live_server.url, [
        url("workspace:dashboard"), url("workspace:dashboard", "en"), url("workspace:project_create"),
        url("workspace:project_edit", slug=longest.slug), url("workspace:project_history", slug=longest.slug),
        url("workspace:plans"), url("workspace:plan_edit", pk=plan.pk), url("workspace:centres"),
        url("workspace:consultations"), url("accounts:profile"),
    ])
    sign_in_as(phone, live_server, users.get(username="moderator"))
    comment = max(Comment.objects.all(), key=lambda c: len(c.text))
    found += too_wide(phone, live_server.url, [
        url("moderation:queue"), url("moderation:queue", "en"), url("moderation:comment", pk=comment.pk),
    ])
    assert not found, "pages wider than a phone:\n" + "\n".join(found)


DWELLINGS = {"nb": "Boliger", "en": "Dwellings"}


def dwellings_cells(page):
    """Each dwellings cell of the project tables: its text, box and the label shown before it."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('table.table-cards td.num')).map(td => {
        const box = td.getBoundingClientRect();
        const label = getComputedStyle(td, '::before').content;
        return {text: td.innerText.trim(), left: box.left, right: box.right, width: box.width, label};
    })""")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_dwellings_of_each_project_are_on_a_phone_screen(phone, live_server, world, lang):
    for path in (url("places:projects", lang), url("places:centre", lang, slug="heggedal"), url("places:home", lang)):
        phone.goto(live_server.url + path)
        cells = dwellings_cells(phone)
        assert sorted(cell["text"] for cell in cells) == ["139", "60"], path
        for cell in cells:
            assert cell["width"] > 0 and 0 <= cell["left"] and cell["right"] <= PHONE, f"{path}: {cell}"
            assert cell["label"] == f'"{DWELLINGS[lang]}"', f"{path}: {cell}"
        assert not overflow(phone, PHONE)


def test_the_planners_project_list_shows_the_dwellings_on_a_phone(phone, live_server, world):
    sign_in_as(phone, live_server, UserFactory(username="plan", role=roles.PLANNER))
    phone.goto(live_server.url + url("workspace:dashboard"))
    cells = dwellings_cells(phone)
    # The confidential draft too: the planner sees it.
    assert sorted(cell["text"] for cell in cells) == ["139", "550", "60"]
    assert all(0 <= cell["left"] and cell["right"] <= PHONE and cell["label"] == '"Boliger"' for cell in cells), cells


def test_on_a_desktop_the_project_list_is_a_table_with_its_header(new_page, live_server, world):
    page = new_page(viewport={"width": DESKTOP, "height": 900})
    page.goto(live_server.url + url("places:projects"))
    table = page.locator("table.table-cards")
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    assert page.get_by_role("columnheader", name="Boliger").is_visible()
    assert all(cell["label"] == "none" for cell in dwellings_cells(page))
    assert not overflow(page, DESKTOP)
