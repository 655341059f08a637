"""Health endpoints.

`/healthz` is liveness: this process answers and reaches its database. It asks neither the
broker nor the workers, so a dead worker or a Redis restart does not take every web node out of
a load balancer's rotation at once; point load balancers and container health checks here.

`/healthz/detail` reports the database, the broker and the Celery workers (503 when any of them
fails), for monitoring and alerting: a dead worker is something to fix, not a reason to stop
serving pages.
"""

import time

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .celery import app

# Short: a load balancer polls these, and a hanging check is as bad as a failed one.
TIMEOUT_S = 1.0


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_broker():
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=TIMEOUT_S)


def check_worker():
    replies = app.control.ping(timeout=TIMEOUT_S)
    if not replies:
        raise RuntimeError("no worker answered")
    return len(replies)


def _run(check):
    started = time.monotonic()
    try:
        detail = check()
    except Exception as exc:  # a health check reports every failure, it never raises
        return {"status": "error", "error": f"{type(exc).__name__}: {exc}"[:200]}
    result = {"status": "ok", "ms": round((time.monotonic() - started) * 1000, 1)}
    if isinstance(detail, int):
        result["workers"] = detail
    return result


def _answer(checks):
    healthy = all(c["status"] == "ok" for c in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


@never_cache
@require_safe
def healthz(request):
    return _answer({"database": _run(check_database)})


@never_cache
@require_safe
def detail(request):
    checks = {"database": _run(check_database), "broker": _run(check_broker)}
    if checks["broker"]["status"] == "ok":
        checks["worker"] = _run(check_worker)
    else:
        checks["worker"] = {"status": "error", "error": "broker unreachable"}
    return _answer(checks)
