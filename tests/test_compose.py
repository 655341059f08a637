"""docker-compose.yml and the Dockerfile describe production, checked without a Docker engine.

`docker-compose config` (Debian's docker-compose 1.29) parses, interpolates and validates the
file on its own. The Dockerfile cannot be built here, so its Django steps are run against the
source instead.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = shutil.which("docker-compose")
GOOD_SECRET = "compose-test-" + "s" * 40

needs_compose = pytest.mark.skipif(
    COMPOSE is None, reason="docker-compose is not installed (make test installs it: apt-get install docker-compose)"
)


def compose(*args, env=None, tmp_path):
    # An empty --env-file, so a developer's .env cannot satisfy SECRET_KEY behind our back.
    env_file = tmp_path / "empty.env"
    env_file.write_text("")
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"}}
    clean.update(env or {})
    return subprocess.run(
        [COMPOSE, "--env-file", str(env_file), "--file", str(ROOT / "docker-compose.yml"), *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def parse_yaml(text):
    """docker-compose prints YAML; its own interpreter has PyYAML, which our venv need not."""
    interpreter = Path(COMPOSE).read_text(errors="replace").splitlines()[0].removeprefix("#!").split()
    result = subprocess.run(
        [*interpreter, "-c", "import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


@pytest.fixture
def config(tmp_path):
    result = compose("config", env={"SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "plan.asker.example"}, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    return parse_yaml(result.stdout)


def command_of(service):
    command = service["command"]
    return command if isinstance(command, str) else " ".join(command)


@needs_compose
def test_five_services(config):
    assert set(config["services"]) == {"postgis", "redis", "web", "worker", "beat"}
    assert config["services"]["postgis"]["image"].startswith("postgis/postgis:")
    assert config["services"]["redis"]["image"].startswith("redis:")


@needs_compose
def test_web_runs_gunicorn_with_production_settings(config):
    web = config["services"]["web"]
    assert re.search(r"\bgunicorn asker\.wsgi(:application)?\b", command_of(web))
    assert web["environment"]["DJANGO_SETTINGS_MODULE"] == "asker.settings.production"
    assert web["ports"], "web publishes its port"


@needs_compose
def test_worker_and_beat_run_celery_with_production_settings(config):
    worker, beat = config["services"]["worker"], config["services"]["beat"]
    assert re.search(r"\bcelery -A asker worker\b", command_of(worker))
    assert re.search(r"\bcelery -A asker beat\b", command_of(beat))
    assert "django_celery_beat.schedulers:DatabaseScheduler" in command_of(beat)
    for service in (worker, beat):
        assert service["environment"]["DJANGO_SETTINGS_MODULE"] == "asker.settings.production"


@needs_compose
def test_settings_come_from_the_environment(config):
    for name in ("web", "worker", "beat"):
        env = config["services"][name]["environment"]
        assert env["SECRET_KEY"] == GOOD_SECRET
        assert env["ALLOWED_HOSTS"] == "plan.asker.example"
        assert env["DATABASE_URL"].startswith("postgis://")
        assert env["DATABASE_URL"].endswith("@postgis:5432/asker")
        assert env["REDIS_URL"].startswith("redis://redis:6379/")
        assert {"postgis", "redis"} <= set(config["services"][name]["depends_on"])


@needs_compose
def test_database_and_redis_urls_can_point_elsewhere(tmp_path):
    result = compose(
        "config",
        env={
            "SECRET_KEY": GOOD_SECRET,
            "DATABASE_URL": "postgis://asker:pw@db.internal:5432/asker",
            "REDIS_URL": "redis://cache.internal:6379/2",
        },
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    env = parse_yaml(result.stdout)["services"]["worker"]["environment"]
    assert env["DATABASE_URL"] == "postgis://asker:pw@db.internal:5432/asker"
    assert env["REDIS_URL"] == "redis://cache.internal:6379/2"


@needs_compose
def test_secret_key_is_required(tmp_path):
    result = compose("config", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_dockerfile_builds_the_production_image_from_requirements():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim-bookworm\s*$", dockerfile, re.M)
    assert re.search(r"pip install -r requirements\.txt", dockerfile)
    assert "DJANGO_SETTINGS_MODULE=asker.settings.production" in dockerfile
    for lib in ("libgdal", "libgeos-c", "libproj"):
        assert lib in dockerfile
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", "var", ".git", ".env"} <= set(ignored)


@pytest.mark.slow
def test_dockerfile_collectstatic_step_works_with_production_settings(tmp_path):
    """The image's collectstatic runs with production settings and a build-time secret."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    match = re.search(r"SECRET_KEY=(\S+) python manage\.py collectstatic", dockerfile)
    assert match, "the Dockerfile runs collectstatic with a build-time SECRET_KEY"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY"}}
    env.update(
        DJANGO_SETTINGS_MODULE="asker.settings.production",
        SECRET_KEY=match.group(1),
        VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "staticfiles" / "admin" / "css" / "base.css").exists()
