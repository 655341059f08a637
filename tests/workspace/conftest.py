import pytest

from asker import roles
from tests.factories import user_with_role
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (shared fixtures)


@pytest.fixture
def planner_client(client, db):
    client.force_login(user_with_role(roles.PLANNER))
    return client
