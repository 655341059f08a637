"""A moderator's round in Chromium: open the queue, open a comment, reject it with a reason.
Both pages are checked with axe."""

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
    flagged = CommentFactory(state="published", text="En kommentar noen har flagget")
    Flag.objects.create(comment=flagged, user=UserFactory(username="nabo"), reason="offensive")
    return old


def sign_in(page, live_server, next_path):
    page.goto(f"{live_server.url}/konto/logg-inn/?next={next_path}")
    page.fill("input[name=username]", "moderator")
    page.fill("input[name=password]", "asker-demo")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + next_path)


def test_moderator_rejects_a_comment_from_the_queue(page, live_server, moderator, waiting, axe):
    sign_in(page, live_server, "/moderering/")
    rows = page.locator("table.moderation-queue tbody tr")
    assert rows.count() == 2
    assert "Reklame: kjøp hytte nå!" in rows.first.inner_text()
    assert page.locator(".oldest").inner_text().strip()
    report = axe.report(page, "moderation queue")

    page.click(f"a[href='/moderering/kommentar/{waiting.pk}/']")
    page.wait_for_url(f"{live_server.url}/moderering/kommentar/{waiting.pk}/")
    report += axe.report(page, "comment moderation page")

    page.select_option("#id_reject-reason", "spam")
    page.fill("#id_reject-note", "Reklame for hytter")
    page.locator(f"form[action='/moderering/kommentar/{waiting.pk}/avvis/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".messages .success").count() == 1
    report += axe.report(page, "comment moderation page after rejecting")

    waiting.refresh_from_db()
    assert waiting.state == "rejected"
    entry = waiting.actions.get()
    assert (entry.action, entry.reason, entry.note, entry.actor) == ("rejected", "spam", "Reklame for hytter", moderator)
    assert "Reklame for hytter" in page.locator("table.moderation-log").inner_text()

    page.goto(live_server.url + "/moderering/")
    assert page.locator("table.moderation-queue tbody tr").count() == 1
    assert not report, report
