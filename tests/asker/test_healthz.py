"""`/healthz` reports the real database, broker (Redis) and worker (a Celery process)."""

import json

import pytest

from asker.celery import app

pytestmark = pytest.mark.django_db


def health(client):
    response = client.get("/healthz")
    return response.status_code, json.loads(response.content)


def test_healthy_with_a_worker_then_503_when_it_stops(client, celery_worker_process):
    status, body = health(client)
    assert status == 200, body
    assert body["status"] == "ok"
    assert {body[k]["status"] for k in ("database", "broker", "worker")} == {"ok"}
    assert body["worker"]["workers"] >= 1

    celery_worker_process.terminate()
    celery_worker_process.wait(timeout=10)
    status, body = health(client)
    assert status == 503
    assert body["worker"]["status"] == "error"
    assert body["database"]["status"] == "ok" and body["broker"]["status"] == "ok"


def test_503_when_the_broker_is_unreachable(client):
    original = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        status, body = health(client)
    finally:
        app.conf.broker_url = original
    assert status == 503
    assert body["broker"]["status"] == "error"
    assert body["worker"]["status"] == "error"
    assert body["database"]["status"] == "ok"


def test_not_cached(client):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
