import os

import pytest

# Sync Playwright runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Each test starts with an empty cache (the test Redis database is shared)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def celery_worker_process(django_db_setup, django_db_blocker):
    """A real Celery worker in its own process, on the test broker and the test database."""
    import subprocess
    import sys
    import time
    from pathlib import Path

    from django.conf import settings

    from asker.celery import app

    db = settings.DATABASES["default"]
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="asker.settings.test",
        DATABASE_URL=f"postgis://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        REDIS_URL=settings.REDIS_URL,
    )
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "asker", "worker", "--pool", "solo",
         "--loglevel", "WARNING", "--without-gossip", "--without-mingle",
         "--hostname", f"test-{os.getpid()}@%h"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("Celery worker died: " + proc.stderr.read().decode()[-2000:])
        if app.control.ping(timeout=0.5):
            break
    else:
        proc.kill()
        raise RuntimeError("Celery worker did not answer within 30 s")
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
