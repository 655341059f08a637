"""Throughput, latency and query counts of the public pages at Asker size and beyond.

    .venv/bin/python bench/pages.py                    # 550 projects (the meinBerlin comparison)
    .venv/bin/python bench/pages.py --projects 5000 --duration 10

Fills a separate PostGIS database (`asker_bench`, recreated each run) with the demo data plus
generated projects, serves it with gunicorn (2 workers, production settings) and loads each page
with `wrk` (Debian package) for a few seconds. Prints requests/s, p50/p95 latency and the number
of SQL queries each page makes. Also compares the map-data endpoint with the raw PostGIS query
that produces the same features, to show what the Python layer costs.
"""

import argparse
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import time
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


def fill(projects):
    import django

    django.setup()
    from django.contrib.gis.geos import MultiPolygon, Point, Polygon
    from django.core.management import call_command

    from places.models import Centre, Developer, DevelopmentProject, ProjectPhase

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    centres = list(Centre.objects.all())
    developers = list(Developer.objects.all())
    rng = random.Random(3203)
    statuses = DevelopmentProject.Status.values
    Visibility = DevelopmentProject.Visibility
    existing = DevelopmentProject.objects.count()
    new = []
    for i in range(max(0, projects - existing)):
        centre = rng.choice(centres)
        x = centre.location.x + rng.uniform(-0.01, 0.01)
        y = centre.location.y + rng.uniform(-0.005, 0.005)
        size = rng.uniform(0.0005, 0.002)
        new.append(DevelopmentProject(
            municipality_id=centre.municipality_id, centre=centre, name=f"Benkprosjekt {i}",
            slug=f"benk-{i}", status=rng.choice(statuses),
            visibility=Visibility.CONFIDENTIAL if i % 10 == 0 else Visibility.PUBLIC,
            geometry=MultiPolygon(Polygon.from_bbox((x, y, x + size, y + size)), srid=4326),
            location=Point(x + size / 2, y + size / 2, srid=4326),
            flats=rng.randint(0, 300), terraced=rng.randint(0, 40),
        ))
    DevelopmentProject.objects.bulk_create(new, batch_size=1000)
    through = DevelopmentProject.developers.through
    phases, links = [], []
    for project in DevelopmentProject.objects.filter(slug__startswith="benk-"):
        phases.append(ProjectPhase(project=project, number=1, dwellings=project.dwellings_total,
                                   start_year=rng.randint(2015, 2030), finish_year=2035))
        links.append(through(developmentproject=project, developer=rng.choice(developers)))
    ProjectPhase.objects.bulk_create(phases, batch_size=1000)
    through.objects.bulk_create(links, batch_size=1000)
    return DevelopmentProject.objects.count()


def pages():
    from places.models import Centre, DevelopmentProject

    centre = Centre.objects.filter(slug="heggedal").first() or Centre.objects.first()
    project = DevelopmentProject.objects.public().order_by("pk").first()
    bbox = "10.2,59.5,10.8,59.95"
    return {
        "home /": "/",
        "centre tree /steder/": "/steder/",
        "centre page": centre.get_absolute_url(),
        "project list": "/prosjekter/",
        "project list, filtered": "/prosjekter/?min_dwellings=50&year_from=2020",
        "project page": project.get_absolute_url(),
        "plan list": "/planer/",
        "map data, zoom 10 (points)": f"/kart/prosjekter.geojson?bbox={bbox}&zoom=10",
        "map data, zoom 15 (areas)": f"/kart/prosjekter.geojson?bbox={bbox}&zoom=15",
    }


def count_queries(urls):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(ctx.captured_queries)
    return counts


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="asker.settings.production",
               SECRET_KEY="bench-" + "x" * 40, ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false",
               DEBUG="false")
    proc = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "asker.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}",
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


def wrk(url, duration, connections):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|95|99)%\s+([\d.]+\w+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, lat.get("50", "?"), lat.get("95", lat.get("99", "?")), int(errors.group(1)) if errors else 0


def raw_postgis_comparison(duration):
    """The same features straight from PostGIS, to see what Django adds on top. The SQL is
    compiled once from the public queryset, so it filters by the same visibility rule."""
    from django.contrib.gis.db.models.functions import AsGeoJSON
    from django.contrib.gis.geos import Polygon
    from django.db import connection

    from places.models import DevelopmentProject

    bbox = Polygon.from_bbox((10.2, 59.5, 10.8, 59.95))
    bbox.srid = 4326
    queryset = (
        DevelopmentProject.objects.public().filter(location__bboverlaps=bbox)
        .annotate(geo=AsGeoJSON("geometry", precision=6)).values_list("geo", "name", "slug", "status")
        .order_by("pk")[:2001]
    )
    sql, params = queryset.query.sql_with_params()
    runs = 0
    started = time.perf_counter()
    with connection.cursor() as cursor:
        while time.perf_counter() - started < duration:
            cursor.execute(sql, params)
            cursor.fetchall()
            runs += 1
    return runs / (time.perf_counter() - started)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--projects", type=int, default=550)
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")

    recreate_database()
    started = time.perf_counter()
    total = fill(args.projects)
    print(f"database: {total} projects (10 % of the generated ones confidential), "
          f"filled in {time.perf_counter() - started:.1f} s")
    urls = pages()
    queries = count_queries(urls)
    port = free_port()
    server = start_gunicorn(port)
    try:
        print(f"\ngunicorn, 2 workers; wrk, {args.connections} connections, {args.duration} s per page\n")
        print(f"{'page':32} {'queries':>7} {'req/s':>9} {'p50':>9} {'p95':>9}")
        for name, url in urls.items():
            rps, p50, p95, errors = wrk(f"http://127.0.0.1:{port}{url}", args.duration, args.connections)
            flag = f"  ({errors} errors)" if errors else ""
            print(f"{name:32} {queries[name]:>7} {rps:>9.1f} {p50:>9} {p95:>9}{flag}")
        print(f"\nraw PostGIS query behind 'map data, zoom 15', one connection: "
              f"{raw_postgis_comparison(args.duration):.1f} queries/s")
        print("meinBerlin on a comparable machine: project page 8 req/s (28 queries); "
              "bare Django view 4,000 req/s; our bar: 400 req/s for a real page.")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
