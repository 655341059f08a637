"""A real Celery worker in its own process, on this test run's broker queue and test database.

The worker loads asker.settings.test with ASKER_CELERY_WORKER=1, which turns eager mode off (a
retry inside the worker must be queued, not run at once and dropped) and lets e-mail follow
EMAIL_URL (the suite's own process keeps mail in memory, which another process cannot share).
"""

import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

from celery._state import _set_task_join_will_block
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class WorkerLog:
    """The lines the worker writes to stderr, read as they come (so the pipe never fills)."""

    def __init__(self, stream):
        self.lines = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream):
        for line in iter(stream.readline, b""):
            self.lines.append(line.decode(errors="replace"))

    def tail(self, n=40):
        return "".join(self.lines[-n:])

    def wait_for(self, text, count, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if sum(text in line for line in self.lines) >= count:
                return
            time.sleep(0.2)
        raise AssertionError(f"{count} × {text!r} not in the worker's log:\n" + self.tail())


@contextmanager
def celery_worker(name="test", **extra_env):
    """Start a worker, wait until it answers a ping, and yield (process, log)."""
    from django.conf import settings

    from asker.celery import app

    db = settings.DATABASES["default"]
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="asker.settings.test",
        DATABASE_URL=f"postgis://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        REDIS_URL=settings.REDIS_URL,
        # The worker's queue and control exchange are named after this run (or xdist worker).
        ASKER_TEST_RUN=settings.TEST_WORKER,
        ASKER_CELERY_WORKER="1",
    )
    env.pop("PYTEST_XDIST_WORKER", None)
    env.update({key: str(value) for key, value in extra_env.items()})
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "asker", "worker", "--pool", "solo",
         "--loglevel", "WARNING", "--without-gossip", "--without-mingle",
         "--hostname", f"{name}-{os.getpid()}@%h"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    log = WorkerLog(proc.stderr)
    # Tasks queued by the test go to the broker and this worker, not run in the test's process.
    app.conf.task_always_eager = False
    # Celery keeps "a result must not be awaited here" in one flag per process, which eager
    # tasks set and reset around themselves; eager tasks run at once in several live-server
    # threads (the race tests) can leave it set. This process is no worker: it may wait.
    _set_task_join_will_block(False)
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("The Celery worker did not start:\n" + log.tail())
        yield proc, log
    finally:
        app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
