"""Where a page's time goes: cProfile of the test client against the benchmark's database.

    .venv/bin/python bench/profile_page.py /prosjekter/ [--user moderator] [--top 30] [-n 20]

Run bench/pages.py first (it fills `asker_bench`); this reuses that database and the server's
settings, renders the page once to warm up (past the page cache unless --cached), then profiles `n` renderings and prints the
functions with the largest cumulative and own time.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgis://postgres@127.0.0.1:5432/asker_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
os.environ.update(DJANGO_SETTINGS_MODULE="bench.settings", SECRET_KEY="bench-" + "x" * 40,
                  ALLOWED_HOSTS="testserver,127.0.0.1", SECURE_SSL_REDIRECT="false", DEBUG="false")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--user")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("-n", type=int, default=10)
    parser.add_argument("--cached", action="store_true", help="through the page cache (asker/pagecache.py)")
    args = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings

    settings.PAGE_CACHE = args.cached
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    if args.user:
        client.force_login(get_user_model().objects.get(username=args.user))
    response = client.get(args.url)
    assert response.status_code == 200, response.status_code
    started = time.perf_counter()
    for _ in range(args.n):
        client.get(args.url)
    print(f"{args.url}: {(time.perf_counter() - started) / args.n * 1000:.1f} ms a request, "
          f"{len(response.content) / 1024:.0f} KB")
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.n):
        client.get(args.url)
    profile.disable()
    stats = pstats.Stats(profile).strip_dirs()
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
