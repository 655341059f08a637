"""Production settings plus the benchmark's reference views (bench/urls.py): the floor and the
raw PostGIS GeoJSON. Used only by bench/pages.py; never deployed."""

from asker.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
