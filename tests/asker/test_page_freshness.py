"""Every cached public page and map layer shows each kind of change at the very next request,
to the public and to planners, in bokmål and in English (asker/pagecache.py).

Each test loads the affected pages twice first (the second answer comes from the cache for the
public, which the ETag shows), makes one change the way the portal makes it, and loads them again.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from asker import roles
from participation import answers as participation_answers
from participation import services as participation_services
from participation.models import Comment, Consultation, ModerationAction
from places import services
from tests.factories import AnsweredConsultationFactory, CommentFactory, ConsultationFactory, PhaseFactory, UserFactory
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (shared fixtures)

BBOX = "bbox=10.2,59.5,10.8,59.95"
MAP_POINTS = f"/kart/prosjekter.geojson?{BBOX}&zoom=10"
MAP_AREAS = f"/kart/prosjekter.geojson?{BBOX}&zoom=15"
MAP_CENTRES = f"/kart/sentre.geojson?{BBOX}&zoom=12"
PROJECT_PAGES = ["/", "/prosjekter/", "/steder/heggedal/", MAP_POINTS, MAP_AREAS]


@pytest.fixture(params=["public", "planner"])
def viewer(request, client, db):
    if request.param == "planner":
        client.force_login(UserFactory(username="plan", role=roles.PLANNER))
    client.role = request.param
    return client


@pytest.fixture(params=["", "/en"], ids=["nb", "en"])
def prefix(request):
    return request.param


def url(prefix, path):
    return path if path.startswith("/kart/") and prefix == "" else prefix + path


def load(client, prefix, paths, status=200):
    pages = {}
    for path in paths:
        response = client.get(url(prefix, path))
        assert response.status_code == status, (path, response.status_code)
        pages[path] = response.content.decode()
    return pages


def warm(client, prefix, paths):
    """Load twice; for the public the second answer is the stored one, with its ETag."""
    first = load(client, prefix, paths)
    for path in paths:
        response = client.get(url(prefix, path))
        assert response.status_code == 200
        if client.role == "public":
            assert response.has_header("ETag"), path
            assert response.content.decode() == first[path]
    return first


def test_a_saved_project_shows_at_once(viewer, prefix, world):
    before = warm(viewer, prefix, [*PROJECT_PAGES, "/prosjekter/heggedal-torg/"])
    assert all("Heggedal torg" in page for page in before.values())
    torg = world["torg"]
    torg.name = "Heggedal torg og park"
    torg.save()
    for path, page in load(viewer, prefix, [*PROJECT_PAGES, "/prosjekter/heggedal-torg/"]).items():
        assert "Heggedal torg og park" in page, path


def test_a_published_project_shows_at_once(viewer, prefix, world):
    before = warm(viewer, prefix, PROJECT_PAGES)
    for page in before.values():
        assert ("Hemmelig tomt" in page) == (viewer.role == "planner")
    services.publish(world["secret"])
    for path, page in load(viewer, prefix, [*PROJECT_PAGES, "/prosjekter/hemmelig-tomt/"]).items():
        assert "Hemmelig tomt" in page, path


def test_an_archived_project_goes_at_once(viewer, prefix, world):
    warm(viewer, prefix, [*PROJECT_PAGES, "/prosjekter/heggedal-hage/"])
    services.archive(world["hage"])
    for path, page in load(viewer, prefix, PROJECT_PAGES).items():
        assert "Heggedal hage" not in page, path
    load(viewer, prefix, ["/prosjekter/heggedal-hage/"], status=404)


def test_a_changed_phase_shows_at_once(viewer, prefix, world):
    paths = ["/prosjekter/heggedal-hage/", MAP_POINTS]
    before = warm(viewer, prefix, paths)
    assert all("2037" not in page for page in before.values())
    phase = world["hage"].phases.get()
    phase.finish_year = 2037
    phase.save()
    for path, page in load(viewer, prefix, paths).items():
        assert "2037" in page, path
    PhaseFactory(project=world["hage"], number=2, dwellings=12, start_year=2032, finish_year=2038)
    assert "2038" in load(viewer, prefix, ["/prosjekter/heggedal-hage/"])["/prosjekter/heggedal-hage/"]


def test_a_renamed_centre_shows_at_once(viewer, prefix, world):
    paths = ["/", "/steder/", "/steder/heggedal/", "/prosjekter/", MAP_CENTRES]
    warm(viewer, prefix, paths)
    heggedal = world["heggedal"]
    heggedal.name = "Heggedal stasjonsby"
    heggedal.save()
    for path, page in load(viewer, prefix, paths).items():
        assert "Heggedal stasjonsby" in page, path


def test_a_changed_plan_shows_at_once(viewer, prefix, world):
    paths = ["/planer/", "/planer/3203201901/", "/prosjekter/heggedal-torg/", "/steder/heggedal/"]
    warm(viewer, prefix, paths)
    plan = world["plan"]
    plan.name = "Heggedal sentrumsplan"
    plan.save()
    for path, page in load(viewer, prefix, paths).items():
        assert "Heggedal sentrumsplan" in page, path


def test_a_renamed_developer_and_a_new_link_show_at_once(viewer, prefix, world):
    paths = ["/", "/prosjekter/", "/prosjekter/heggedal-torg/", "/steder/heggedal/"]
    warm(viewer, prefix, paths)
    world["tandberg"].name = "Tandberg Eiendom AS"
    world["tandberg"].save()
    world["torg"].developers.add(world["jm"])  # a many-to-many change
    for path, page in load(viewer, prefix, paths).items():
        assert "Tandberg Eiendom AS" in page and "JM Norge" in page, path


def test_a_changed_facility_shows_at_once(viewer, prefix, world):
    warm(viewer, prefix, ["/steder/heggedal/"])
    world["school"].name = "Heggedal barneskole"
    world["school"].save()
    assert "Heggedal barneskole" in load(viewer, prefix, ["/steder/heggedal/"])["/steder/heggedal/"]


@pytest.fixture
def consultation(world):
    return ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"],
                               title="Heggedal sentrum", slug="heggedal-sentrum")


def test_a_moderators_decision_shows_at_once(viewer, prefix, consultation):
    moderator = UserFactory(username="mod", role=roles.MODERATOR)
    waiting = CommentFactory(consultation=consultation, text="Flere benker ved torget", state=Comment.State.PENDING)
    shown = CommentFactory(consultation=consultation, text="Et innlegg som brøt reglene")
    paths = ["/medvirkning/heggedal-sentrum/", "/medvirkning/"]
    before = warm(viewer, prefix, paths)
    assert "Et innlegg som brøt reglene" in before[paths[0]] and "Flere benker" not in before[paths[0]]
    participation_services.moderate(waiting, moderator, ModerationAction.Action.APPROVED)
    participation_services.moderate(shown, moderator, ModerationAction.Action.HIDDEN, reason="offensive")
    page = load(viewer, prefix, paths)[paths[0]]
    assert "Flere benker ved torget" in page and "Et innlegg som brøt reglene" not in page


def test_a_new_comment_shows_at_once(viewer, prefix, consultation):
    paths = ["/medvirkning/heggedal-sentrum/", "/medvirkning/"]
    before = warm(viewer, prefix, paths)
    consultation.moderation = "post"
    consultation.save()
    participation_services.submit(consultation, UserFactory(username="kari", role=roles.RESIDENT), "Mer lys i parken")
    after = load(viewer, prefix, paths)
    assert "Mer lys i parken" in after[paths[0]]
    assert after[paths[1]] != before[paths[1]]  # the list's count of published comments


def test_a_reply_and_a_decision_on_it_show_in_the_thread_at_once(viewer, prefix, consultation):
    top = CommentFactory(consultation=consultation, text="Flere benker ved torget")
    moderator = UserFactory(username="mod", role=roles.MODERATOR)
    waiting = CommentFactory(consultation=consultation, parent=top, text="Enig, og mer lys", state=Comment.State.PENDING)
    paths = [f"/medvirkning/heggedal-sentrum/kommentar/{top.pk}/", "/medvirkning/heggedal-sentrum/"]
    before = warm(viewer, prefix, paths)
    assert all("Enig, og mer lys" not in page for page in before.values())
    participation_services.moderate(waiting, moderator, ModerationAction.Action.APPROVED)
    assert all("Enig, og mer lys" in page for page in load(viewer, prefix, paths).values())
    participation_services.moderate(waiting, moderator, ModerationAction.Action.HIDDEN, reason="offensive")
    assert all("Enig, og mer lys" not in page for page in load(viewer, prefix, paths).values())


def test_a_published_answer_shows_at_once(viewer, prefix, world):
    AnsweredConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"], slug="svart")
    planner = UserFactory(username="svarer", role=roles.PLANNER)
    paths = ["/medvirkning/svart/", "/medvirkning/"]
    before = warm(viewer, prefix, paths)
    assert "200 nye sykkelplasser" not in before[paths[0]]
    consultation = participation_answers.publish_answer(
        Consultation.objects.get(slug="svart"), planner)
    after = load(viewer, prefix, paths)
    assert "200 nye sykkelplasser" in after[paths[0]]
    assert after[paths[1]] != before[paths[1]]  # "answer published" in the list
    participation_answers.save_answer(consultation, planner, {"answer_changes": "Planen får 250 nye sykkelplasser."})
    assert "250 nye sykkelplasser" in load(viewer, prefix, paths)[paths[0]]


def test_a_consultation_that_closes_by_the_clock_shows_it(viewer, prefix, consultation, monkeypatch):
    paths = ["/medvirkning/heggedal-sentrum/", "/medvirkning/"]
    before = warm(viewer, prefix, paths)
    later = consultation.closes_at + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)  # no row changes: only time passes
    after = load(viewer, prefix, paths)
    assert after[paths[0]] != before[paths[0]] and after[paths[1]] != before[paths[1]]
    assert ("Avsluttet" if prefix == "" else "Closed") in after[paths[0]]


def test_a_deleted_account_leaves_its_comments_without_a_name(viewer, prefix, consultation):
    from participation.data import delete_account

    author = UserFactory(username="forsvinner", role=roles.RESIDENT)
    CommentFactory(consultation=consultation, author=author, text="Et navngitt innspill")
    path = "/medvirkning/heggedal-sentrum/"
    assert "forsvinner" in warm(viewer, prefix, [path])[path]
    delete_account(author)
    assert "forsvinner" not in load(viewer, prefix, [path])[path]
