"""Settings for a Celery worker that sends its e-mail over real SMTP to 127.0.0.1, on the port
in ASKER_TEST_SMTP_PORT, and retries within seconds (the test suite's own settings keep mail in
memory, which a separate worker process cannot share)."""

import os

from asker.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["ASKER_TEST_SMTP_PORT"])
EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
EMAIL_USE_TLS = EMAIL_USE_SSL = False
EMAIL_TIMEOUT = 5
MAIL_RETRY_BACKOFF = 1
MAIL_RETRY_BACKOFF_MAX = 2
MAIL_MAX_RETRIES = 60
# The suite runs tasks eagerly in its own process; a worker must queue its retries, or a retry
# runs at once inside the failing task and is then dropped.
CELERY_TASK_ALWAYS_EAGER = False
