"""A moderator's round in Chromium: open the queue, open the oldest comment, reject it with a
reason, go on to the next one (flagged, with its place on a map), keep it, and land back on the
empty queue. Every page on the way is checked with axe."""

from datetime import timedelta

import pytest
from django.utils import timezone

from asker import roles
from participation.models import Comment, Flag
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def moderator(db):
    return UserFactory(username="moderator", role=roles.MODERATOR)


@pytest.fixture
def waiting(db):
    old = CommentFactory(state="pending", text="Reklame: kjøp hytte nå!\nRing oss.",
                         author=UserFactory(username="selger", email="selger@example.org"))
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=3))
    flagged = CommentFactory(state="published", text="En kommentar noen har flagget", place_name="Heggedal stasjon",
                             location="SRID=4326;POINT(10.44 59.78)")
    Flag.objects.create(comment=flagged, user=UserFactory(username="nabo"), reason="offensive")
    return old, flagged


def sign_in(page, live_server, next_path):
    page.goto(f"{live_server.url}/konto/logg-inn/?next={next_path}")
    page.fill("input[name=username]", "moderator")
    page.fill("input[name=password]", "asker-demo")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + next_path)


def test_moderator_works_through_the_queue(page, live_server, moderator, waiting, axe):
    waiting, flagged = waiting
    sign_in(page, live_server, "/moderering/")
    rows = page.locator("table.moderation-queue tbody tr")
    assert rows.count() == 2
    assert "Reklame: kjøp hytte nå!" in rows.first.inner_text()
    assert page.locator(".oldest").inner_text().strip()
    report = axe.report(page, "moderation queue")

    page.click(f"a[href='/moderering/kommentar/{waiting.pk}/']")
    page.wait_for_url(f"{live_server.url}/moderering/kommentar/{waiting.pk}/")
    assert "ikke publisert" in page.locator(".in-context").inner_text()
    report += axe.report(page, "comment moderation page")

    page.select_option("#id_reject-reason", "spam")
    page.fill("#id_reject-note", "Reklame for hytter")
    reject = page.locator(f"form[action='/moderering/kommentar/{waiting.pk}/avvis/'] button[type=submit]")
    assert reject.get_attribute("class") == "danger" and reject.inner_text() == "Avvis"
    reject.click()
    # On to the next comment of the queue, with its place on the map and in words.
    page.wait_for_url(f"{live_server.url}/moderering/kommentar/{flagged.pk}/")
    assert page.locator(".messages .success").inner_text() == (
        f"Kommentar {waiting.pk} er avvist. Forfatteren har fått beskjed.")
    page.wait_for_selector("#comment-map .leaflet-interactive")
    assert "Heggedal stasjon" in page.locator("main").inner_text()
    assert page.locator(f"a[href$='#kommentar-{flagged.pk}']").count() == 1
    report += axe.report(page, "the next comment, flagged, with a map")

    waiting.refresh_from_db()
    assert waiting.state == "rejected"
    entry = waiting.actions.get()
    assert (entry.action, entry.reason, entry.note, entry.actor) == ("rejected", "spam", "Reklame for hytter", moderator)

    page.locator(f"form[action='/moderering/kommentar/{flagged.pk}/godkjenn/'] button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/moderering/")
    assert page.locator(".messages .info").inner_text() == "Ingen flere kommentarer venter på moderering."
    assert page.locator("table.moderation-queue").count() == 0
    report += axe.report(page, "the queue, emptied")

    page.goto(f"{live_server.url}/en/moderering/kommentar/{waiting.pk}/")
    log = page.locator("table.moderation-log").inner_text()
    assert "Reklame for hytter" in log and "Rejected" in log and "Spam or advertising" in log
    assert not report, report
