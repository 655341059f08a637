"""Settings come from the environment, and production refuses to start when that is unsafe.

Each case imports the settings in a fresh interpreter: they are read once per process, and
the suite itself runs on asker.settings.test.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_SECRET = "k3v9-" + "x" * 45  # long enough, and not the development default

# Variables the settings read; each case starts without them so the machine's shell can't leak in.
SETTINGS_VARS = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "EMAIL_URL",
    "VAR_DIR",
    "SITE_URL",
)

PRINT_SETTINGS = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ENGINE": db["ENGINE"],
    "NAME": str(db["NAME"]),
    "HOST": db.get("HOST", ""),
    "PORT": str(db.get("PORT", "")),
    "USER": db.get("USER", ""),
    "CACHE": settings.CACHES["default"]["BACKEND"],
    "BROKER": settings.CELERY_BROKER_URL,
}))
"""


def load_settings(module, **env):
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARS}
    clean.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_of(module, **env):
    import json

    result = load_settings(module, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_refused(result, message):
    assert result.returncode != 0, result.stdout
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr
    assert message in result.stderr


# What docker-compose.yml gives the production containers.
SERVICES = {"DATABASE_URL": "postgis://asker:pw@postgis:5432/asker", "REDIS_URL": "redis://redis:6379/0"}


@pytest.mark.parametrize("debug", ["true", "1", "on"])
def test_production_refuses_debug(debug):
    result = load_settings("asker.settings.production", SECRET_KEY=GOOD_SECRET, DEBUG=debug, **SERVICES)
    assert_refused(result, "refuse to run with DEBUG on")


@pytest.mark.parametrize(
    "secret",
    [
        None,  # not set: falls back to the development default
        "insecure-development-key-do-not-use-in-production",
        "",
        "too-short-31-characters-long-xx",
    ],
    ids=["unset", "development-default", "empty", "31-characters"],
)
def test_production_refuses_missing_default_or_short_secret(secret):
    env = {} if secret is None else {"SECRET_KEY": secret}
    result = load_settings("asker.settings.production", **env, **SERVICES)
    assert_refused(result, "Set SECRET_KEY to a long random value")


def test_production_starts_with_a_good_secret_and_debug_off():
    values = settings_of("asker.settings.production", SECRET_KEY=GOOD_SECRET, **SERVICES)
    assert values["DEBUG"] is False
    assert values["ENGINE"] == "django.contrib.gis.db.backends.postgis"
    assert values["CACHE"] == "django.core.cache.backends.redis.RedisCache"
    assert values["BROKER"] == "redis://redis:6379/0"


def test_production_accepts_exactly_32_characters():
    values = settings_of("asker.settings.production", SECRET_KEY="s" * 32, **SERVICES)
    assert values["DEBUG"] is False


@pytest.mark.parametrize("value", [None, ""], ids=["unset", "empty"])
def test_production_refuses_to_start_without_database_url(value):
    """No quiet SpatiaLite file inside each container."""
    env = {"SECRET_KEY": GOOD_SECRET, "REDIS_URL": SERVICES["REDIS_URL"]}
    if value is not None:
        env["DATABASE_URL"] = value
    assert_refused(load_settings("asker.settings.production", **env), "Set DATABASE_URL to the PostGIS database")


def test_production_refuses_spatialite(tmp_path):
    result = load_settings(
        "asker.settings.production", SECRET_KEY=GOOD_SECRET, REDIS_URL=SERVICES["REDIS_URL"],
        DATABASE_URL=f"spatialite:///{tmp_path / 'x.sqlite3'}",
    )
    assert_refused(result, "DATABASE_URL must name a PostGIS database")


@pytest.mark.parametrize("value", [None, ""], ids=["unset", "empty"])
def test_production_refuses_to_start_without_redis_url(value):
    """No database cache and no broker in a folder that other containers cannot see."""
    env = {"SECRET_KEY": GOOD_SECRET, "DATABASE_URL": SERVICES["DATABASE_URL"]}
    if value is not None:
        env["REDIS_URL"] = value
    assert_refused(load_settings("asker.settings.production", **env), "Set REDIS_URL")


def test_production_refuses_a_folder_broker():
    result = load_settings(
        "asker.settings.production", SECRET_KEY=GOOD_SECRET, **SERVICES, CELERY_BROKER_URL="filesystem://localhost//"
    )
    assert_refused(result, "CELERY_BROKER_URL names a broker in a local folder")


def test_production_does_not_take_the_scheme_from_a_client_header():
    """X-Forwarded-Proto is gunicorn's to judge (FORWARDED_ALLOW_IPS); Django reading it itself
    would believe any client that sends it."""
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(repr(settings.SECURE_PROXY_SSL_HEADER))"],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k not in SETTINGS_VARS},
             "DJANGO_SETTINGS_MODULE": "asker.settings.production", "SECRET_KEY": GOOD_SECRET, **SERVICES},
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None"


def test_spatialite_url_selects_spatialite(tmp_path):
    path = tmp_path / "x.sqlite3"
    values = settings_of("asker.settings.dev", DATABASE_URL=f"spatialite:///{path}")
    assert values["ENGINE"] == "django.contrib.gis.db.backends.spatialite"
    assert values["NAME"] == str(path)


def test_postgis_url_selects_postgis():
    values = settings_of(
        "asker.settings.dev", DATABASE_URL="postgis://planner:secret@db.example:6543/asker_prod"
    )
    assert values["ENGINE"] == "django.contrib.gis.db.backends.postgis"
    assert (values["HOST"], values["PORT"], values["USER"], values["NAME"]) == (
        "db.example",
        "6543",
        "planner",
        "asker_prod",
    )


def test_dev_defaults_to_spatialite_under_var_dir_with_db_cache_and_file_broker(tmp_path):
    """What `make run` gets with nothing configured: no server needed at all."""
    values = settings_of("asker.settings.dev", VAR_DIR=str(tmp_path))
    assert values["DEBUG"] is True
    assert values["ENGINE"] == "django.contrib.gis.db.backends.spatialite"
    assert values["NAME"] == str(tmp_path / "asker.sqlite3")
    assert values["CACHE"] == "django.core.cache.backends.db.DatabaseCache"
    assert values["BROKER"].startswith("filesystem://")


@pytest.mark.parametrize(
    "basemap_url, source",
    [
        (None, "https://cache.kartverket.no"),  # the default
        ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"),
        ("https://tiles.example.org:8443/topo/{z}/{x}/{y}.png", "https://tiles.example.org:8443"),
        ("/static/tiles/{z}/{x}/{y}.png", None),  # our own origin: 'self' covers it
        ("", None),  # no base map
    ],
    ids=["default", "subdomains", "port", "relative", "none"],
)
def test_base_map_tiles_are_allowed_as_images_and_nothing_else(basemap_url, source):
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARS + ("BASEMAP_URL",)}
    env["DJANGO_SETTINGS_MODULE"] = "asker.settings.dev"
    if basemap_url is not None:
        env["BASEMAP_URL"] = basemap_url
    result = subprocess.run(
        [sys.executable, "-c", "import json; from django.conf import settings; "
         "print(json.dumps(settings.CONTENT_SECURITY_POLICY['DIRECTIVES'], default=repr))"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    import json

    directives = json.loads(result.stdout)
    assert directives["img-src"] == ["'self'", "data:"] + ([source] if source else [])
    assert directives["default-src"] == directives["connect-src"] == ["'self'"]
