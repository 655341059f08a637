"""Public pages and map data cached whole, keyed by what changes, and answered with 304.

One content version stamp (a number in the cache) stands for everything the public pages show.
Every save, delete and many-to-many change of a model of an app that the pages follow (`places`,
`participation` and the others that call `watch()` when they start), the
deletion of a user (their comments lose their author), and the bulk updates in the services
(which send no signals; they call `bump()` themselves) replace it with a new number, so every
page and map document stored under the old one is never read again. Time changes pages too
(a consultation opens, closes, or reaches the end of its retention): the stamp also carries the
next such moment, and is replaced when it has passed.

A stored page is keyed by the stamp, the audience, the language and the full path with its
query; its ETag is the same key, hashed, so a browser that has the page gets a 304 without
a query or a rendering.

- HTML pages (`@public_page`) are stored and validated only for visitors without a session
  or a pending message: a signed-in page shows the user's name, a sign-out form with a CSRF
  token (new at each sign-in) and one-time messages, and a response that used a CSRF token
  (a form) or set a cookie is never stored. Signed-in users get the page rendered afresh.
- Map data (`@public_data`) holds nothing per user, only what the user's roles let them see,
  so it is stored and validated for everyone, keyed by the set of roles: a planner never gets
  the public's document, nor the public a planner's.

After a change the first request for a page renders it while the others asking for the same key
wait for its result (a lock in the cache, RENDER_WAIT_SECONDS at most), so a busy page after a
moderator's decision is rendered once, not by every worker at the same time.

The bump happens at once and again when the transaction commits: a request that read the new
stamp before the commit (and so the old rows) stored its page under a stamp that is already
gone by then.
"""

import hashlib
import logging
import os
import time
from functools import partial, wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.translation import get_language

log = logging.getLogger(__name__)
VERSION_KEY = "content-version"
# Only memory hygiene: a stored page is reached through the stamp, never by its age.
STORE_SECONDS = 24 * 3600
# What moves by itself: (source, labels of the models whose change may move its moments).
_MOMENT_SOURCES = []
# After a change, many visitors may ask for the same page at once: one renders it, the others
# wait this long for it to be stored before they render it themselves.
RENDER_WAIT_SECONDS = 3.0
_RENDER_LOCK_SECONDS = 30
# Headers a stored response keeps (the middleware adds the rest anew to each answer).
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Content-Disposition")


def bump(sender=None, **_signal_kwargs):
    """Replace the stamp now and again when the transaction commits. A consultation's change
    may move the next moment a page changes by itself; other changes keep the known one."""
    recount = sender is not None and any(sender._meta.label in moved_by for _source, moved_by in _MOMENT_SOURCES)
    _new_stamp(recount)
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
            getattr(callback, "pagecache", False) for _sids, callback, _robust in connection.run_on_commit):
        after_commit = partial(_new_stamp, True)
        after_commit.pagecache = True
        transaction.on_commit(after_commit)


def _new_stamp(recount):
    # A number never used before (not a counter that could restart after a Redis flush and meet
    # pages stored under the old numbers).
    try:
        old = cache.get(VERSION_KEY)
        moment = _next_moment(timezone.now()) if recount or old is None else old[1]
        cache.set(VERSION_KEY, (time.time_ns(), moment), None)
    except Exception:
        # The cache is down: nothing is served from it either. Pages are rendered afresh until
        # it is back; a stamp it kept from before is then replaced by the next change.
        log.exception("The content version stamp could not be replaced")


def version():
    """The stamp, renewed when the next moment a page changes by itself has passed."""
    stamp = cache.get(VERSION_KEY)
    now = timezone.now()
    if stamp is None:
        # Requests arriving together must agree on one stamp, or each renders under its own.
        cache.add(VERSION_KEY, (time.time_ns(), _next_moment(now)), None)
        stamp = cache.get(VERSION_KEY)
    elif stamp[1] is not None and now >= stamp[1]:
        # Every request that sees the moment pass makes the same new stamp from the old one.
        renewed = hashlib.md5(f"{stamp[0]}:{stamp[1].isoformat()}".encode(), usedforsecurity=False).hexdigest()[:16]
        stamp = (renewed, _next_moment(now))
        cache.set(VERSION_KEY, stamp, None)
    # `make run` (DEBUG) reloads templates without a restart: hash them at each request there.
    release = _release() if settings.DEBUG else RELEASE
    return f"{release}-{stamp[0]}"


def _next_moment(now):
    """The next moment a page changes by itself (a consultation closes, an innbyggertorg opens):
    the earliest that any registered source names after `now`."""
    later = [moment for source, _moved_by in _MOMENT_SOURCES for moment in source(now) if moment > now]
    return min(later) if later else None


def watch(app_label, moments=None, moved_by=()):
    """Let the pages follow an app: every save, delete and many-to-many change of its models
    bumps the stamp. `moments(now)` gives the moments after `now` at which a page showing the
    app's rows changes by itself (a deadline passes); `moved_by` names the models (labels) whose
    change may move them. Called from the app's AppConfig.ready()."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in apps.get_app_config(app_label).get_models():
        post_save.connect(bump, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"pagecache-delete-{model._meta.label}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(bump, sender=field.remote_field.through,
                                dispatch_uid=f"pagecache-m2m-{model._meta.label}-{field.name}")
    if moments is not None and all(source is not moments for source, _m in _MOMENT_SOURCES):
        _MOMENT_SOURCES.append((moments, frozenset(moved_by)))


def audience(request):
    """Who a response is for, as far as what it shows goes: `public` or the sorted role names."""
    user = request.user
    if not user.is_authenticated:
        return "public"
    from asker.roles import roles_of

    return "roles:" + "+".join(sorted(roles_of(user)))


def _anonymous_without_state(request):
    # No session: nobody is signed in and no message waits in it; none in the cookie either.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and "messages" not in request.COOKIES


def _key(request, who):
    path = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
    return f"page:{version()}:{who}:{get_language()}:{path}"


def fragment_key(request, name):
    """A part of a page (asker/templatetags/stored.py), for whoever shares the user's roles."""
    return f"fragment:{name}:{_key(request, audience(request))}"


def _etag(key):
    return '"%s"' % hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()


def _matches(request, etag):
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    tags = parse_etags(header)
    return "*" in tags or etag in tags or etag in [t.removeprefix("W/") for t in tags]


def _from_store(stored, etag):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers.items():
        response[name] = value
    response["ETag"] = etag
    return response


def _storable(request, response):
    """Only what is the same for everyone with this key: a 200 that set no cookie, used no CSRF
    token (a form) and left no message queued."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and _no_messages(request)
    )


def _no_messages(request):
    storage = getattr(request, "_messages", None)
    return storage is None or not storage._queued_messages


def _cached(view, who_for):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        on = getattr(settings, "PAGE_CACHE", True) and request.method in ("GET", "HEAD")
        who = who_for(request) if on else None
        if who is None:
            return view(request, *args, **kwargs)
        try:
            key = _key(request, who)
        except Exception:
            log.exception("The page cache is not available")
            return view(request, *args, **kwargs)
        etag = _etag(key)
        if _matches(request, etag):
            response = HttpResponseNotModified()
            response["ETag"] = etag
            return _revalidate(response)
        stored = _try(cache.get, key)
        lock = f"rendering:{key}"
        rendering = False
        if stored is None:
            # False: another request renders this page now (None: the cache is down, render).
            rendering = _try(cache.add, lock, 1, _RENDER_LOCK_SECONDS)
            if rendering is False:
                stored = _wait_for(key, lock)
        if stored is not None:
            return _revalidate(_from_store(stored, etag))
        try:
            response = view(request, *args, **kwargs)
            if _storable(request, response):
                headers = {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)}
                _try(cache.set, key, (response.status_code, headers, response.content), STORE_SECONDS)
                response["ETag"] = etag
                _revalidate(response)
        finally:
            if rendering:
                _try(cache.delete, lock)
        return response

    return wrapper


def kept(name, compute):
    """compute()'s value kept under the content version stamp: computed once after each change
    instead of at every request (what the pages show of places, say). It must depend only on
    what bumps the stamp. Computed afresh while the cache is down."""
    try:
        key = f"kept:{version()}:{name}"
        value = cache.get(key)
    except Exception:
        log.exception("The page cache is not available")
        return compute()
    if value is None:
        value = compute()
        _try(cache.set, key, value, STORE_SECONDS)
    return value


def _wait_for(key, lock):
    """The page another request is rendering, once it is stored; None when that request ends
    without storing it (an error, a page not to be stored) or takes too long."""
    deadline = time.monotonic() + RENDER_WAIT_SECONDS
    pause = 0.005
    while time.monotonic() < deadline:
        time.sleep(pause)
        pause = min(pause * 2, 0.05)
        stored = _try(cache.get, key)
        if stored is not None:
            return stored
        if not _try(cache.get, lock):
            return _try(cache.get, key)
    return None


def _try(operation, *args):
    """The cache's answer, or None (logged) when the cache is down: pages then render afresh."""
    try:
        return operation(*args)
    except Exception:
        log.exception("The page cache is not available")
        return None


def _revalidate(response):
    # A browser may keep the page but must ask each time: the answer is a cheap 304 until
    # something changes, and then the new page at once.
    if "no-store" not in response.get("Cache-Control", ""):
        patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response


def public_page(view):
    """An HTML page the public sees the same: stored and validated for visitors without a session."""
    return _cached(view, lambda request: "public" if _anonymous_without_state(request) else None)


def public_data(view):
    """Data without anything per user (map layers): stored and validated per set of roles."""
    return _cached(view, audience)


def connect_signals():
    from django.contrib.auth import get_user_model
    from django.core.signals import setting_changed
    from django.db.models.signals import post_delete

    # A deleted user's comments lose their author (SET_NULL, a bulk update without signals).
    post_delete.connect(bump, sender=get_user_model(), dispatch_uid="pagecache-user-delete")
    # The pages show settings (the privacy statement's periods, the base map's host); in a running
    # process only tests change them.
    setting_changed.connect(lambda **kwargs: bump(), weak=False, dispatch_uid="pagecache-settings")


def _release():
    """The code, templates, translations and settings this process serves, as a short hash:
    pages stored by an earlier release are never served by this one. Files are named by their
    size and time of change, which a deploy changes."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.md5(usedforsecurity=False)
    skip = {".venv", "var", "node_modules", ".git", "tests", "staticfiles", "__pycache__", "media"}
    suffixes = (".py", ".html", ".svg", ".mo", ".json", ".css", ".js", ".txt", ".csv")
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if name not in skip and not name.startswith("."))
        for name in sorted(files):
            if name.endswith(suffixes):
                stat = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    simple = (str, int, float, bool, type(None), list, tuple, dict, Path)
    values = {name: getattr(settings, name) for name in dir(settings) if name.isupper()}
    digest.update(repr(sorted((name, value) for name, value in values.items()
                              if isinstance(value, simple) and " at 0x" not in repr(value))).encode())
    return digest.hexdigest()[:12]


RELEASE = "unset"


def set_release():
    global RELEASE
    RELEASE = _release()
