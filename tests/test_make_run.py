"""`make run` (bin/run) tells the servers it starts where they are served, for links in e-mails,
and runs Celery beat in its worker.

bin/run is run for real from a copy of bin/ in a temporary checkout, with stand-ins for what it
calls: the virtualenv's python and setsid (which would start the servers) write down their
arguments and the SITE_URL they were given, and dpkg-query says everything is installed. So the
whole script runs in a second, without installing, migrating or serving anything.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What the test run exports must not reach the script under test.
STEERING_VARS = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "VAR_DIR", "SITE_URL", "PORT"}

RECORDER = """#!/bin/sh
echo "$(basename "$0") SITE_URL=${{SITE_URL-unset}} $*" >> "{log}"
{extra}
exit 0
"""


def _stand_in(path, log, extra=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(RECORDER.format(log=log, extra=extra))
    path.chmod(0o755)


@pytest.fixture
def checkout(tmp_path):
    """A checkout with the real bin/ and requirement files and a stand-in virtualenv."""
    root = tmp_path / "checkout"
    shutil.copytree(ROOT / "bin", root / "bin")
    for name in ("requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, root / name)
    log = tmp_path / "calls.log"
    # -V for the requirements stamp; `python - ...` reads its script (the port check, the wait
    # for the servers) from standard input. The wait for the servers (`python - http://...`)
    # waits, as the real one does, until both started (wrote their line; at most 10 s): else the
    # script could stop a server that had not yet written it.
    wait_for_servers = (f'i=0; while [ "$(grep -c "^setsid " "{log}")" -lt 2 ] && [ $i -lt 100 ]; '
                        'do sleep 0.1; i=$((i + 1)); done')
    _stand_in(root / ".venv" / "bin" / "python", log,
              extra=f'case "$1" in -V) echo "Python 3.11.2";; '
                    f'-) cat >/dev/null; case "$2" in http*) {wait_for_servers};; esac;; esac')
    _stand_in(root / ".venv" / "bin" / "celery", log)
    stubs = tmp_path / "stubs"
    _stand_in(stubs / "setsid", log)
    (stubs / "dpkg-query").write_text('#!/bin/sh\nshift 2; for p in "$@"; do echo "ii  $p"; done\n')
    (stubs / "dpkg-query").chmod(0o755)
    return root, stubs, log


def run(checkout, tmp_path, **env_extra):
    root, stubs, log = checkout
    env = {k: v for k, v in os.environ.items() if k not in STEERING_VARS}
    env.update(PATH=f"{stubs}:{os.environ['PATH']}", VAR_DIR=str(tmp_path / "var"), **env_extra)
    result = subprocess.run([str(root / "bin" / "run")], capture_output=True, text=True, env=env, timeout=60)
    calls = log.read_text().splitlines()
    servers = [c for c in calls if c.startswith("setsid ")]
    assert len(servers) == 2, f"bin/run did not start its two servers:\n{result.stderr}\n{calls}"
    return result, calls, servers


def test_make_run_gives_both_servers_the_address_it_serves(checkout, tmp_path):
    result, calls, servers = run(checkout, tmp_path, PORT="8123")
    runserver = next(c for c in servers if " runserver " in c)
    worker = next(c for c in servers if "celery" in c and " worker" in c)
    assert runserver.endswith("manage.py runserver 127.0.0.1:8123")
    for line in (runserver, worker):
        assert line.split()[1] == "SITE_URL=http://127.0.0.1:8123", line
    # The demo data is loaded with it too (it may queue mail).
    manage = [c for c in calls if " manage.py " in c and not c.startswith("setsid")]
    assert manage and all(" SITE_URL=http://127.0.0.1:8123 " in f" {c} " for c in manage), manage
    assert "http://127.0.0.1:8123/" in result.stdout


def test_the_default_port_is_8000(checkout, tmp_path):
    _result, _calls, servers = run(checkout, tmp_path)
    assert all(c.split()[1] == "SITE_URL=http://127.0.0.1:8000" for c in servers), servers


def test_a_site_url_from_the_environment_is_kept_and_said(checkout, tmp_path):
    """Behind a tunnel or a proxy the public address is not the local one."""
    result, _calls, servers = run(checkout, tmp_path, PORT="8123", SITE_URL="https://tunnel.example")
    assert all(c.split()[1] == "SITE_URL=https://tunnel.example" for c in servers), servers
    assert "using SITE_URL from the environment for links in e-mails: https://tunnel.example" in result.stderr


def test_the_worker_runs_celery_beat_with_the_database_schedule(checkout, tmp_path):
    """The hourly and nightly housekeeping (expired registrations, rate-limit windows,
    anonymisation) is scheduled in the database by the migrations: `make run` must run a beat
    that reads it, or none of it ever happens there."""
    _result, _calls, servers = run(checkout, tmp_path)
    worker = next(c for c in servers if "celery" in c and " worker" in c).split()
    assert worker[worker.index("-A") + 1] == "asker"
    assert "-B" in worker or "--beat" in worker, worker
    assert worker[worker.index("--scheduler") + 1] == "django_celery_beat.schedulers:DatabaseScheduler", worker
