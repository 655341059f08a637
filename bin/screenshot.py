"""Take a 1280×900 screenshot of the portal's home page, e.g. for the README's docs/home.png.

    .venv/bin/python bin/screenshot.py http://127.0.0.1:8123 docs/home.png [--path /en/]

Runs Debian's Chromium with the browser tests' flags. Requests to any other host than the
server's are blocked, so the picture is the same with and without internet (no base map tiles).
"""

import argparse
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

# The same browser and flags as tests/browser/helpers.py; never `playwright install`.
CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
MAPS_READY = """() => Array.from(document.querySelectorAll('.map')).every(el => {
    if (!el.leafletMap) return false;
    const wanted = (el.dataset.layers || '').split(',').filter(Boolean);
    const loaded = (el.dataset.loaded || '').split(',');
    return wanted.every(name => loaded.includes(name));
})"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="where the portal runs, e.g. http://127.0.0.1:8123")
    parser.add_argument("output", type=Path, help="PNG file to write")
    parser.add_argument("--path", default="/", help="page to take (default: the home page)")
    args = parser.parse_args(argv)

    url = urljoin(args.base_url.rstrip("/") + "/", args.path.lstrip("/"))
    local = urlsplit(url).netloc
    args.output.parent.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO")
            context.route(lambda u: urlsplit(u).netloc != local, lambda route: route.abort())
            page = context.new_page()
            response = page.goto(url, wait_until="load", timeout=30_000)
            if response is None or not response.ok:
                status = response.status if response else "no response"
                print(f"{url}: {status}", file=sys.stderr)
                return 1
            try:
                page.wait_for_function(MAPS_READY, timeout=10_000)
            except PlaywrightTimeoutError:
                # A picture without markers still beats none; say so rather than fail.
                print("warning: the map did not finish loading its layers", file=sys.stderr)
            page.screenshot(path=str(args.output))
        finally:
            browser.close()
    print(f"wrote {args.output} ({url})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
