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


@pytest.mark.parametrize("debug", ["true", "1", "on"])
def test_production_refuses_debug(debug):
    result = load_settings("asker.settings.production", SECRET_KEY=GOOD_SECRET, DEBUG=debug)
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
    result = load_settings("asker.settings.production", **env)
    assert_refused(result, "Set SECRET_KEY to a long random value")


def test_production_starts_with_a_good_secret_and_debug_off():
    values = settings_of(
        "asker.settings.production",
        SECRET_KEY=GOOD_SECRET,
        DATABASE_URL="postgis://asker:pw@postgis:5432/asker",
        REDIS_URL="redis://redis:6379/0",
    )
    assert values["DEBUG"] is False
    assert values["ENGINE"] == "django.contrib.gis.db.backends.postgis"
    assert values["CACHE"] == "django.core.cache.backends.redis.RedisCache"
    assert values["BROKER"] == "redis://redis:6379/0"


def test_production_accepts_exactly_32_characters():
    values = settings_of("asker.settings.production", SECRET_KEY="s" * 32)
    assert values["DEBUG"] is False


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
