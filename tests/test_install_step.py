"""The install step of `make run` and `make test` (bin/lib.sh) on a machine that lacks packages,
and no silent failure of bin/run and bin/test.

A machine where every package is already installed hides a broken install step: `dpkg-query -W`
exits 1 as soon as one named package is unknown, and under `set -euo pipefail` that once ended
both commands without a word. These tests put stand-ins for dpkg-query, apt-get and sudo first
on PATH, so the missing-package path runs here on every machine, without installing anything.
"""

import hashlib
import io
import os
import re
import subprocess
import tarfile
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIB = ROOT / "bin" / "lib.sh"


def _stub(folder, name, body):
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def stubs(tmp_path):
    """A folder of stand-ins first on PATH; apt-get and sudo write their arguments to a log."""
    folder = tmp_path / "stubs"
    folder.mkdir()
    log = tmp_path / "calls.log"
    _stub(folder, "apt-get", f'echo "apt-get $*" >> "{log}"')
    _stub(folder, "sudo", f'echo "sudo $*" >> "{log}"; exec "$@"')
    # As on a fresh machine: dpkg knows none of the packages and says so with exit status 1.
    _stub(folder, "dpkg-query", 'echo "dpkg-query: no packages found matching $3" >&2; exit 1')
    _stub(folder, "dpkg", "exit 1")
    return folder, log


# What the test run exports for PostGIS and Redis must not reach a script under test.
STEERING_VARS = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "VAR_DIR"}


def _bash(script, stub_folder, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k not in STEERING_VARS}
    env.update(PATH=f"{stub_folder}:{os.environ['PATH']}", **(env_extra or {}))
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, timeout=60)


def _ensure_apt(*packages):
    return f'set -euo pipefail; source "{LIB}"; ensure_apt {" ".join(packages)}; echo "went on"'


def test_a_missing_package_is_asked_for_and_the_script_goes_on(stubs):
    folder, log = stubs
    result = _bash(_ensure_apt("asker-no-such-package", "python3"), folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "went on"
    calls = log.read_text().splitlines()
    install = [c for c in calls if c.startswith("apt-get") and " install " in c]
    assert len(install) == 1
    assert install[0].split()[-2:] == ["asker-no-such-package", "python3"]
    assert any(c.startswith("apt-get") and "update" in c for c in calls)
    assert "installing system packages: asker-no-such-package python3" in result.stderr


def test_only_the_missing_packages_are_asked_for(stubs):
    folder, log = stubs
    # dpkg-query as it really answers when some packages are there and some are not:
    # a line for each known one, a complaint for the rest, exit status 1.
    _stub(folder, "dpkg-query", '\n'.join([
        'shift 2',
        'status=0',
        'for p in "$@"; do',
        '  case "$p" in python3|gettext) echo "ii  $p";; *) echo "dpkg-query: no packages found matching $p" >&2; status=1;; esac',
        'done',
        'exit $status',
    ]))
    result = _bash(_ensure_apt("python3", "asker-missing-one", "gettext", "asker-missing-two"), folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "went on"
    install = [c for c in log.read_text().splitlines() if " install " in c]
    assert install[0].split()[-2:] == ["asker-missing-one", "asker-missing-two"]


def test_nothing_is_installed_when_everything_is_there(stubs):
    folder, log = stubs
    _stub(folder, "dpkg-query", 'shift 2; for p in "$@"; do echo "ii  $p"; done')
    result = _bash(_ensure_apt("python3", "gettext"), folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "went on"
    assert not log.exists()


def test_without_root_the_install_goes_through_sudo(stubs):
    folder, log = stubs
    _stub(folder, "id", 'if [ "$1" = "-u" ]; then echo 1000; else exec /usr/bin/id "$@"; fi')
    result = _bash(_ensure_apt("asker-no-such-package"), folder)
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    assert any(c.startswith("sudo env DEBIAN_FRONTEND=noninteractive apt-get install") for c in calls)


def test_a_failed_install_says_so(stubs):
    folder, log = stubs
    _stub(folder, "apt-get", 'case "$*" in *install*) exit 100;; esac')
    result = _bash(_ensure_apt("asker-no-such-package"), folder)
    assert result.returncode != 0
    assert "went on" not in result.stdout
    assert "apt-get install failed for: asker-no-such-package" in result.stderr


# Each script with one command made to fail where the script does not expect it: the failure
# must be reported with the command and where it was, never an exit in silence.
BREAKS = [
    ("run", "awk"),        # inside ensure_apt's pipeline
    ("run", "sha256sum"),  # ensure_venv's requirements stamp
    ("run", "mkdir"),      # the folders of the filesystem broker
    ("test", "awk"),
    ("test", "curl"),       # fetching the Nu Html Checker
    ("test", "sha256sum"),
]


@pytest.mark.parametrize("script,command", BREAKS, ids=[f"{s}-{c}" for s, c in BREAKS])
def test_every_failure_of_run_and_test_prints_what_failed(stubs, tmp_path, script, command):
    folder, _log = stubs
    _stub(folder, "dpkg-query", 'shift 2; for p in "$@"; do echo "ii  $p"; done')
    _stub(folder, command, "exit 3")
    # The venv this test runs in: a checkout without .venv (a git worktree) would build one first.
    env = {"VAR_DIR": str(tmp_path / "var"), "PORT": "0", "VENV_DIR": sys.prefix}
    if command != "curl":
        _installed_vnu(tmp_path / "var")  # nothing to download on the way to the broken command
    result = _bash(f'"{ROOT / "bin" / script}"', folder, env)
    assert result.returncode != 0
    assert result.stderr.strip(), "the script failed without a word"
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: "), result.stderr
    assert command in result.stderr and "exit 3" in result.stderr, result.stderr


@pytest.mark.parametrize("name", ["Makefile", "requirements.txt", "requirements-dev.txt"])
def test_the_commands_speak_of_the_project_only(name):
    """No path outside the checkout: a clone must run from its own files."""
    text = (ROOT / name).read_text()
    assert "../" not in text
    assert "/work/" not in text and "/home/" not in text and "/root/" not in text


# The Nu Html Checker (ensure_vnu): a stand-in curl serves a tarball made here, so nothing is
# downloaded; the pinned checksum is replaced by the stand-in's after lib.sh is sourced.
@pytest.fixture
def vnu_tarball(tmp_path):
    jar = b"PK\x03\x04 a stand-in for vnu.jar"
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in [("package/package.json", b"{}"), ("package/build/dist/vnu.jar", jar)]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    path = tmp_path / "vnu-jar.tgz"
    path.write_bytes(buffer.getvalue())
    return path, hashlib.sha512(path.read_bytes()).hexdigest(), jar


def _installed_vnu(var):
    """var/vnu as ensure_vnu leaves it, so a script that calls it fetches nothing."""
    version = re.search(r"^VNU_VERSION=(\S+)$", LIB.read_text(), re.M).group(1)
    (var / "vnu").mkdir(parents=True)
    (var / "vnu" / "vnu.jar").write_bytes(b"PK")
    (var / "vnu" / "VERSION").write_text(version + "\n")


def _serving_curl(folder, log, tarball):
    """curl that writes `tarball` to the file after -o, and logs its arguments."""
    _stub(folder, "curl", "\n".join([
        f'echo "curl $*" >> "{log}"',
        'while [ $# -gt 0 ]; do case "$1" in -o) out="$2"; shift;; esac; shift; done',
        f'cp "{tarball}" "$out"',
    ]))


def _ensure_vnu(var, sha512):
    return (f'set -euo pipefail; source "{LIB}"; VAR="{var}"; VNU_SHA512={sha512}; '
            'ensure_vnu; echo "went on"')


def test_the_checker_is_fetched_verified_and_unpacked_once(stubs, tmp_path, vnu_tarball):
    folder, log = stubs
    tarball, sha512, jar = vnu_tarball
    _serving_curl(folder, log, tarball)
    var = tmp_path / "var"
    result = _bash(_ensure_vnu(var, sha512), folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "went on"
    assert (var / "vnu" / "vnu.jar").read_bytes() == jar
    assert sorted(p.name for p in (var / "vnu").iterdir()) == ["VERSION", "vnu.jar"]  # no leftovers
    calls = log.read_text().splitlines()
    assert len(calls) == 1 and "https://registry.npmjs.org/vnu-jar/-/vnu-jar-26.9.27.tgz" in calls[0]

    # The second run reads the stamp and fetches nothing.
    again = _bash(_ensure_vnu(var, sha512), folder)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "went on" and again.stderr == ""
    assert len(log.read_text().splitlines()) == 1


def test_a_tarball_with_the_wrong_checksum_is_refused(stubs, tmp_path, vnu_tarball):
    folder, log = stubs
    tarball, _sha512, _jar = vnu_tarball
    _serving_curl(folder, log, tarball)
    var = tmp_path / "var"
    # The real pin: the stand-in tarball is not the registry's.
    result = _bash(f'set -euo pipefail; source "{LIB}"; VAR="{var}"; ensure_vnu; echo "went on"', folder)
    assert result.returncode != 0
    assert "went on" not in result.stdout
    assert "does not have the pinned sha512 checksum" in result.stderr and "refusing it" in result.stderr
    assert not (var / "vnu" / "vnu.jar").exists()
    assert list((var / "vnu").iterdir()) == []  # the refused download is not left behind


def test_a_failed_download_says_so(stubs, tmp_path):
    folder, _log = stubs
    _stub(folder, "curl", "exit 6")  # curl: could not resolve host
    var = tmp_path / "var"
    result = _bash(_ensure_vnu(var, "0" * 128), folder)
    assert result.returncode != 0
    assert "downloading https://registry.npmjs.org/vnu-jar/-/vnu-jar-26.9.27.tgz failed (curl exit 6)" in result.stderr
    assert not (var / "vnu" / "vnu.jar").exists()


def test_make_test_installs_java_curl_and_the_checker():
    script = (ROOT / "bin" / "test").read_text()
    install = script[script.index("ensure_apt"):script.index("ensure_venv")]
    assert "default-jre-headless" in install and "curl" in install
    assert "\nensure_vnu\n" in install
