"""The `make run` configuration works: SpatiaLite under VAR_DIR, demo data, dev server, worker.

The suite runs on PostGIS; these tests start separate processes with asker.settings.dev and no
DATABASE_URL or REDIS_URL, in a temporary VAR_DIR, doing what bin/run does.
"""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not hasattr(sqlite3.Connection, "enable_load_extension"),
        reason=f"{sys.executable}'s sqlite3 cannot load extensions, so SpatiaLite cannot work "
        "(make run builds .venv from Debian's /usr/bin/python3.11, which can)",
    ),
]

# Anything that would steer the dev settings away from SpatiaLite, the database cache and the
# filesystem broker, as the test run exports them for PostGIS and Redis.
STEERING_VARS = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "SECRET_KEY",
    "DEBUG",
    "EMAIL_URL",
    "ALLOWED_HOSTS",
    "VAR_DIR",
}


@pytest.fixture(scope="module")
def dev_env(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("var")
    env = {k: v for k, v in os.environ.items() if k not in STEERING_VARS}
    env.update(DJANGO_SETTINGS_MODULE="asker.settings.dev", VAR_DIR=str(var_dir), PYTHONUNBUFFERED="1")
    # As bin/run: the filesystem broker does not create its folders.
    for folder in ("celery-queue", "celery-control", "log"):
        (var_dir / folder).mkdir()
    manage("migrate", "--noinput", "-v0", env=env)
    manage("createcachetable", env=env)
    assert (var_dir / "asker.sqlite3").exists()
    return env


def manage(*args, env, timeout=600):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process):
    process.terminate()
    try:
        return process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()


def test_demo_data_loads_twice_and_the_home_page_shows_it(dev_env):
    manage("load_demo", env=dev_env)
    # A second `make run` loads it again over the existing data.
    manage("load_demo", env=dev_env)
    manage("load_demo_consultations", env=dev_env)
    manage("load_demo_community", env=dev_env)
    manage("load_demo_stedskompasset", env=dev_env)
    manage("load_demo_events", env=dev_env)
    manage("load_demo_volunteering", env=dev_env)
    # A thread of replies: its first replies on the consultation's page (a sliced prefetch, a
    # window function in SQLite too) and all of them on the thread's own page.
    top = int(manage("shell", "--no-imports", "-c", (
        "from participation.models import Comment, Consultation\n"
        "c = Consultation.objects.get(slug='slemmestad-demo')\n"
        "top = c.comments.create(text='Tråd på SpatiaLite', state='published')\n"
        "Comment.objects.bulk_create([Comment(consultation=c, parent=top, text=f'svar {i}', state='published')"
        " for i in range(60)])\n"
        "print(top.pk)"), env=dev_env).stdout.strip())

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=dev_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, "runserver exited early"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
                    status, body = response.status, response.read().decode()
                break
            except urllib.error.HTTPError as error:
                status, body = error.code, error.read().decode(errors="replace")
                break
            except OSError:
                assert time.monotonic() < deadline, "runserver did not answer within 60 s"
                time.sleep(0.3)
        if status == 200:
            layers = {layer: fetch(port, f"/kart/{layer}.geojson?bbox=10.2,59.5,10.8,59.95&zoom={zoom}")
                      for layer, zoom in (("prosjekter", 15), ("sentre", 10), ("grense", 10))}
            again = fetch(port, "/", {"If-None-Match": etag_of(port, "/")})
            consultation = fetch(port, "/medvirkning/slemmestad-demo/")
            innbyggertorg = fetch(port, "/innbyggertorg/heggedal/")
            events = fetch(port, "/arrangementer/")
            compass = fetch(port, "/stedskompasset/klokkarstua/resultater/")
            organisations = fetch(port, "/frivillighet/")
            thread = fetch(port, f"/medvirkning/slemmestad-demo/kommentar/{top}/?side=2")
    finally:
        output, _ = stop(server)
    assert status == 200, f"GET / answered {status}:\n{body[:2000]}\n--- runserver:\n{output[-3000:]}"
    assert "Asker sentrum" in body
    # The map data's Python path (PostGIS builds the document in the database), and the page cache
    # on the database cache: a 304 for the page the browser has.
    for layer, (layer_status, layer_body) in layers.items():
        document = json.loads(layer_body)
        assert layer_status == 200 and document["type"] == "FeatureCollection" and document["features"], layer
    point = json.loads(layers["prosjekter"][1])["features"][0]["properties"]
    assert point["url"].startswith("/prosjekter/") and len(point["point"]) == 2 and not point["confidential"]
    assert again[0] == 304
    assert consultation[0] == 200 and "Tråd på SpatiaLite" in consultation[1]
    assert consultation[1].count('class="comment reply"') == 3 and "Se alle 60 svar" in consultation[1]
    assert thread[0] == 200 and thread[1].count('class="comment reply"') == 10
    assert innbyggertorg[0] == 200 and "Heggedal innbyggertorg" in innbyggertorg[1]
    assert events[0] == 200 and 'class="event' in events[1], events[1][:3000]
    assert compass[0] == 200 and "<svg" in compass[1] and "<polygon" in compass[1]
    assert organisations[0] == 200 and "(demo)" in organisations[1]

def fetch(port, path, headers=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def etag_of(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return response.headers["ETag"]


def test_worker_consumes_tasks_and_answers_ping_over_the_filesystem_broker(dev_env):
    worker = subprocess.Popen(
        [str(VENV_BIN / "celery"), "-A", "asker", "worker", "--loglevel=INFO", "--concurrency=1", "-n", "smoke@%h"],
        cwd=ROOT,
        env=dev_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # celery.accumulate is built into Celery: this checks the broker and the result backend
    # (django-db, on SpatiaLite) without depending on any of the project's own tasks.
    client = """
import django
django.setup()
from asker.celery import app
result = app.send_task("celery.accumulate", args=(3, 2, 3))
assert result.get(timeout=60) == [3, 2, 3], result
print("task ok")
"""
    try:
        result = subprocess.run(
            [sys.executable, "-c", client], cwd=ROOT, env=dev_env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        assert "task ok" in result.stdout
        # Broadcast (fanout) over the filesystem transport: remote control and inspection.
        # Naming the node lets the command return on its answer instead of waiting out the timeout.
        ping = subprocess.run(
            [str(VENV_BIN / "celery"), "-A", "asker", "inspect", "ping", "--timeout=30", "-d", f"smoke@{socket.gethostname()}"],
            cwd=ROOT,
            env=dev_env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert ping.returncode == 0, ping.stdout + ping.stderr
        assert "pong" in ping.stdout
    finally:
        output, _ = stop(worker)
    assert "celery.accumulate" in output and "succeeded" in output, output[-3000:]
