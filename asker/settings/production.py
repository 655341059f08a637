"""Production: everything from the environment, and refuse to start when it is unsafe.

No fallbacks here: without DATABASE_URL the base settings would use a SpatiaLite file inside the
container, and without REDIS_URL a broker in a local folder that no other container sees, so
web nodes and workers would each keep their own data and queue without a word.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CELERY_BROKER_URL, DATABASES, DEBUG, INSECURE_DEFAULT_SECRET, SECRET_KEY, env

if DEBUG:
    raise ImproperlyConfigured("Production settings refuse to run with DEBUG on.")
if not SECRET_KEY or SECRET_KEY == INSECURE_DEFAULT_SECRET or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value (at least 32 characters).")
_database_url = env.str("DATABASE_URL", default="")
if not _database_url:
    raise ImproperlyConfigured(
        "Set DATABASE_URL to the PostGIS database (postgis://user:password@host:5432/name); "
        "production settings do not fall back to SpatiaLite."
    )
if not DATABASES["default"]["ENGINE"].endswith(".postgis"):
    raise ImproperlyConfigured(
        "DATABASE_URL must name a PostGIS database (postgis://...) in production; "
        "SpatiaLite is for make run only."
    )
if not env.str("REDIS_URL", default=""):
    raise ImproperlyConfigured(
        "Set REDIS_URL (redis://host:6379/0) for the cache and the Celery broker; production "
        "settings do not fall back to the database cache and a broker in a local folder."
    )
if CELERY_BROKER_URL.startswith("filesystem://"):
    raise ImproperlyConfigured(
        "CELERY_BROKER_URL names a broker in a local folder, which other containers and machines "
        "cannot see; leave it unset to use REDIS_URL."
    )

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# No SECURE_PROXY_SSL_HEADER: Django would take X-Forwarded-Proto from any client that sends it.
# TLS ends at a reverse proxy; gunicorn sets the request's scheme from that header only for the
# addresses in FORWARDED_ALLOW_IPS (docker-compose.yml), and Django reads the scheme gunicorn set.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Container health checks ask over plain HTTP from inside; liveness is no secret.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=3600)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
