import socket

import pytest

from asker import roles
from tests.celery_worker import celery_worker
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
def kari(client, resident):
    """The test client, signed in as the resident."""
    client.force_login(resident)
    return client


@pytest.fixture
def moderator(db):
    return UserFactory(username="mod", role=roles.MODERATOR)


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_mail_worker(django_db_setup):
    """A real Celery worker whose e-mail goes over SMTP to a free port on 127.0.0.1 where
    nothing listens yet, retrying within seconds. Yields (port, log); the test starts a mail
    server on the port when it wants the mail to arrive."""
    port = free_port()
    with celery_worker("smtp-test", EMAIL_URL=f"smtp://127.0.0.1:{port}",
                       MAIL_RETRY_BACKOFF=1, MAIL_RETRY_BACKOFF_MAX=2, MAIL_MAX_RETRIES=60) as (_proc, log):
        yield port, log
