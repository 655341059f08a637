"""Who may write and publish the municipality's answer, by role and the consultation's phase:
planning staff, once the consultation has closed; publishing once, and only when the public
may see the consultation. Asked of the rules themselves and of the workspace pages."""

from datetime import timedelta

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from asker import roles
from participation.models import Consultation
from tests.factories import AnsweredConsultationFactory, ProjectFactory, login_as, user_with_role

pytestmark = pytest.mark.django_db

ROLES = [None, roles.RESIDENT, roles.MODERATOR, roles.PLANNER, roles.ADMINISTRATOR, "superuser"]
PHASES = {"upcoming": (3, 10), "open": (-1, 10), "closed": (-10, -1)}
STAFF = {roles.PLANNER, roles.ADMINISTRATOR, "superuser"}


def consultation_in(phase):
    opens, closes = PHASES[phase]
    now = timezone.now()
    return AnsweredConsultationFactory(opens_at=now + timedelta(days=opens), closes_at=now + timedelta(days=closes),
                                       decided_on=None)


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_rules(role, phase):
    c = consultation_in(phase)
    user = user_with_role(role) or AnonymousUser()
    allowed = role in STAFF and phase == "closed"
    assert rules.has_perm("participation.edit_answer", user, c) is allowed
    assert rules.has_perm("participation.publish_answer", user, c) is allowed


def test_published_once():
    planner = user_with_role(roles.PLANNER)
    c = consultation_in("closed")
    c.answer_published_at = timezone.now()
    assert rules.has_perm("participation.edit_answer", planner, c)
    assert not rules.has_perm("participation.publish_answer", planner, c)


def test_not_for_a_consultation_the_public_cannot_see():
    planner = user_with_role(roles.PLANNER)
    project = ProjectFactory()
    c = AnsweredConsultationFactory(plan=None, project=project)
    assert rules.has_perm("participation.publish_answer", planner, c)
    project.visibility = project.Visibility.CONFIDENTIAL
    project.save()
    assert rules.has_perm("participation.edit_answer", planner, c)
    assert not rules.has_perm("participation.publish_answer", planner, c)


def form_data(**changes):
    data = {"answer_heard": "Vi hørte mye.", "answer_changes": "Ingenting endres.", "answer_next": "Vedtak i mai.",
            "decided_on": timezone.localdate().isoformat(), "case_number": "", "case_url": ""}
    data.update(changes)
    return data


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_pages(client, role, phase):
    c = consultation_in(phase)
    login_as(client, role)
    answer_url = f"/planlegger/medvirkning/{c.pk}/svar/"
    page = client.get(answer_url)
    saved = client.post(answer_url, form_data())
    published = client.post(f"{answer_url}publiser/")
    c.refresh_from_db()
    if role is None:
        for response in (page, saved, published):
            assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")
    elif role not in STAFF:
        assert {page.status_code, saved.status_code, published.status_code} == {403}
    elif phase != "closed":
        # The workspace page explains; the form is not offered and a post is refused.
        assert page.status_code == 200 and "name=\"answer_heard\"" not in page.content.decode()
        assert "når høringen er avsluttet" in page.content.decode()
        assert saved.status_code == 400 and "når høringen er avsluttet" in saved.content.decode()
        assert published.status_code == 302
    else:
        assert page.status_code == 200 and "name=\"answer_heard\"" in page.content.decode()
        assert saved.status_code == 302 and published.status_code == 302
        assert c.answer_heard == "Vi hørte mye." and c.answer_published_at is not None
    if not (role in STAFF and phase == "closed"):
        assert c.answer_heard == "Mange ønsker flere sykkelparkeringer." and c.answer_published_at is None
        assert not c.answer_log.exists()
    assert Consultation.objects.filter(answer_published_at__isnull=False).count() == (
        1 if role in STAFF and phase == "closed" else 0)
