import pytest

from asker import roles
from tests.factories import UserFactory
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (shared fixtures)
from tests.stedskompasset.factories import RoundFactory


@pytest.fixture
def open_round(heggedal):
    return RoundFactory(centre=heggedal, title="Stedskompasset Heggedal 2026")


@pytest.fixture
def resident(db):
    return UserFactory(username="kari", role=roles.RESIDENT)


@pytest.fixture
def kari(client, resident):
    """The test client, signed in as the resident."""
    client.force_login(resident)
    return client


@pytest.fixture
def planner(db):
    return UserFactory(username="plan", role=roles.PLANNER)
