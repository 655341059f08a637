"""The test suite: PostGIS and Redis on localhost unless the environment says otherwise.

Two runs on one machine (or the workers of `pytest -n`) must not break each other, so each gets
its own test database, its own cache key prefix and its own Celery queue and control exchange.
A run is named by ASKER_TEST_RUN, set here once by the first process (the pytest main process)
and inherited by the xdist workers and the Celery workers the tests start.
"""

import os

os.environ.setdefault("DATABASE_URL", "postgis://postgres@127.0.0.1:5432/asker")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
TEST_RUN = os.environ.setdefault("ASKER_TEST_RUN", f"r{os.getpid()}")
# pytest-xdist names its workers gw0, gw1 ...; each needs its own database and keys.
TEST_WORKER = f"{TEST_RUN}{os.environ.get('PYTEST_XDIST_WORKER', '')}"

from .base import *  # noqa: E402,F403
from .base import CACHES, DATABASES, env  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
# A Celery worker a test starts (tests/celery_worker.py) is another process: it sends mail where
# EMAIL_URL says; the suite's own process keeps it in memory for the `mailoutbox` fixture.
IS_TEST_WORKER = os.environ.get("ASKER_CELERY_WORKER") == "1"
if not IS_TEST_WORKER:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
ALLOWED_HOSTS = ["*"]

# pytest-django adds the xdist worker's suffix to this name itself.
DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_{TEST_RUN}"}
CACHES["default"]["KEY_PREFIX"] = f"test-{TEST_WORKER}"
CELERY_TASK_DEFAULT_QUEUE = f"test-{TEST_WORKER}"
CELERY_CONTROL_EXCHANGE = f"test-{TEST_WORKER}"
CELERY_EVENT_EXCHANGE = f"test-{TEST_WORKER}-events"
# Tasks queued by a request run in that process, so a test sees their e-mail in the outbox at
# once; the tests that need a real worker start one (tests/conftest.py), which turns this off.
# A worker queues its retries: run at once inside the failing task, a retry would be dropped.
CELERY_TASK_ALWAYS_EAGER = not IS_TEST_WORKER
CELERY_TASK_EAGER_PROPAGATES = True
MAIL_MAX_RETRIES = env.int("MAIL_MAX_RETRIES", default=2)
