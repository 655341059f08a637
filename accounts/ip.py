"""Which IP address a request comes from, for the sign-in throttle and the rate limits."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR; or, behind settings.TRUSTED_PROXY_COUNT reverse proxies that each append
    the address they were reached from to X-Forwarded-For, the address the outermost proxy saw.

    Entries further left than that were written by the client and are never trusted. Behind a
    proxy that is not counted, every visitor would share the proxy's address (and its limits).
    """
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
