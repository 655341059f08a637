import pytest

from accounts.models import Registration
from asker import roles
from tests.accounts.helpers import SITE_URL
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL + "/"  # the trailing slash must not double


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


@pytest.fixture
def eager_retries():
    """Tasks still run in the test's own process, but a task that asks to be retried runs again
    at once, as a worker would after its pause, instead of raising in the request."""
    from django.conf import settings

    from asker.celery import app

    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = settings.CELERY_TASK_EAGER_PROPAGATES
