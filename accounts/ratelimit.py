"""Rate limits: how often one client may send a form (per IP address) or one user may post.

Counted in the database, with one atomic statement per request: the cache cannot do that on
every backend the settings allow (the database cache's incr() is a read and a write, and 20
concurrent comments once got 15 through a limit of 5), and the counts must hold when Redis is
down. Posting is rare next to reading, so one small write per post costs nothing that matters.
"""

import logging
import time
from datetime import datetime, timezone
from functools import wraps

from django.conf import settings
from django.db import connection
from django.shortcuts import render

from .ip import client_ip
from .models import RateCounter

log = logging.getLogger(__name__)

_TABLE = RateCounter._meta.db_table
# The same statement on PostgreSQL and SQLite (3.35 and later): insert the window's first hit,
# or add one to it, and hand back the count as it is now.
_UPSERT = (
    f"INSERT INTO {_TABLE} (key, count, expires_at) VALUES (%s, 1, %s) "
    f"ON CONFLICT (key) DO UPDATE SET count = {_TABLE}.count + 1 RETURNING count"
)


def hit(scope, key, limit, period, now=None):
    """Count one request for `key` in `scope`; return the seconds to wait, or 0 if allowed.

    A fixed window of `period` seconds: at most `limit` requests in each.
    """
    now = time.time() if now is None else now
    window = int(now // period)
    window_end = (window + 1) * period
    counter_key = f"{scope}:{key}:{period}:{window}"[:200]
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, [counter_key, datetime.fromtimestamp(window_end, tz=timezone.utc)])
        count = cursor.fetchone()[0]
    if count > limit:
        return int(window_end - now) + 1
    return 0


def delete_expired(now=None):
    """Forget the windows that are over (a Celery beat task runs this)."""
    now = datetime.fromtimestamp(time.time() if now is None else now, tz=timezone.utc)
    count, _ = RateCounter.objects.filter(expires_at__lte=now).delete()
    return count


def rate_limited(scope, methods=("POST",)):
    """Limit a view's `methods` per client IP address to settings.ACCOUNTS_RATE_LIMITS[scope].

    Beyond the limit the view is not run: the visitor gets a page saying when to try again,
    with HTTP 429 and Retry-After.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                limit, period = settings.ACCOUNTS_RATE_LIMITS[scope]
                ip = client_ip(request) or "unknown"
                wait = hit(scope, ip, limit, period)
                if wait:
                    log.warning("rate limit %s reached for %s", scope, ip)
                    return too_many(request, wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def too_many(request, wait):
    """The page that says when to try again, with HTTP 429 and Retry-After."""
    response = render(request, "accounts/rate_limited.html", {"minutes": max(1, -(-wait // 60))}, status=429)
    response["Retry-After"] = str(wait)
    return response
