"""Settings shared by every environment; everything that differs comes from the environment.

Environment variables (all optional in development):
DATABASE_URL (postgis://... or spatialite:///path), REDIS_URL, SECRET_KEY, DEBUG,
ALLOWED_HOSTS, BASEMAP_URL, BASEMAP_ATTRIBUTION, EMAIL_URL, DEFAULT_FROM_EMAIL,
TRUSTED_PROXY_COUNT, SITE_URL.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(environ.Env().str("VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

# Used only where DEBUG is on; production.py refuses to start with it.
INSECURE_DEFAULT_SECRET = "insecure-development-key-do-not-use-in-production"
SECRET_KEY = env.str("SECRET_KEY", default=INSECURE_DEFAULT_SECRET)
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "leaflet",
    "django_filters",
    "django_celery_results",
    "django_celery_beat",
    "simple_history",
    "axes",
    "csp",
    "asker",
    "places",
    "participation",
    "workspace",
    "accounts",
    "about",
    "community",
    "events",
    "stedskompasset",
    "volunteering",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After whitenoise: static files need no policy. Makes request.csp_nonce.
    "csp.middleware.CSPMiddleware",
    # A cookie with a control character is dropped before the session (or anything) reads it.
    "asker.middleware.DropControlCharacterCookiesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before the body limit: the large limits are for the users allowed to upload.
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A body larger than this user may send here: 413 in the visitor's language (so after
    # LocaleMiddleware), before anything reads request.POST (asker/uploads.py).
    "asker.uploads.RequestBodyLimitMiddleware",
    # A NUL byte anywhere in the path, the query or a form: 400, before a view or query runs.
    "asker.middleware.RefuseControlCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Cache-Control: private for signed-in users, Permissions-Policy, the nonce for form widgets.
    "asker.headers.SecurityHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the history of projects, phases and plans.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Turns a sign-in that django-axes refused into the lockout page (429); must come last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "asker.urls"
# Django's own form renderer, passing the CSP nonce to map widgets (asker/headers.py).
FORM_RENDERER = "asker.headers.FormRenderer"
WSGI_APPLICATION = "asker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "asker.context_processors.site",
            ],
        },
    },
]

# postgis://user:pass@host/db or spatialite:///absolute/path.sqlite3
# An empty DATABASE_URL counts as unset (production.py refuses both).
DATABASES = {
    "default": env.db_url_config(
        env.str("DATABASE_URL", default="") or f"spatialite:///{VAR_DIR / 'asker.sqlite3'}"
    )
}
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("postgis"):
    # Reuse connections, but check them first so a restarted PostgreSQL is survived.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    # A database that does not answer fails a request (and /healthz) in seconds, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )
SPATIALITE_LIBRARY_PATH = "mod_spatialite"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    # Without Redis the database holds the cache, so web processes stay stateless.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "asker_cache",
        }
    }
# Sessions live in the database only: Django's cached_db backend fails when Redis is down,
# and signing in and commenting must survive that.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses sign-ins from a username and IP that failed too often.
    "accounts.backends.AxesBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "places:home"

# Throttled sign-in (django-axes): 5 failures for one username from one IP address lock that
# pair out for 15 minutes; the lockout page says so in the visitor's language, with HTTP 429.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
# Failures are kept (until the cool-off ends); successful sign-ins are not logged with IP addresses.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False  # no banner on every command; log lines name only username and IP
# The client's address for the throttle and rate limits: REMOTE_ADDR, or behind this many reverse
# proxies (a TLS terminator, a load balancer) the address in X-Forwarded-For they vouch for.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "accounts.ip.client_ip"
# A new registration must be confirmed from the e-mail within this many seconds.
ACCOUNTS_ACTIVATION_TIMEOUT = 3 * 24 * 3600
# (requests, seconds) per IP address for the forms that send e-mail to an address typed in.
ACCOUNTS_RATE_LIMITS = {"register": (10, 3600), "password_reset": (10, 3600)}

# Norwegian bokmål first: unprefixed paths are bokmål, English lives under /en/.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian Bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
# Dates, times and numbers per language (asker/formats/<lang>/formats.py). Numbers are grouped
# where a template asks for it (intcomma, floatformat:"1g", the numbers filters), not globally:
# years, identifiers and coordinates must never become "2 026".
FORMAT_MODULE_PATH = ["asker.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Asker planportal <ikke-svar@asker.example>")

# Celery: Redis where configured; otherwise a broker that needs no server (files under var/).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "filesystem://localhost//")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _queue_dir = VAR_DIR / "celery-queue"
    _control_dir = VAR_DIR / "celery-control"
    for _folder in (_queue_dir, _control_dir):  # kombu does not create them
        _folder.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "control_folder": str(_control_dir),
    }
CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Tasks that live outside an app's tasks.py.
CELERY_IMPORTS = ["asker.mail"]
# E-mail goes out through asker.mail.deliver, retried while the mail server fails: pauses of
# 30 s, 60 s, 120 s … up to an hour, for about a day.
MAIL_RETRY_BACKOFF = env.int("MAIL_RETRY_BACKOFF", default=30)
MAIL_RETRY_BACKOFF_MAX = env.int("MAIL_RETRY_BACKOFF_MAX", default=3600)
MAIL_MAX_RETRIES = env.int("MAIL_MAX_RETRIES", default=30)

# Base map: Kartverket's open topographic cache (note {y}/{x}); pages work without it.
BASEMAP_URL = env.str(
    "BASEMAP_URL",
    default="https://cache.kartverket.no/v1/wmts/1.0.0/topo/default/webmercator/{z}/{y}/{x}.png",
)
BASEMAP_ATTRIBUTION = env.str("BASEMAP_ATTRIBUTION", default="© Kartverket")
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (59.75, 10.45),
    "DEFAULT_ZOOM": 10,
    "MIN_ZOOM": 5,
    "MAX_ZOOM": 18,
    "TILES": [("Kartverket topo", BASEMAP_URL, {"attribution": BASEMAP_ATTRIBUTION})]
    if BASEMAP_URL
    else [],
    "RESET_VIEW": False,
    "NO_GLOBALS": False,
}


def _tile_source(url):
    """The CSP source for a tile URL template: its scheme and host, a `{s}` subdomain as `*.`."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None  # relative: served from our own origin
    first, dot, rest = parts.netloc.partition(".")
    if "{" in rest:
        return f"{parts.scheme}:"  # CSP allows a wildcard only as the leftmost label
    return f"{parts.scheme}://{'*' if '{' in first else first}{dot}{rest}"


# Content Security Policy (django-csp): no inline script or style; an inline script that cannot
# be avoided (django-leaflet's widget) carries the request's nonce. Base map tiles are images
# from BASEMAP_URL's host; data: because Leaflet stops a tile download it no longer needs by
# pointing the image at an empty data: GIF (an image cannot run anything).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *filter(None, [_tile_source(BASEMAP_URL)])],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# No page here uses these; a script that got in could not either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
        "microphone", "midi", "payment", "usb",
    )
}
# Links to other sites do not tell them which page (a planner's, a project's) the visitor was on.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Geometries must lie inside the municipality; the demo boundary is a simplified coastline.
PLACES_BOUNDARY_TOLERANCE_M = env.int("PLACES_BOUNDARY_TOLERANCE_M", default=500)
# Uploads: map files for project areas, and PDF plan documents.
GEOMETRY_UPLOAD_MAX_BYTES = env.int("GEOMETRY_UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
PLAN_DOCUMENT_MAX_BYTES = env.int("PLAN_DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
# A request body larger than its endpoint allows is answered 413 before any of it is read, so a
# huge upload never reaches memory or disk: the map-file and plan-document uploads take their
# file limits above (plus the form around the file), the admin several plan documents at once,
# and every other request form fields only (Django's limit for form data, its default).
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
ADMIN_REQUEST_BODY_MAX_BYTES = env.int("ADMIN_REQUEST_BODY_MAX_BYTES", default=5 * PLAN_DOCUMENT_MAX_BYTES)
# A plan document must open in pypdf, run in a separate process that gets this many seconds.
PLAN_DOCUMENT_CHECK_SECONDS = env.int("PLAN_DOCUMENT_CHECK_SECONDS", default=15)
# The portal's own address, for links in e-mails; `make run` sets it to the address it serves.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Comments: length, flags that hide a comment until a moderator decides, and rate limits
# as (seconds, comments) per user.
COMMENT_MAX_LENGTH = env.int("COMMENT_MAX_LENGTH", default=2000)
COMMENT_FLAG_THRESHOLD = env.int("COMMENT_FLAG_THRESHOLD", default=3)
COMMENT_RATE_LIMITS = [(60, env.int("COMMENTS_PER_MINUTE", default=5)), (3600, env.int("COMMENTS_PER_HOUR", default=30))]
# At most this many features in one map-data response (the client asks again when zooming).
MAP_MAX_FEATURES = 2000

SILENCED_SYSTEM_CHECKS = [
    "gis.W001",  # Debian 12's GDAL 3.6 is older than Django 5.2 would like.
    # SQLite (make run) cannot defer a unique constraint, so phase numbers are checked there by
    # the shared phase formset alone; PostGIS defers it, so two phases can swap numbers.
    "models.W038",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Django's default config gives its logger a handler of its own: print each line once.
    "loggers": {"django": {"handlers": [], "propagate": True}},
}
