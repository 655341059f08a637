"""A resident's sign-ups are part of their "my data" export (asker.personaldata), and no one
else's are."""

import pytest

from events import services
from events.mydata import export_user_data
from participation.data import export_user_data as portal_export
from tests.events.factories import EventFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_my_sign_ups_and_waiting_places_are_exported(event, resident, heggedal):
    full = EventFactory(title="Lene-timen", centre=heggedal, capacity=1)
    services.sign_up(full, UserFactory(username="ola"))
    services.sign_up(event, resident)
    services.sign_up(full, resident)
    exported = export_user_data(resident)
    assert [(e["event"]["title"], e["state"]) for e in exported] == [
        ("Folkemøte om Heggedal torg", "confirmed"), ("Lene-timen", "waiting")]
    assert portal_export(resident)["events"] == exported
    assert "ola" not in str(exported)
