"""After a change, a page many visitors ask for at once is rendered by one request; the others
wait for it and get the same stored answer (asker/pagecache.py). When that one request fails or
its answer is not to be stored, the others do not wait out the limit: they render it themselves."""

import threading
import time

import pytest
from django.db import connections
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from asker import pagecache

pytestmark = pytest.mark.django_db(transaction=True)


def at_once(view, n=6, path="/samme-side/"):
    """Call `view` from n threads released together; return their answers (or exceptions)."""
    barrier = threading.Barrier(n)
    answers = [None] * n

    def ask(i):
        barrier.wait()
        try:
            answers[i] = view(RequestFactory().get(path))
        except Exception as exc:  # noqa: BLE001  (the test looks at what each thread got)
            answers[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return answers


def counting_view(body, pause=0.3, status=200, fail=False):
    calls = []
    lock = threading.Lock()

    @pagecache.public_page
    def view(request):
        with lock:
            calls.append(1)
        time.sleep(pause)
        if fail:
            raise RuntimeError("the template broke")
        return HttpResponse(body, status=status)

    return view, calls


def test_one_render_for_many_requests_at_once():
    view, calls = counting_view("Heggedal sentrum")
    answers = at_once(view)
    assert len(calls) == 1
    assert all(a.status_code == 200 and a.content == b"Heggedal sentrum" for a in answers)
    assert len({a["ETag"] for a in answers}) == 1


def test_a_change_means_one_new_render():
    view, calls = counting_view("side")
    at_once(view)
    pagecache.bump()
    at_once(view)
    assert len(calls) == 2


def test_a_failed_render_leaves_the_others_to_render_without_waiting_out_the_limit():
    view, calls = counting_view("x", pause=0.2, fail=True)
    started = time.monotonic()
    answers = at_once(view, n=4)
    assert all(isinstance(a, RuntimeError) for a in answers) and len(calls) == 4
    assert time.monotonic() - started < pagecache.RENDER_WAIT_SECONDS
    # The lock is gone: the next request renders at once.
    assert pagecache.cache.get(f"rendering:{pagecache._key(RequestFactory().get('/samme-side/'), 'public')}") is None


def test_an_answer_not_to_be_stored_is_rendered_by_each():
    view, calls = counting_view("finnes ikke", pause=0.2, status=404)
    started = time.monotonic()
    answers = at_once(view, n=4)
    assert all(a.status_code == 404 for a in answers) and len(calls) == 4
    assert time.monotonic() - started < pagecache.RENDER_WAIT_SECONDS


def test_different_pages_do_not_wait_for_each_other():
    view, calls = counting_view("side", pause=0.3)
    started = time.monotonic()
    barrier = threading.Barrier(3)
    results = []

    def ask(path):
        barrier.wait()
        results.append(view(RequestFactory().get(path)))
        connections.close_all()

    threads = [threading.Thread(target=ask, args=(f"/side-{i}/",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(calls) == 3 and len(results) == 3
    assert time.monotonic() - started < 0.9  # three renders side by side, not one after another


def test_requests_that_see_a_moment_pass_agree_on_the_new_stamp(monkeypatch):
    """A consultation closes by the clock: every request that notices makes the same new stamp,
    so they still share one render."""
    from datetime import timedelta

    from django.utils import timezone

    moment = timezone.now() + timedelta(minutes=5)
    pagecache.cache.set(pagecache.VERSION_KEY, (123, moment), None)
    monkeypatch.setattr(pagecache, "_next_moment", lambda now: None)
    monkeypatch.setattr(timezone, "now", lambda: moment + timedelta(seconds=1))
    view, calls = counting_view("etter fristen")
    answers = at_once(view)
    assert len(calls) == 1 and len({a["ETag"] for a in answers}) == 1
    stamp = pagecache.cache.get(pagecache.VERSION_KEY)
    assert stamp[0] != 123 and len(str(stamp[0])) == 16 and stamp[1] is None


def test_404_is_raised_through_the_guard():
    @pagecache.public_page
    def view(request):
        raise Http404

    with pytest.raises(Http404):
        view(RequestFactory().get("/borte/"))
    with pytest.raises(Http404):  # the lock did not stay
        view(RequestFactory().get("/borte/"))
