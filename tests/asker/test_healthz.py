"""`/healthz` is liveness (the process and its database); `/healthz/detail` reports the real
database, broker (Redis) and workers (a Celery process)."""

import json
import time

import pytest
from django.db import connection

from asker.celery import app

pytestmark = pytest.mark.django_db


def health(client, path="/healthz"):
    response = client.get(path)
    return response.status_code, json.loads(response.content)


@pytest.fixture
def unreachable_broker():
    original = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    yield
    app.conf.broker_url = original


def test_detail_healthy_with_a_worker_then_503_when_it_stops_while_liveness_stays_200(
    client, celery_worker_process
):
    status, body = health(client, "/healthz/detail")
    assert status == 200, body
    assert body["status"] == "ok"
    assert {body[k]["status"] for k in ("database", "broker", "worker")} == {"ok"}
    assert body["worker"]["workers"] >= 1

    celery_worker_process.terminate()
    celery_worker_process.wait(timeout=10)
    status, body = health(client, "/healthz/detail")
    assert status == 503
    assert body["worker"]["status"] == "error"
    assert body["database"]["status"] == "ok" and body["broker"]["status"] == "ok"

    # The web node itself is fine: a load balancer polling /healthz keeps it in rotation.
    status, body = health(client)
    assert status == 200, body
    assert body == {"status": "ok", "database": body["database"]}
    assert body["database"]["status"] == "ok"


def test_liveness_asks_neither_broker_nor_workers(client, unreachable_broker):
    # No worker runs and the broker cannot be reached: a ping would wait its full timeout.
    started = time.monotonic()
    status, body = health(client)
    elapsed = time.monotonic() - started
    assert status == 200, body
    assert set(body) == {"status", "database"}
    assert elapsed < 0.9, f"/healthz took {elapsed:.2f} s; it must not wait for the broker or workers"


def test_detail_503_when_the_broker_is_unreachable(client, unreachable_broker):
    status, body = health(client, "/healthz/detail")
    assert status == 503
    assert body["broker"]["status"] == "error"
    assert body["worker"]["status"] == "error"
    assert body["database"]["status"] == "ok"


@pytest.mark.django_db(transaction=True)
def test_liveness_503_when_the_database_is_unreachable(client):
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        status, body = health(client)
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
    assert status == 503
    assert body["status"] == "error"
    assert body["database"]["status"] == "error"
    assert health(client)[0] == 200  # and back once the database is


@pytest.mark.parametrize("path", ["/healthz", "/healthz/detail"])
def test_not_cached(client, path):
    response = client.get(path)
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
