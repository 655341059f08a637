"""Rules of participation asked where they are written, not worked out again: which projects
may be consulted on (DevelopmentProject.objects.public()), a consultation's phase
(Consultation.phase) and which consultations a user may see (Consultation.objects.visible_to)."""

from datetime import timedelta

import pytest

from asker import pagecache
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation.models import Consultation
from places import services as place_services
from tests.factories import ConsultationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def consultation_about(project):
    now = timezone.now()
    return Consultation(municipality=project.municipality, title="Om prosjektet", slug="om-prosjektet", text="?",
                        project=project, opens_at=now, closes_at=now + timedelta(days=7))


def test_a_consultation_is_only_about_a_project_everyone_may_see(world):
    assert consultation_about(world["torg"]).full_clean() is None
    place_services.archive(world["hage"])  # published, then archived
    for project in (world["hage"], world["secret"]):
        with pytest.raises(ValidationError) as info:
            consultation_about(project).full_clean()
        assert info.value.message_dict["project"] == [
            "En høring kan bare gjelde et publisert prosjekt som ikke er arkivert."]


def test_the_public_list_sorts_by_consultation_phase(client, world, monkeypatch):
    now = timezone.now()
    upcoming = ConsultationFactory(plan=world["plan"], title="Kommer", opens_at=now + timedelta(days=3),
                                   closes_at=now + timedelta(days=9))
    running = ConsultationFactory(plan=world["plan"], title="Pågår")
    closed = ConsultationFactory(plan=world["plan"], title="Ferdig", opens_at=now - timedelta(days=9),
                                 closes_at=now - timedelta(days=3))
    response = client.get("/medvirkning/")
    assert response.status_code == 200
    assert [response.context[k] for k in ("upcoming", "open", "closed")] == [[upcoming], [running], [closed]]

    # The list asks the model, so a change of the rule there is a change of the list.
    monkeypatch.setattr(Consultation, "phase", lambda self, now=None: Consultation.Phase.CLOSED)
    pagecache.bump()  # new code is a new release, whose pages are stored anew (asker/pagecache.py)
    response = client.get("/medvirkning/")
    assert response.status_code == 200
    assert (response.context["upcoming"], response.context["open"]) == ([], [])
    assert set(response.context["closed"]) == {upcoming, running, closed}


def test_the_queue_filter_names_only_consultations_the_moderator_may_see(mod_client, world):
    public = ConsultationFactory(plan=world["plan"], title="Om planen")
    archived_project = ProjectFactory(municipality=world["heggedal"].municipality, centre=world["heggedal"],
                                      name="Arkivert tomt", slug="arkivert-tomt")
    about_archived = ConsultationFactory(plan=None, project=archived_project, title="Høring om arkivert")
    place_services.archive(archived_project)
    response = mod_client.get("/moderering/")
    assert response.status_code == 200
    choices = list(response.context["filter_form"].fields["consultation"].queryset)
    assert choices == [public]
    html = response.content.decode()
    assert "Om planen" in html and "Høring om arkivert" not in html
    # Asking for it by number is no way around: the filter does not take it.
    response = mod_client.get("/moderering/", {"consultation": about_archived.pk})
    assert response.status_code == 200 and "Høring om arkivert" not in response.content.decode()
    assert "consultation" in response.context["filter_form"].errors
