# Shared by bin/run and bin/test (sourced, not executed).
#
# Everything here is idempotent and cheap when there is nothing to do, so that a second
# `make run` or `make test` spends its time on the application, not on installing.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV_DIR:-$ROOT/.venv}"  # VENV_DIR: tests point it at the venv they run in
VAR="${VAR_DIR:-$ROOT/var}"

# A failing command under `set -e` would end the calling script without a word; this trap says
# which command failed and where, so no failure of `make run` or `make test` is silent.
# errtrace carries it into functions and subshells.
set -o errtrace
_on_err() {
    local status=$? cmd=$1 line=$2 src=$3
    printf 'error: %s:%s: `%s` failed (exit %s)\n' "${src#"$ROOT"/}" "$line" "$cmd" "$status" >&2
}
trap '_on_err "$BASH_COMMAND" "$LINENO" "${BASH_SOURCE[0]:-$0}"' ERR

if [ -t 2 ]; then
    say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
    die() { printf '\033[1;31merror: %s\033[0m\n' "$*" >&2; exit 1; }
else  # CI logs: no escape codes
    say() { printf '==> %s\n' "$*" >&2; }
    die() { printf 'error: %s\n' "$*" >&2; exit 1; }
fi

# Run a command as root: directly when we are root (CI, containers), else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "need root for: $* (install sudo, or run this as root)"
    fi
}

# Install the Debian packages that are missing. One dpkg-query for all of them keeps the
# common case (everything there) well under a second; apt-get runs only when needed.
# dpkg-query exits 1 as soon as one named package is unknown, which is exactly the case we are
# here for: its status must not end the script (set -e and pipefail), only its output counts.
ensure_apt() {
    if ! command -v dpkg-query >/dev/null; then
        say "not a Debian/Ubuntu system: cannot check for $*; continuing and hoping they are there"
        return 0
    fi
    local installed missing=() pkg
    installed="$( { dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "$@" 2>/dev/null || true; } | awk '$1 == "ii" {print $2}')"
    for pkg in "$@"; do
        grep -qx -- "$pkg" <<<"$installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing system packages: ${missing[*]}"
    # Recommends would pull in e.g. the whole Docker engine with docker-compose.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        || die "apt-get update failed (network or package sources); needed: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        || die "apt-get install failed for: ${missing[*]}"
}

# SpatiaLite is an SQLite extension, so the interpreter's sqlite3 module must be able to
# load extensions. Debian's python3.11 can; pyenv's default build, first on PATH here, cannot.
_can_load_extensions() {
    "$1" -c 'import sqlite3, sys; sys.exit(not hasattr(sqlite3.Connection, "enable_load_extension"))' 2>/dev/null
}

_pick_python() {
    local candidate
    for candidate in ${PYTHON:-} /usr/bin/python3.11 /usr/bin/python3; do
        if [ -x "$candidate" ] && _can_load_extensions "$candidate"; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

# The virtualenv, and the pinned requirements in it. A stamp in .venv holds a hash of the
# requirement files and the interpreter, so pip runs only when one of them has changed.
ensure_venv() {
    if [ -x "$VENV/bin/python" ] && ! _can_load_extensions "$VENV/bin/python"; then
        say "$VENV was built from a Python that cannot load SQLite extensions; rebuilding it"
        rm -rf "$VENV"
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        local python
        python="$(_pick_python)" || die "no Python whose sqlite3 can load extensions (tried ${PYTHON:-} /usr/bin/python3.11 /usr/bin/python3); set PYTHON=/path/to/python3"
        say "creating $VENV from $python"
        "$python" -m venv "$VENV" || die "'$python -m venv' failed (on Debian: apt-get install python3-venv)"
    fi
    # One command substitution per assignment: with two, only the last one's status counts.
    local stamp="$VENV/.requirements.sha256" want digest version
    digest="$(cat "$ROOT/requirements.txt" "$ROOT/requirements-dev.txt" | sha256sum | cut -d' ' -f1)"
    version="$("$VENV/bin/python" -V 2>&1)"
    want="$digest $version"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "installing Python requirements into $VENV"
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/requirements-dev.txt"
        echo "$want" >"$stamp"
    fi
}

# compilemessages walks the whole tree, .venv included (it would recompile Django's own
# catalogues there), and fails outright when there is no locale directory at all, which
# is what a fresh clone has while locale/ is empty (git keeps no empty directories).
compile_messages() {
    local po
    po="$(find "$ROOT" \( -path "$VENV" -o -path "$ROOT/var" -o -path "$ROOT/.git" -o -name node_modules \) -prune -o -name '*.po' -print -quit)"
    if [ -z "$po" ]; then
        say "no translation catalogues (*.po) yet; nothing to compile"
        return 0
    fi
    say "compiling translations"
    (cd "$ROOT" && "$VENV/bin/python" manage.py compilemessages -v0 \
        --ignore=.venv --ignore=var --ignore=.git --ignore=node_modules)
}

# The Nu Html Checker (vnu) that the browser tests run over every page they visit. It comes as one
# jar in the npm package vnu-jar; curl fetches the pinned tarball from the registry, so npm need not
# be installed. The checksum is the registry's dist.integrity for this version (sha512, base64
# there, hex here for sha512sum). Installed under var/ once: a second run only reads the stamp.
VNU_VERSION=26.9.27
VNU_SHA512=4e441de4315f39a582f5e6edbe8cd3b2b1f655aa1dde3620faface791133217c417b12f3f7ead2d8336d8e7efe44f5226618258b44a0860057e9125135e6b428

ensure_vnu() {
    local dir="$VAR/vnu"
    local url="https://registry.npmjs.org/vnu-jar/-/vnu-jar-$VNU_VERSION.tgz" tmp sum status
    if [ -f "$dir/vnu.jar" ] && [ "$(cat "$dir/VERSION" 2>/dev/null)" = "$VNU_VERSION" ]; then
        return 0
    fi
    say "installing the Nu Html Checker $VNU_VERSION (npm package vnu-jar) into $dir"
    mkdir -p "$dir"
    rm -rf "$dir"/.download.*  # what an interrupted run left
    # Beside the jar, so that moving it into place is a rename: no half-written jar is ever seen.
    tmp="$(mktemp -d "$dir/.download.XXXXXX")"
    curl -fsSL --retry 3 -o "$tmp/vnu-jar.tgz" "$url" \
        || { status=$?; rm -rf "$tmp"; die "downloading $url failed (curl exit $status)"; }
    sum="$(sha512sum "$tmp/vnu-jar.tgz" | cut -d' ' -f1)"
    if [ "$sum" != "$VNU_SHA512" ]; then
        rm -rf "$tmp"
        die "$url does not have the pinned sha512 checksum (expected $VNU_SHA512, got $sum); refusing it"
    fi
    tar -xzf "$tmp/vnu-jar.tgz" -C "$tmp" package/build/dist/vnu.jar \
        || { rm -rf "$tmp"; die "the vnu-jar $VNU_VERSION tarball holds no package/build/dist/vnu.jar"; }
    mv "$tmp/package/build/dist/vnu.jar" "$dir/vnu.jar"
    echo "$VNU_VERSION" >"$dir/VERSION"
    rm -rf "$tmp"
}
