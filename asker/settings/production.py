"""Production: everything from the environment, and refuse to start when it is unsafe."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEBUG, INSECURE_DEFAULT_SECRET, SECRET_KEY, env

if DEBUG:
    raise ImproperlyConfigured("Production settings refuse to run with DEBUG on.")
if not SECRET_KEY or SECRET_KEY == INSECURE_DEFAULT_SECRET or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("Set SECRET_KEY to a long random value (at least 32 characters).")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=3600)
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
