"""axe on the pages of signed-in users, per role, in bokmål and English: a resident's
consultation page with her own comment waiting, the comment form with an error, her data and
the account deletion; the moderator's queue, a comment's page and its forms with errors; what an
administrator and an organisation representative see. The planner's workspace is in
test_axe_workspace.py.

Several pages per test, one report at the end (tests/browser/tour.py).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from asker import roles
from participation.models import Comment, Flag, ModerationAction
from tests.browser.tour import LANGUAGES, send, sign_in_as
from tests.factories import CommentFactory, UserFactory, small_square
from tests.participation.conftest import consultation, moderator, resident  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


@pytest.fixture
def people(resident, moderator):
    return {"kari": resident, "ola": UserFactory(username="ola", role=roles.RESIDENT), "mod": moderator}


@pytest.fixture
def comments(consultation, people):
    """Ola's published comment with Kari's reply, Kari's comment waiting for moderation, her
    rejected one (with the moderator's reason) and Ola's flagged one."""
    kari, ola, mod = people["kari"], people["ola"], people["mod"]
    consultation.area = small_square(10.40, 59.76, 0.08)  # the map, where comments can be placed
    consultation.save()
    first = CommentFactory(consultation=consultation, author=ola, text="Bra med flere boliger ved stasjonen.",
                           place_name="Heggedal", location="SRID=4326;POINT(10.44 59.78)")
    CommentFactory(consultation=consultation, author=kari, parent=first, text="Enig, men husk sykkelparkering.")
    pending = CommentFactory(consultation=consultation, author=kari, state=Comment.State.PENDING,
                             text="Hva skjer med skoleveien?")
    Comment.objects.filter(pk=pending.pk).update(created_at=timezone.now() - timedelta(hours=3))
    rejected = CommentFactory(consultation=consultation, author=kari, state=Comment.State.REJECTED,
                              text="Kjøp hytte hos oss!")
    ModerationAction.objects.create(comment=rejected, actor=mod, action=ModerationAction.Action.REJECTED,
                                    reason=ModerationAction.Reason.SPAM, note="Reklame")
    flagged = CommentFactory(consultation=consultation, author=ola, text="En kommentar noen har flagget.")
    Flag.objects.create(comment=flagged, user=kari, reason=Flag.Reason.OFFENSIVE, note="Stygt språk")
    return {"first": first, "pending": pending, "rejected": rejected, "flagged": flagged}


def test_a_residents_pages(page, live_server, tour, people, comments, consultation):
    sign_in_as(page, live_server, people["kari"])
    tour.visit(page, "places:home", "signed in as a resident")
    tour.visit(page, "participation:consultation", "open, with the form, her waiting comment and a reply",
               slug=consultation.slug)
    assert comments["pending"].text in page.locator("main").inner_text()
    for lang in LANGUAGES:
        page.goto(tour.url("participation:consultation", lang, slug=consultation.slug))
        send(page, "form.comment-form")
        assert page.locator(".error-summary").is_visible()
        tour.here(page, "participation:comment", "with a form error")
        page.goto(tour.url("participation:consultation", lang, slug=consultation.slug))
        page.fill("form.comment-form textarea[name=text]", "Flere benker")
        page.fill("form.comment-form input[name=place]", "Heggdal torg")
        send(page, "form.comment-form")
        assert page.locator("button[name=use_place]").is_visible()
        tour.here(page, "participation:comment", "with a place name suggested")
    pending = {"slug": consultation.slug, "pk": comments["pending"].pk}
    tour.visit(page, "participation:edit", "her waiting comment", **pending)
    for lang in LANGUAGES:
        page.goto(tour.url("participation:edit", lang, **pending))
        page.fill("main form textarea[name=text]", "")
        send(page, "main form")
        assert page.locator(".error-summary").is_visible()
        tour.here(page, "participation:edit", "with an empty text")
    tour.visit(page, "participation:withdraw", "the confirmation", **pending)

    tour.visit(page, "mydata:index", "with waiting, published and rejected comments")
    assert page.locator(f"form[action$='/kommentar/{comments['rejected'].pk}/ny-vurdering/']").count() == 1
    tour.visit(page, "mydata:delete", "the confirmation")
    for lang in LANGUAGES:
        page.goto(tour.url("mydata:delete", lang))
        page.fill("input[type=password]", "feil passord")
        send(page, "main form")
        assert page.locator(".field-error, .error-summary").first.is_visible()
        tour.here(page, "mydata:delete", "with a wrong password")
    tour.visit(page, "accounts:profile", "of a resident")
    for prefix in ("", "/en"):
        tour.error_page(page, prefix + "/planlegger/", 403, "workspace refused to a resident")
        tour.error_page(page, prefix + "/moderering/", 403, "moderation refused to a resident")
    tour.done()


def test_a_moderators_pages(page, live_server, tour, people, comments):
    sign_in_as(page, live_server, people["mod"])
    tour.visit(page, "moderation:queue", "with a waiting and a flagged comment")
    assert page.locator("table.moderation-queue tbody tr").count() == 2
    tour.visit(page, "moderation:queue", "filtered to nothing", query="?state=hidden")
    for lang in LANGUAGES:
        page.goto(tour.url("moderation:queue", lang))
        send(page, "form.bulk", "button[value=reject]")
        tour.here(page, "moderation:bulk", "with nothing chosen")

    pending, flagged, rejected = comments["pending"].pk, comments["flagged"].pk, comments["rejected"].pk
    tour.visit(page, "moderation:comment", "waiting", pk=pending)
    tour.visit(page, "moderation:comment", "published, with a flag", pk=flagged)
    tour.visit(page, "moderation:comment", "rejected, with the log", pk=rejected)
    tour.visit(page, "moderation:comment", "published, with its place on a map", pk=comments["first"].pk)
    page.wait_for_selector("#comment-map .leaflet-interactive")
    reply = comments["first"].replies.get().pk
    tour.visit(page, "moderation:comment", "a reply, with the comment it answers", pk=reply)
    for lang in LANGUAGES:
        page.goto(tour.url("moderation:comment", lang, pk=pending))
        send(page, "form[action$='/avvis/']")
        tour.here(page, "moderation:reject", "without a reason")
        page.goto(tour.url("moderation:comment", lang, pk=flagged))
        send(page, "form[action$='/skjul/']")
        tour.here(page, "moderation:hide", "without a reason")
        page.fill("form[action$='/blokker/'] input[type=number]", "0")
        send(page, "form[action$='/blokker/']")
        tour.here(page, "moderation:block", "with days out of range and no reason")
    assert Comment.objects.get(pk=pending).state == Comment.State.PENDING
    tour.visit(page, "accounts:profile", "of a moderator")
    tour.done()


def test_what_an_administrator_and_an_organisation_representative_see(page, live_server, tour, world):
    sign_in_as(page, live_server, UserFactory(username="admin", role=roles.ADMINISTRATOR))
    # Both the workspace and moderation links in the header.
    tour.visit(page, "places:home", "signed in as an administrator")
    tour.visit(page, "workspace:dashboard", "as an administrator")
    tour.visit(page, "moderation:queue", "as an administrator, empty")
    tour.visit(page, "accounts:profile", "of an administrator")
    sign_in_as(page, live_server, UserFactory(username="lag", role=roles.ORGANISATION_REPRESENTATIVE))
    tour.visit(page, "accounts:profile", "of an organisation representative")
    tour.visit(page, "mydata:index", "without comments")
    tour.done()
