"""Nothing English on a bokmål page and nothing Norwegian on an English page (outside elements
marked with their language), for the pages of tests/browser/page_catalogue.py as each role meets
them, through the Django test client: the quick version of the check the axe tours make on every
page they open (tests/browser/tour.py, tests/language.py).
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from asker import roles
from participation.models import Comment, Flag, ModerationAction
from tests.browser.page_catalogue import CHECKED
from tests.factories import (
    CommentFactory,
    ConsultationFactory,
    PhaseFactory,
    ProjectFactory,
    UserFactory,
    small_square,
)
from tests.language import wrong_language
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(world):
    """The world of the axe tours: projects (one with an unknown number of dwellings), a plan,
    open, upcoming and closed consultations with published, waiting, rejected and flagged
    comments."""
    municipality = world["heggedal"].municipality
    now = timezone.now()
    unknown = ProjectFactory(municipality=municipality, centre=world["heggedal"], name="Sætre sentrum",
                             slug="saetre-sentrum", flats=None, terraced=None, detached=None,
                             description="Kompakt sentrum og fjordpromenade.")
    PhaseFactory(project=unknown, number=1, dwellings=None, start_year=2016, finish_year=2026)
    open_ = ConsultationFactory(municipality=municipality, plan=world["plan"], slug="apen", title="Åpen høring",
                                area=small_square(10.40, 59.76, 0.08))
    ConsultationFactory(municipality=municipality, slug="kommer", title="Kommende høring",
                        opens_at=now + timedelta(days=3), closes_at=now + timedelta(days=20))
    ConsultationFactory(municipality=municipality, slug="lukket", title="Lukket høring",
                        opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=2))
    kari = UserFactory(username="kari", role=roles.RESIDENT)
    ola = UserFactory(username="ola", role=roles.RESIDENT)
    mod = UserFactory(username="mod", role=roles.MODERATOR)
    first = CommentFactory(consultation=open_, author=ola, text="Bra med flere boliger ved stasjonen.",
                           place_name="Heggedal", location="SRID=4326;POINT(10.44 59.78)")
    CommentFactory(consultation=open_, author=kari, parent=first, text="Enig, men husk sykkelparkering.")
    CommentFactory(consultation=open_, author=kari, state=Comment.State.PENDING, text="Hva skjer med skoleveien?",
                   place_name="Høn stasjon")
    CommentFactory(consultation=open_, author=ola, text="Trangt ved perrongen.", place_name="Vakås stasjon")
    rejected = CommentFactory(consultation=open_, author=kari, state=Comment.State.REJECTED, text="Kjøp hytte!")
    ModerationAction.objects.create(comment=rejected, actor=mod, action=ModerationAction.Action.REJECTED,
                                    reason=ModerationAction.Reason.SPAM, note="Reklame")
    flagged = CommentFactory(consultation=open_, author=ola, text="En kommentar noen har flagget.")
    Flag.objects.create(comment=flagged, user=kari, reason=Flag.Reason.OFFENSIVE, note="Stygt språk")
    return {**world, "open": open_, "unknown": unknown, "kari": kari, "mod": mod, "flagged": flagged,
            "rejected": rejected, "pending": Comment.objects.get(state=Comment.State.PENDING)}


def pages(scene):
    """(role, URL name, kwargs, query) for the GET pages each role meets."""
    public = [
        ("places:home", {}, ""), ("places:centres", {}, ""), ("places:centre", {"slug": "heggedal"}, ""),
        ("places:centre", {"slug": scene["sentrum"].slug}, ""),
        ("places:projects", {}, ""), ("places:projects", {}, "?min_dwellings=-5"),
        ("places:project", {"slug": "heggedal-torg"}, ""), ("places:project", {"slug": "saetre-sentrum"}, ""),
        ("places:plans", {}, ""), ("places:plans", {}, "?type=ukjent"),
        ("places:plan", {"plan_id": scene["plan"].plan_id}, ""),
        ("participation:consultations", {}, ""), ("participation:consultations", {}, "?senter=ukjent"),
        ("participation:consultation", {"slug": "apen"}, ""), ("participation:consultation", {"slug": "kommer"}, ""),
        ("participation:consultation", {"slug": "lukket"}, ""),
        ("about:accessibility", {}, ""), ("about:privacy", {}, ""), ("about:contact", {}, ""),
    ]
    signed_out = [("accounts:login", {}, ""), ("accounts:register", {}, ""), ("accounts:password_reset", {}, "")]
    resident = [("accounts:profile", {}, ""), ("mydata:index", {}, ""), ("mydata:delete", {}, ""),
                ("participation:edit", {"slug": "apen", "pk": scene["pending"].pk}, ""),
                ("participation:withdraw", {"slug": "apen", "pk": scene["pending"].pk}, "")]
    moderator = [
        ("moderation:queue", {}, ""), ("moderation:comment", {"pk": scene["pending"].pk}, ""),
        ("moderation:comment", {"pk": scene["flagged"].pk}, ""),
        ("moderation:comment", {"pk": scene["rejected"].pk}, ""), ("accounts:profile", {}, ""),
    ]
    planner = [
        ("workspace:dashboard", {}, ""), ("workspace:dashboard", {}, "?vis=utkast"),
        ("workspace:dashboard", {}, "?vis=arkiv"), ("workspace:project_create", {}, ""),
        ("workspace:project_edit", {"slug": "heggedal-torg"}, ""),
        ("workspace:project_edit", {"slug": "hemmelig-tomt"}, ""),
        ("workspace:project_edit", {"slug": "saetre-sentrum"}, ""),
        ("workspace:project_history", {"slug": "heggedal-torg"}, ""),
        ("workspace:project_upload", {"slug": "heggedal-torg"}, ""),
        ("workspace:plans", {}, ""), ("workspace:plan_create", {}, ""),
        ("workspace:plan_edit", {"pk": scene["plan"].pk}, ""), ("workspace:plan_documents", {"pk": scene["plan"].pk}, ""),
        ("workspace:centres", {}, ""), ("workspace:centre_create", {}, ""),
        ("workspace:centre_edit", {"slug": "heggedal"}, ""), ("workspace:consultations", {}, ""),
        ("workspace:consultation_create", {}, ""), ("workspace:consultation_edit", {"pk": scene["open"].pk}, ""),
        ("places:project", {"slug": "hemmelig-tomt"}, ""),
    ]
    yield from ((None, *p) for p in public + signed_out)
    yield from ((roles.RESIDENT, *p) for p in public + resident)
    yield from ((roles.MODERATOR, *p) for p in moderator)
    yield from ((roles.PLANNER, *p) for p in public + planner)
    yield from (("superuser", *p) for p in [("places:home", {}, ""), ("accounts:profile", {}, ""),
                                            ("workspace:dashboard", {}, ""), ("moderation:queue", {}, "")])


def user_for(role, scene):
    if role is None:
        return None
    if role == roles.RESIDENT:
        return scene["kari"]
    if role == roles.MODERATOR:
        return scene["mod"]
    if role == "superuser":
        return UserFactory(username="admin", is_superuser=True, is_staff=True)
    return UserFactory(username="per", role=role)


def test_the_pages_checked_here_are_pages_of_the_catalogue(scene):
    assert {name for _, name, _, _ in pages(scene)} <= set(CHECKED)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_page_speaks_one_language(client, scene, lang):
    problems = []
    users = {}
    for role, name, kwargs, query in pages(scene):
        if role not in users:
            users[role] = user_for(role, scene)
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        with translation.override(lang):
            url = reverse(name, kwargs=kwargs or None) + query
        response = client.get(url)
        assert response.status_code in (200, 400), (url, role, response.status_code)
        problems += [f"{url} ({role or 'signed out'}): {p}" for p in wrong_language(response.content.decode())]
    problems = list(dict.fromkeys(problems))
    assert not problems, f"{len(problems)} texts in the wrong language:\n" + "\n".join(problems)


def test_a_users_own_name_in_the_header_is_no_word_of_either_language(client, world):
    """A name such as "Bjørnar Sæther" is the same in every language: marked translate="no"."""
    user = UserFactory(username="bsaether", first_name="Bjørnar", last_name="Sæther", role=roles.RESIDENT)
    client.force_login(user)
    html = client.get("/en/").content.decode()
    assert '<span translate="no">Bjørnar Sæther</span>' in html
    assert not wrong_language(html)
