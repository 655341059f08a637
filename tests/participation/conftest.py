import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

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


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WorkerLog:
    """The lines a worker process writes to stderr, read as they come."""

    def __init__(self, stream):
        self.lines = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream):
        for line in iter(stream.readline, b""):
            self.lines.append(line.decode(errors="replace"))

    def wait_for(self, text, count, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if sum(text in line for line in self.lines) >= count:
                return
            time.sleep(0.2)
        raise AssertionError(f"{count} × {text!r} not in the worker's log:\n" + "".join(self.lines[-40:]))


@pytest.fixture
def smtp_mail_worker(django_db_setup):
    """A real Celery worker, as tests/conftest.py's celery_worker_process starts it, whose
    e-mail goes over SMTP to a free port on 127.0.0.1 where nothing listens yet. Yields
    (port, log); the test starts a mail server on the port when it wants the mail to arrive.

    Its own fixture because the worker needs settings of its own (smtp_worker_settings.py):
    the suite's settings keep e-mail in memory."""
    from django.conf import settings

    from asker.celery import app

    port = free_port()
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.participation.smtp_worker_settings",
        DATABASE_URL=f"postgis://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        REDIS_URL=settings.REDIS_URL,
        ASKER_TEST_RUN=settings.TEST_WORKER if os.environ.get("PYTEST_XDIST_WORKER") else settings.TEST_RUN,
        ASKER_TEST_SMTP_PORT=str(port),
    )
    env.pop("PYTEST_XDIST_WORKER", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "asker", "worker", "--pool", "solo", "--loglevel", "WARNING",
         "--without-gossip", "--without-mingle", "--hostname", f"smtp-test-{os.getpid()}@%h"],
        cwd=Path(__file__).resolve().parents[2], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    log = WorkerLog(proc.stderr)
    app.conf.task_always_eager = False
    try:
        deadline = time.monotonic() + 30
        while not app.control.ping(timeout=0.5):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("The Celery worker did not start:\n" + "".join(log.lines[-40:]))
        yield port, log
    finally:
        app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
