"""Nothing English on a bokmål event page and nothing Norwegian on an English one (outside
elements marked lang="nb"), as each role meets the pages: the test-client version of the check
the axe tour makes (tests/language.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from asker import roles
from events.models import Event
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import UserFactory
from tests.language import wrong_language

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(heggedal, torg):
    now = timezone.now()
    full = EventFactory(centre=None, innbyggertorg=torg, title="Lene-timen på Høvik", kind=Event.Kind.LENE_TIMEN,
                        capacity=1, description="Åpen prat med ordføreren om løst og fast.")
    kari = UserFactory(username="kari", role=roles.RESIDENT)
    RegistrationFactory(event=full, user=kari)
    RegistrationFactory(event=full, user=UserFactory(username="ola", first_name="Åse", last_name="Ødegård"),
                       state="waiting")
    return {
        "full": full, "kari": kari,
        "address": EventFactory(centre=None, address="Bøveien 3, Sætre", title="Verksted i Sætre",
                                kind=Event.Kind.WORKSHOP),
        "cancelled": EventFactory(centre=heggedal, title="Avlyst møte", state=Event.State.CANCELLED),
        "draft": EventFactory(centre=heggedal, title="Utkast til møte", state=Event.State.DRAFT),
        "past": EventFactory(centre=heggedal, title="Gammelt møte", starts_at=now - timedelta(days=3),
                             ends_at=now - timedelta(days=3, hours=-2)),
    }


def paths(scene, staff):
    events = [scene[k] for k in ("full", "address", "cancelled", "past")] + ([scene["draft"]] if staff else [])
    found = ["/arrangementer/", "/arrangementer/?senter=heggedal", "/arrangementer/?senter=ukjent",
             "/arrangementer/tidligere/"] + [e.get_absolute_url() for e in events]
    if staff:
        full = scene["full"].pk
        found += ["/arrangementer/ny/", f"/arrangementer/{full}/endre/", f"/arrangementer/{full}/avlys/",
                  f"/arrangementer/{full}/deltakere/", f"/arrangementer/{scene['cancelled'].pk}/avlys/"]
    return found


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("role", [None, roles.RESIDENT, roles.PLANNER])
def test_every_event_page_speaks_one_language(client, scene, lang, role):
    if role == roles.RESIDENT:
        client.force_login(scene["kari"])
    elif role:
        client.force_login(UserFactory(username="per", role=role))
    problems = []
    for path in paths(scene, staff=role == roles.PLANNER):
        url = path if lang == "nb" else f"/en{path}"
        response = client.get(url)
        assert response.status_code in (200, 400), (url, response.status_code)
        problems += [f"{url}: {p}" for p in wrong_language(response.content.decode())]
    problems = list(dict.fromkeys(problems))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_form_with_errors_speaks_one_language(client, scene, lang):
    client.force_login(UserFactory(username="per", role=roles.PLANNER))
    response = client.post(("" if lang == "nb" else "/en") + "/arrangementer/ny/", {"title": "Møte", "capacity": "0"})
    assert response.status_code == 400
    assert not wrong_language(response.content.decode())
