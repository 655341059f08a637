import pytest

from accounts.models import Registration
from asker import roles
from tests.factories import UserFactory


@pytest.fixture
def resident(db):
    return UserFactory(username="kari", email="kari@example.org", first_name="Kari",
                       last_name="Nordmann", role=roles.RESIDENT)


@pytest.fixture
def pending_user(db):
    """Registered, not yet activated: inactive, with a pending Registration."""
    user = UserFactory(username="ola", email="ola@example.org", is_active=False)
    Registration.objects.create(user=user)
    return user
