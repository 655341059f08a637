"""What browser tests share besides fixtures: how Chromium is started, and waiting for maps."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# /usr/bin/chromium is a wrapper script that prints a shell error; the binary is quiet.
CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
# Failing fast beats Playwright's 30 s default: every page here comes from localhost.
TIMEOUT_MS = 10_000
# More than any page here has focusable elements; a loop that gets this far is lost.
MAX_TABS = 80


def wait_for_maps(page, timeout=5_000):
    """Wait until every map on the page is drawn and has loaded all the layers it asks for.

    map.js lists each loaded layer in the map element's data-loaded; a map without data layers
    only needs Leaflet to have started. Fails if map.js or Leaflet is broken, saying why.
    """
    ready = True
    try:
        page.wait_for_function(
            """() => Array.from(document.querySelectorAll('.map')).every(el => {
                if (!el.leafletMap) return false;
                const wanted = (el.dataset.layers || '').split(',').filter(Boolean);
                const loaded = (el.dataset.loaded || '').split(',');
                return wanted.every(name => loaded.includes(name));
            })""",
            timeout=timeout,
        )
    except PlaywrightTimeoutError:
        ready = False
    if not ready:
        maps = page.evaluate(
            """() => Array.from(document.querySelectorAll('.map')).map(el => ({
                id: el.id, started: !!el.leafletMap,
                layers: el.dataset.layers || '', loaded: el.dataset.loaded || '',
            }))"""
        )
        pytest.fail(f"the maps on {page.url} did not load: {maps}; JavaScript errors: {page.js_errors}",
                    pytrace=False)
    assert not page.js_errors, f"JavaScript errors on {page.url}: {page.js_errors}"


def focused(page):
    """What has keyboard focus now, and whether it shows: tag, href, text, label, focus styles."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            const shadow = style.boxShadow !== 'none';
            return {
                tag: el.tagName.toLowerCase(),
                href: el.getAttribute('href'),
                text: (el.innerText || '').trim(),
                label: el.getAttribute('aria-label'),
                classes: el.getAttribute('class') || '',
                visible: outline || shadow,
                html: el.outerHTML.slice(0, 200),
            };
        }"""
    )


def tab_until(page, wanted, limit=MAX_TABS):
    """Press Tab until `wanted(focused)` holds; return every element focused on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        seen.append(now)
        if now and wanted(now):
            return seen
    trail = "\n".join(f"  {f['tag']} {f['href'] or ''} {f['label'] or f['text'][:40]!r}" if f else "  (body)"
                      for f in seen)
    pytest.fail(f"{limit} presses of Tab never got there; focus went through:\n{trail}", pytrace=False)
