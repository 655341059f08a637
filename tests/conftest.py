import os

import pytest

# Sync Playwright runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _default_language():
    """Start in bokmål. A test-client request leaves its language active in the test thread
    (LocaleMiddleware activates it; nothing resets it), so a test on the same worker that fetched
    an /en/ page would otherwise make get_absolute_url() give English addresses."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


def _clear_own_cache_keys():
    """Empty this run's part of the cache. The Redis database is shared with other test runs
    and with the Celery broker, so FLUSHDB (what cache.clear() does on Redis) is not ours to call."""
    from django.core.cache import cache

    client = getattr(cache, "_cache", None)
    if cache.key_prefix and hasattr(client, "get_client"):
        redis = client.get_client(None, write=True)
        keys = list(redis.scan_iter(match=f"{cache.key_prefix}:*", count=1000))
        if keys:
            redis.delete(*keys)
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Each test starts with an empty cache."""
    _clear_own_cache_keys()
    yield


def pytest_sessionstart(session):
    """Drop the test databases that runs which no longer exist left behind (a killed run
    keeps its own; every run has a database of its own, named after its process)."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    import re

    from django.conf import settings

    db = settings.DATABASES["default"]
    if not db["ENGINE"].endswith("postgis"):
        return
    import psycopg

    base = re.escape(f"test_{db['NAME']}_r")
    try:
        conn = psycopg.connect(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"],
                               password=db["PASSWORD"] or None, dbname="postgres", autocommit=True,
                               connect_timeout=5)
    except psycopg.Error:
        return  # pytest-django reports an unreachable server itself
    with conn:
        names = [row[0] for row in conn.execute("SELECT datname FROM pg_database")]
        for name in names:
            match = re.fullmatch(base + r"(\d+)(_gw\d+)?", name)
            if match and not _alive(int(match.group(1))):
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@pytest.fixture
def celery_worker_process(django_db_setup, django_db_blocker):
    """A real Celery worker in its own process, on the test broker and the test database."""
    from tests.celery_worker import celery_worker

    with celery_worker() as (proc, _log):
        yield proc
