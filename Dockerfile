# Production image for web (gunicorn), worker and beat (Celery); see docker-compose.yml.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=asker.settings.production \
    VAR_DIR=/app/var

# GeoDjango loads GDAL, GEOS and PROJ through ctypes, so the runtime libraries are enough
# (no -dev packages, no pip GDAL). gettext is for compilemessages below.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        gdal-bin libgdal32 libgeos-c1v5 libproj25 gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Requirements first, so that a code change does not reinstall them.
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .

# Production settings refuse to load without a real-looking secret, a PostGIS DATABASE_URL and a
# REDIS_URL. compilemessages and collectstatic connect to neither, so these values exist only for
# this one RUN (ENV would bake them into the image, where the running containers must get their
# own from docker-compose.yml). Static files land in $VAR_DIR/staticfiles for whitenoise.
RUN export SECRET_KEY=build-time-only-not-used-at-run-time-0123456789 \
        DATABASE_URL=postgis://build-time-only@build-time-only.invalid/unused \
        REDIS_URL=redis://build-time-only.invalid:6379/0 \
    && if find . -name '*.po' | grep -q .; then python manage.py compilemessages -v0; fi \
    && python manage.py collectstatic --noinput -v0

# Media is a volume (docker-compose.yml); Docker copies this ownership into a new named volume.
RUN useradd --system --uid 10001 --home-dir /app asker \
    && mkdir -p "$VAR_DIR/media" \
    && chown -R asker: "$VAR_DIR/media"
USER asker

EXPOSE 8000
CMD ["gunicorn", "asker.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
