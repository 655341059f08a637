import os

import pytest

# Sync Playwright runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Each test starts with an empty cache (the test Redis database is shared)."""
    from django.core.cache import cache

    cache.clear()
    yield
