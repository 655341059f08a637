"""Throughput, latency and query counts of every public page, measured against the floor.

    .venv/bin/python bench/pages.py                    # 550 projects (the meinBerlin comparison)
    .venv/bin/python bench/pages.py --projects 5000 --duration 10

Fills a separate PostGIS database (`asker_bench`, recreated each run) with the demo data plus
generated projects, one consultation with 20,000 comments of which 2,000 are placed on the map,
and a moderation queue. Serves it with gunicorn (2 workers, production settings plus the two
yardsticks of bench/urls.py) and loads each page with `wrk` (Debian package) at 8 and at 32
connections. Prints queries, requests/s, each page's share of the floor and p95.

Public pages are stored whole and validated by ETag (asker/pagecache.py): the table shows them
as served to visitors, plus a browser's revalidation (a 304), two pages as a signed-in planner
(rendered afresh around stored content), the big consultation as a signed-in resident and past
the store (what the first request after a change costs), and the map endpoint past its store.

The floor is a Django view with one query returning 15 KB, measured by the same gunicorn and wrk
before and after the pages (a drifting machine shows as two different floors). The map-data
endpoint is also compared with the raw PostGIS query that builds the same document.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = "asker_bench"
PG = os.environ.get("BENCH_PG", "postgis://postgres@127.0.0.1:5432")
os.environ["DATABASE_URL"] = f"{PG}/{BENCH_DB}"
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
os.environ["DJANGO_SETTINGS_MODULE"] = "asker.settings.test"


def recreate_database():
    import psycopg

    dsn = PG.replace("postgis://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        conn.execute(f"CREATE DATABASE {BENCH_DB}")


# Not a user: the request carries the ETag of the page's last answer, as a browser that has it.
CONDITIONAL = "304"


def pages():
    """Every public page and map layer, the consultation with 20,000 comments, and the moderation
    queue (as the demo moderator): name -> (path, signed in as)."""
    from django.db.models import Count

    from events.models import Event
    from participation.models import Consultation
    from places.models import Centre, DevelopmentProject, Plan
    from volunteering.models import Opportunity, Organisation

    centre = Centre.objects.get(slug="heggedal")
    project = DevelopmentProject.objects.public().order_by("pk").first()
    plan = Plan.objects.order_by("pk").first()
    consultation = Consultation.objects.get(slug="benk-hoering")
    longest = (consultation.comments.filter(parent=None).annotate(n=Count("replies"))
               .order_by("-n").first())
    event = Event.objects.coming().filter(registrations__isnull=False).order_by("pk").first()
    bbox = "10.2,59.5,10.8,59.95"
    return {
        "home /": ("/", None),
        "home, English": ("/en/", None),
        "centre tree": ("/steder/", None),
        "centre page": (centre.get_absolute_url(), None),
        "project list": ("/prosjekter/", None),
        "project list, filtered": ("/prosjekter/?min_dwellings=50&year_from=2020", None),
        "project list, page 5": ("/prosjekter/?page=5", None),
        "project page": (project.get_absolute_url(), None),
        "plan list": ("/planer/", None),
        "plan page": (plan.get_absolute_url(), None),
        "consultation list": ("/medvirkning/", None),
        "consultation, 20,000 comments": (consultation.get_absolute_url(), None),
        "consultation, last page": (consultation.get_absolute_url() + "?side=400", None),
        f"thread, {longest.n:,} replies": (longest.get_absolute_url().split("#")[0], None),
        "thread, last page": (longest.get_absolute_url().split("#")[0] + "?side=40", None),
        "innbyggertorg list": ("/innbyggertorg/", None),
        "innbyggertorg page": ("/innbyggertorg/heggedal/", None),
        "lokalsamfunnsutvalg archive": ("/lokalsamfunnsutvalg/", None),
        "lokalsamfunnsutvalg page": ("/lokalsamfunnsutvalg/heggedal/", None),
        "Stedskompasset rounds": ("/stedskompasset/", None),
        "Stedskompasset survey": ("/stedskompasset/heggedal/", None),
        "Stedskompasset results": ("/stedskompasset/klokkarstua/resultater/", None),
        "accessibility statement": ("/tilgjengelighet/", None),
        "privacy statement": ("/personvern/", None),
        "contact": ("/kontakt/", None),
        "event list": ("/arrangementer/", None),
        "event list, a centre": (f"/arrangementer/?senter={centre.slug}", None),
        "event archive": ("/arrangementer/tidligere/", None),
        "event page": (event.get_absolute_url(), None),
        "event calendar feed": (f"/arrangementer/sted/{centre.slug}/kalender.ics", None),
        "voluntary organisations": ("/frivillighet/", None),
        "voluntary organisations, searched in a centre": (f"/frivillighet/?q=lag&centre={centre.slug}", None),
        "map: voluntary organisations, zoom 10": (f"/frivillighet/kart.geojson?bbox={bbox}&zoom=10", None),
        "organisation page": (Organisation.objects.filter(active=True).order_by("number").first().get_absolute_url(), None),
        "volunteer opportunities": ("/frivillighet/oppdrag/", None),
        "volunteer opportunities, a centre": (f"/frivillighet/oppdrag/?centre={centre.slug}", None),
        "volunteer opportunity page": (Opportunity.objects.listed().order_by("pk").first().get_absolute_url(), None),
        "map image (SVG)": ("/kart/bilde.svg", None),
        "map: boundary, zoom 10": (f"/kart/grense.geojson?bbox={bbox}&zoom=10", None),
        "map: centres, zoom 10": (f"/kart/sentre.geojson?bbox={bbox}&zoom=10", None),
        "map: projects, zoom 10": (f"/kart/prosjekter.geojson?bbox={bbox}&zoom=10", None),
        "map: projects, zoom 15": (f"/kart/prosjekter.geojson?bbox={bbox}&zoom=15", None),
        "map: projects, zoom 15, uncached": (f"/_bench/uncached/prosjekter.geojson?bbox={bbox}&zoom=15", None),
        "raw PostGIS, zoom 15": (f"/_bench/raw-projects.geojson?bbox={bbox}&zoom=15", None),
        "home, 304 (If-None-Match)": ("/", CONDITIONAL),
        "home, as planner": ("/", "planlegger"),
        "project list, as planner": ("/prosjekter/", "planlegger"),
        "consultation, as resident": (consultation.get_absolute_url(), "benk1"),
        "consultation, past the cache": (f"/_bench/uncached/medvirkning/{consultation.slug}/", None),
        "moderation queue": ("/moderering/", "moderator"),
    }


def count_queries(urls):
    """Queries per page, made the way the server makes them (its URLs, the same users)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    counts = {}
    with override_settings(ROOT_URLCONF="bench.urls"):
        for name, (url, username) in urls.items():
            client = Client()
            headers, status = {}, 200
            if username == CONDITIONAL:
                headers, status = {"If-None-Match": client.get(url)["ETag"]}, 304
            elif username:
                client.force_login(get_user_model().objects.get(username=username))
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url, headers=headers)
            assert response.status_code == status, (url, response.status_code)
            counts[name] = len(ctx.captured_queries)
    return counts


def session_cookie(env, username):
    """A session of `username` made under the server's own settings (its secret signs it)."""
    code = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.test import Client\n"
        "c = Client(); c.force_login(get_user_model().objects.get(username=%r))\n"
        "print(settings.SESSION_COOKIE_NAME + '=' + c.cookies[settings.SESSION_COOKIE_NAME].value)\n"
    ) % username
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True).stdout.strip()


def server_env():
    return dict(os.environ, DJANGO_SETTINGS_MODULE="bench.settings", SECRET_KEY="bench-" + "x" * 40,
                ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false", DEBUG="false")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port, env):
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "asker.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning"], cwd=ROOT, env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("gunicorn did not start")


def wrk(url, duration, connections, header=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency"]
    if header:
        command += ["-H", header]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p95_ms(out), int(errors.group(1)) if errors else 0


def p95_ms(wrk_output):
    """wrk --latency prints 50/75/90/99 %; p95 lies between 90 and 99, read off linearly."""
    def ms(text):
        value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    marks = dict(re.findall(r"^\s+(90|99)%\s+([\d.]+(?:us|ms|s))", wrk_output, re.M))
    if len(marks) < 2:
        return float("nan")
    low, high = ms(marks["90"]), ms(marks["99"])
    return low + (high - low) * 5 / 9


def warm_up(port, urls, cookies):
    """Each worker imports, connects and compiles its templates on first use; not measured."""

    for url, username in [("/_bench/floor/", None), *urls.values()]:
        request = urllib.request.Request(f"http://127.0.0.1:{port}{url}")
        if cookies.get(username):
            request.add_header(*cookies[username].split(": ", 1))
        for _ in range(4):  # both workers, whichever takes it
            urllib.request.urlopen(request, timeout=60).read()


def settle(port, seconds=15):
    """Wait until the server has worked off the requests a slow row left queued (wrk stops
    sending, not the server answering): otherwise the next row's latency is the last row's."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        urllib.request.urlopen(f"http://127.0.0.1:{port}/_bench/floor/", timeout=30).read()
        if time.monotonic() - started < 0.02:
            return
        time.sleep(0.2)


def measure(port, urls, queries, duration, connections, cookies):
    floor_url = f"http://127.0.0.1:{port}/_bench/floor/"
    floor_before, floor_p95, _ = wrk(floor_url, duration, connections)
    rows = []
    for name, (url, username) in urls.items():
        settle(port)
        rps, p95, errors = wrk(f"http://127.0.0.1:{port}{url}", duration, connections, cookies.get(username))
        rows.append((name, queries[name], rps, p95, errors))
    floor_after, _, _ = wrk(floor_url, duration, connections)
    floor = (floor_before + floor_after) / 2
    print(f"\nwrk, {connections} connections, {duration} s a page; floor {floor_before:.0f} req/s before "
          f"and {floor_after:.0f} after the pages (p95 {floor_p95:.1f} ms)\n")
    print(f"{'page':32} {'queries':>7} {'req/s':>8} {'of floor':>9} {'p95 ms':>8}")
    for name, count, rps, p95, errors in rows:
        flag = f"  ({errors} non-2xx)" if errors else ""
        print(f"{name:32} {count:>7} {rps:>8.1f} {rps / floor:>8.1%} {p95:>8.1f}{flag}")
    return floor, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=550)
    parser.add_argument("--comments", type=int, default=20000)
    parser.add_argument("--placed", type=int, default=2000, help="comments placed on the map")
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page")
    parser.add_argument("--connections", type=int, nargs="+", default=[8, 32])
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")

    from bench.fill import fill

    recreate_database()
    started = time.perf_counter()
    total = fill(args.projects, args.comments, args.placed)
    print(f"database: {total} projects (10 % of the generated ones confidential), {args.comments} comments "
          f"({args.placed} on the map); filled in {time.perf_counter() - started:.1f} s")
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)  # whitenoise serves from it
    urls = pages()
    queries = count_queries(urls)
    env = server_env()
    cookies = {name: "Cookie: " + session_cookie(env, name) for name in ("moderator", "planlegger", "benk1")}
    port = free_port()
    server = start_gunicorn(port, env)
    try:
        print("gunicorn, 2 workers, production settings")
        warm_up(port, urls, cookies)
        etag = urllib.request.urlopen(f"http://127.0.0.1:{port}{urls['home, 304 (If-None-Match)'][0]}").headers["ETag"]
        cookies[CONDITIONAL] = f"If-None-Match: {etag}"
        for connections in args.connections:
            _, rows = measure(port, urls, queries, args.duration, connections, cookies)
        by_name = {name: rps for name, _, rps, _, _ in rows}
        raw = by_name["raw PostGIS, zoom 15"]
        print(f"\nmap data, zoom 15, against the raw PostGIS document (the same SQL on a cursor): "
              f"the endpoint takes {raw / by_name['map: projects, zoom 15']:.2f}× its time, "
              f"{raw / by_name['map: projects, zoom 15, uncached']:.2f}× past its cache (the bar: within 1.5×)")
        print("meinBerlin on a comparable machine: project page 8 req/s (28 queries), map-ideas list under "
              "2 req/s (106 queries); the bar for a real page of ours: 10 % of the floor.")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
