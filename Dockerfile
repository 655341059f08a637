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

# Settings refuse to load without a real-looking secret; this one exists only during the build
# (ENV would bake it into the image). Static files land in $VAR_DIR/staticfiles for whitenoise.
RUN if find . -name '*.po' | grep -q .; then \
        SECRET_KEY=build-time-only-not-used-at-run-time-0123456789 python manage.py compilemessages -v0; \
    fi \
    && SECRET_KEY=build-time-only-not-used-at-run-time-0123456789 python manage.py collectstatic --noinput -v0

# Media is a volume (docker-compose.yml); Docker copies this ownership into a new named volume.
RUN useradd --system --uid 10001 --home-dir /app asker \
    && mkdir -p "$VAR_DIR/media" \
    && chown -R asker: "$VAR_DIR/media"
USER asker

EXPOSE 8000
CMD ["gunicorn", "asker.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
