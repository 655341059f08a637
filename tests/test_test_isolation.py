"""Two test runs on one machine, or the workers of `pytest -n`, keep out of each other's way:
each has its own test database, cache keys, Celery queue and control exchange."""

import json
import os
import subprocess
import sys
from pathlib import Path

import redis
from django.conf import settings
from django.core.cache import cache

from tests.conftest import _clear_own_cache_keys

ROOT = Path(__file__).resolve().parent.parent
PRINT = """
import json
from django.conf import settings
print(json.dumps({
    "db": settings.DATABASES["default"]["TEST"]["NAME"],
    "prefix": settings.CACHES["default"]["KEY_PREFIX"],
    "queue": settings.CELERY_TASK_DEFAULT_QUEUE,
    "control": settings.CELERY_CONTROL_EXCHANGE,
}))
"""


def _names(run=None, worker=None):
    env = {k: v for k, v in os.environ.items() if k not in ("ASKER_TEST_RUN", "PYTEST_XDIST_WORKER")}
    env["DJANGO_SETTINGS_MODULE"] = "asker.settings.test"
    if run:
        env["ASKER_TEST_RUN"] = run
    if worker:
        env["PYTEST_XDIST_WORKER"] = worker
    result = subprocess.run([sys.executable, "-c", PRINT], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_two_runs_and_two_workers_use_different_names():
    first, second = _names(), _names()  # two processes, as two `make test` at once
    worker_0, worker_1 = _names("r42", "gw0"), _names("r42", "gw1")
    for key in ("db", "prefix", "queue", "control"):
        assert first[key] != second[key]
        assert worker_0[key] != worker_1[key] or key == "db"  # pytest-django suffixes the database
    assert worker_0["db"] == "test_asker_r42" or worker_0["db"].endswith("_r42")


def test_this_run_empties_only_its_own_cache_keys():
    other = redis.Redis.from_url(settings.REDIS_URL)
    other.set("another-run:1:some-key", "kept", ex=60)
    cache.set("mine", "gone")
    try:
        _clear_own_cache_keys()
        assert cache.get("mine") is None
        assert other.get("another-run:1:some-key") == b"kept"
    finally:
        other.delete("another-run:1:some-key")
