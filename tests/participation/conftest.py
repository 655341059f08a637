import pytest

from asker import roles
from tests.factories import ConsultationFactory, UserFactory
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (shared fixtures)


@pytest.fixture
def consultation(world):
    return ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"],
                               title="Heggedal sentrum", slug="heggedal-sentrum")


@pytest.fixture
def resident(db):
    return UserFactory(username="kari", role=roles.RESIDENT)


@pytest.fixture
def moderator(db):
    return UserFactory(username="mod", role=roles.MODERATOR)


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client
