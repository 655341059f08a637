"""docker-compose.yml and the Dockerfile describe production, checked without a Docker engine.

`docker-compose config` (Debian's docker-compose 1.29) parses, interpolates and validates the
file on its own. The Dockerfile cannot be built here, so its Django steps are run against the
source instead.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = shutil.which("docker-compose")
GOOD_SECRET = "compose-test-" + "s" * 40

needs_compose = pytest.mark.skipif(
    COMPOSE is None, reason="docker-compose is not installed (make test installs it: apt-get install docker-compose)"
)


# Variables docker-compose.yml reads; a developer's shell must not fill them in behind our back.
COMPOSE_VARS = {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", "FORWARDED_ALLOW_IPS", "WEB_BIND", "WEB_PORT",
                "WEB_CONCURRENCY"}


def compose(*args, env=None, tmp_path):
    # An empty --env-file, so a developer's .env cannot satisfy SECRET_KEY behind our back.
    env_file = tmp_path / "empty.env"
    env_file.write_text("")
    clean = {k: v for k, v in os.environ.items() if k not in COMPOSE_VARS}
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


@needs_compose
def test_no_client_can_claim_https_through_x_forwarded_proto(config):
    """gunicorn believes X-Forwarded-Proto only from FORWARDED_ALLOW_IPS: by default nothing
    outside the container, never '*'; and the port is published on the host's loopback only."""
    web = config["services"]["web"]
    assert "forwarded-allow-ips" not in command_of(web)
    assert web["environment"]["FORWARDED_ALLOW_IPS"] == "127.0.0.1"
    assert [str(p).split(":")[0] for p in web["ports"]] == ["127.0.0.1"]


@needs_compose
def test_the_proxy_address_and_the_bind_address_come_from_the_environment(tmp_path):
    result = compose(
        "config",
        env={"SECRET_KEY": GOOD_SECRET, "FORWARDED_ALLOW_IPS": "172.18.0.1", "WEB_BIND": "0.0.0.0", "WEB_PORT": "8080"},
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    web = parse_yaml(result.stdout)["services"]["web"]
    assert web["environment"]["FORWARDED_ALLOW_IPS"] == "172.18.0.1"
    assert str(web["ports"][0]).startswith("0.0.0.0:8080:8000")


@needs_compose
def test_health_checks_use_liveness_not_the_workers(config):
    web, worker = config["services"]["web"], config["services"]["worker"]
    web_check = " ".join(web["healthcheck"]["test"])
    assert "/healthz'" in web_check and "/healthz/detail" not in web_check
    worker_check = " ".join(worker["healthcheck"]["test"])
    # Each worker pings itself ($$ is how the file, and config, write the $ of the container shell).
    assert "inspect ping --destination celery@$$HOSTNAME" in worker_check


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url, headers):
    """GET without following redirects: (status, Location)."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=30) as response:
            return response.status, response.headers.get("Location")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location")


@contextmanager
def compose_web(tmp_path, forwarded_allow_ips):
    """The web service as docker-compose.yml runs it (its command and environment), with
    gunicorn on a free port of this machine and the test database and Redis in place of the
    bundled services."""
    from django.conf import settings

    result = compose(
        "config",
        env={"SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "plan.asker.example",
             "FORWARDED_ALLOW_IPS": forwarded_allow_ips, "WEB_CONCURRENCY": "1"},
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    web = parse_yaml(result.stdout)["services"]["web"]
    port = _free_port()
    command = [part.replace("0.0.0.0:8000", f"127.0.0.1:{port}") for part in web["command"]]
    db = settings.DATABASES["default"]
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update({k: str(v) for k, v in web["environment"].items() if v is not None})
    env.update(
        DATABASE_URL=f"postgis://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        REDIS_URL=settings.REDIS_URL,
        VAR_DIR=str(tmp_path),
        PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    )
    log = tmp_path / "web.log"
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert proc.poll() is None, log.read_text()[-3000:]
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start:\n" + log.read_text()[-3000:])
        yield f"http://127.0.0.1:{port}", web, env
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)


@needs_compose
@pytest.mark.slow
@pytest.mark.django_db
def test_the_web_service_ignores_x_forwarded_proto_from_an_untrusted_client(tmp_path):
    # The proxy is elsewhere: this test's requests come from 127.0.0.1, which it is not.
    with compose_web(tmp_path, forwarded_allow_ips="10.9.9.9") as (url, _web, _env):
        status, location = _get(url + "/", {"Host": "plan.asker.example", "X-Forwarded-Proto": "https"})
    assert status == 301, "a client claimed https and was believed"
    assert location == "https://plan.asker.example/"


@needs_compose
@pytest.mark.slow
@pytest.mark.django_db
def test_the_web_service_believes_its_proxy_and_its_health_check_passes(tmp_path):
    with compose_web(tmp_path, forwarded_allow_ips="127.0.0.1") as (url, web, env):
        status, _location = _get(url + "/", {"Host": "plan.asker.example", "X-Forwarded-Proto": "https"})
        assert status == 200
        # Without the header the same proxy says plain http: redirected.
        assert _get(url + "/", {"Host": "plan.asker.example"})[0] == 301
        # The container's own health check, as written in the file, against this server.
        check = [part.replace("127.0.0.1:8000", url.removeprefix("http://")) for part in web["healthcheck"]["test"][1:]]
        result = subprocess.run(check, env=env, capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, result.stderr


def test_dockerfile_builds_the_production_image_from_requirements():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim-bookworm\s*$", dockerfile, re.M)
    assert re.search(r"pip install -r requirements\.txt", dockerfile)
    assert "DJANGO_SETTINGS_MODULE=asker.settings.production" in dockerfile
    for lib in ("libgdal", "libgeos-c", "libproj"):
        assert lib in dockerfile
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", "var", ".git", ".env"} <= set(ignored)


def build_time_settings(dockerfile):
    """The variables the Dockerfile exports for its Django build steps (one RUN only)."""
    match = re.search(r"^RUN export ((?:[A-Z_]+=\S+\s*\\?\s*)+)&&", dockerfile, re.M)
    assert match, "the Dockerfile's Django build steps get their settings from one `RUN export ...`"
    return dict(re.findall(r"([A-Z_]+)=(\S+)", match.group(1)))


def test_dockerfile_bakes_no_settings_into_the_image():
    """Production settings refuse to start without SECRET_KEY, DATABASE_URL and REDIS_URL; the
    build's stand-ins must not reach the running containers through ENV."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    build = build_time_settings(dockerfile)
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL"} <= set(build)
    env_lines = re.findall(r"^ENV (?:.*\\\n)*.*$", dockerfile, re.M)
    for name in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL"):
        assert not any(name in line for line in env_lines), f"{name} is baked into the image"


@pytest.mark.slow
def test_dockerfile_collectstatic_step_works_with_production_settings(tmp_path):
    """The image's collectstatic runs with production settings and the build-time stand-ins,
    which connect to nothing."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "python manage.py collectstatic" in dockerfile
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY"}}
    env.update(build_time_settings(dockerfile), DJANGO_SETTINGS_MODULE="asker.settings.production", VAR_DIR=str(tmp_path))
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
