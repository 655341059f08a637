"""A per-IP rate limit on the forms that send e-mail, kept in Django's cache.

Redis in production and tests, the database cache in development: every web process sees the
same counts. If the cache is down the request is let through (and a warning logged): the
portal must keep working without Redis, and sign-in has its own throttle in the database.
"""

import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from .ip import client_ip

log = logging.getLogger(__name__)


def hit(scope, key, limit, period, now=None):
    """Count one request for `key` in `scope`; return the seconds to wait, or 0 if allowed.

    A fixed window of `period` seconds: at most `limit` requests in each.
    """
    now = time.time() if now is None else now
    window = int(now // period)
    cache_key = f"accounts:ratelimit:{scope}:{key}:{window}"
    try:
        if cache.add(cache_key, 1, period):
            count = 1
        else:
            count = cache.incr(cache_key)
            # The database and local-memory caches re-save the value with the default timeout.
            cache.touch(cache_key, period)
    except Exception:
        log.warning("rate limit %s: cache unavailable, request allowed", scope, exc_info=True)
        return 0
    if count > limit:
        return int((window + 1) * period - now) + 1
    return 0


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
                    response = render(
                        request, "accounts/rate_limited.html",
                        {"minutes": max(1, -(-wait // 60))}, status=429,
                    )
                    response["Retry-After"] = str(wait)
                    return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
