"""Who sees a consultation follows its subject: one about a confidential project is for planning
staff only, one about an archived project for nobody on the public pages. One queryset method
(Consultation.objects.visible_to) answers it for the list, the page and every action on it."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from asker import roles
from participation.models import Comment, Consultation
from places.models import DevelopmentProject
from tests.factories import CommentFactory, ConsultationFactory, login_as, user_with_role
from workspace.consultations import ConsultationForm

pytestmark = pytest.mark.django_db

ROLES = [None, roles.RESIDENT, roles.PLANNER, roles.MODERATOR, roles.ORGANISATION_REPRESENTATIVE,
         roles.ADMINISTRATOR, "superuser"]
PLANNING_STAFF = {roles.PLANNER, roles.ADMINISTRATOR, "superuser"}


@pytest.fixture
def about(world):
    """A consultation about each kind of subject, named by what it is about."""
    archived = world["hage"]
    archived.archived_at = timezone.now()
    archived.save()
    made = {}
    for name, plan, project in (("plan", world["plan"], None), ("public", None, world["torg"]),
                                ("confidential", None, world["secret"]), ("archived", None, archived)):
        made[name] = ConsultationFactory(municipality=world["heggedal"].municipality, plan=plan, project=project,
                                         title=f"Høring om {name}", slug=f"horing-{name}")
        CommentFactory(consultation=made[name], state="published", text=f"Kommentar om {name}")
    return made


def expected_visible(role):
    return {"plan", "public"} | ({"confidential"} if role in PLANNING_STAFF else set())


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "anonymous")
def test_visible_to_by_role(about, role):
    user = user_with_role(role) or AnonymousUser()
    seen = set(Consultation.objects.visible_to(user).values_list("slug", flat=True))
    assert seen == {f"horing-{name}" for name in expected_visible(role)}
    assert set(Consultation.objects.public().values_list("slug", flat=True)) == {"horing-plan", "horing-public"}


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "anonymous")
def test_list_page_and_consultation_pages_by_role(client, about, role):
    login_as(client, role)
    listing = client.get("/medvirkning/")
    assert listing.status_code == 200
    for name, consultation in about.items():
        visible = name in expected_visible(role)
        assert (consultation.title in listing.content.decode()) == visible
        page = client.get(consultation.get_absolute_url())
        assert page.status_code == (200 if visible else 404)
        if visible:
            assert f"Kommentar om {name}" in page.content.decode()


@pytest.mark.parametrize("role", [roles.RESIDENT, roles.PLANNER])
def test_no_action_on_a_consultation_one_cannot_see(client, about, role):
    login_as(client, role)
    archived = about["archived"]
    comment = archived.comments.get()
    before = Comment.objects.count()
    assert client.post(f"{archived.get_absolute_url()}kommenter/", {"text": "Hei"}).status_code == 404
    assert client.post(f"{archived.get_absolute_url()}kommentar/{comment.pk}/flagg/",
                       {"reason": "spam"}).status_code == 404
    assert Comment.objects.count() == before and not comment.flags.exists()


def test_workspace_offers_only_public_projects(world):
    archived = world["hage"]
    archived.archived_at = timezone.now()
    archived.save()
    choices = set(ConsultationForm().fields["project"].queryset)
    assert choices == set(DevelopmentProject.objects.public()) == {world["torg"]}


def test_the_visibility_rule_is_written_once():
    """"What this user may see" is asked of the querysets (visible_to, public), never spelled out
    again: no filter on visibility or archived_at outside the model that owns the rule."""
    root = Path(__file__).resolve().parents[2]
    owner = root / "places" / "models" / "projects.py"
    pattern = re.compile(r"(filter|exclude|Q)\([^)]*\b(\w+__)?(visibility|archived_at)\b")
    offenders = []
    for app in ("places", "participation", "workspace", "accounts", "asker"):
        for path in (root / app).rglob("*.py"):
            if path == owner or "migrations" in path.parts or "demo" in path.parts:
                continue
            text = path.read_text()
            if re.search(r"[=]\s*[\"']confidential[\"']", text) or pattern.search(text):
                offenders.append(str(path.relative_to(root)))
    assert offenders == []
