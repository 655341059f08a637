import pytest

from asker import roles
from tests.events.factories import EventFactory, InnbyggertorgFactory
from tests.factories import UserFactory
from tests.places.conftest import asker, heggedal, sentrum  # noqa: F401  (shared fixtures)



@pytest.fixture
def torg(heggedal):
    return InnbyggertorgFactory(name="Heggedal innbyggertorg", slug="heggedal-innbyggertorg", centre=heggedal,
                                address="Heggedalsveien 1")


@pytest.fixture
def event(heggedal):
    return EventFactory(title="Folkemøte om Heggedal torg", centre=heggedal)


@pytest.fixture
def resident(db):
    return UserFactory(username="kari", role=roles.RESIDENT)


@pytest.fixture
def planner(db):
    return UserFactory(username="plan", role=roles.PLANNER)


@pytest.fixture
def kari(client, resident):
    client.force_login(resident)
    return client


@pytest.fixture
def planner_client(client, planner):
    client.force_login(planner)
    return client
