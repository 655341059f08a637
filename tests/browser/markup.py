"""Markup checks for the tours (tests/browser/tour.py), besides axe.

- In the browser, on the page as it is now (scripts included): no id used twice, and no label or
  ARIA reference that points to no element.
- The HTML the server sent, for every page of a tour, through the Nu Html Checker (vnu), run once
  per tour over all of them: the JVM takes a second or two to start, a page takes milliseconds.
  `make test` installs the checker under var/vnu/ (bin/lib.sh, ensure_vnu).
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urldefrag

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(os.environ.get("VAR_DIR") or ROOT / "var") / "vnu" / "vnu.jar"
# C1 only and the serial collector: a short run over a few dozen pages starts faster that way.
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss2m")
VNU_TIMEOUT = 120

# The attributes whose value is a list of ids of other elements on the page.
ID_REFERENCES = ("aria-labelledby", "aria-describedby", "aria-controls", "aria-errormessage", "aria-owns",
                 "aria-activedescendant", "aria-details", "aria-flowto")

_DOM_CHECK = """(references) => {
    const problems = [];
    const seen = new Map();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
    for (const [id, n] of seen) if (n > 1) problems.push(`id "${id}" is used ${n} times`);
    const describe = el => '<' + el.tagName.toLowerCase() + (el.id ? ` id="${el.id}"` : '')
        + (el.getAttribute('name') ? ` name="${el.getAttribute('name')}"` : '') + '>';
    for (const label of document.querySelectorAll('label[for]')) {
        // control is null both for a missing id and for an element that cannot be labelled.
        if (!label.control) {
            const text = label.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40);
            problems.push(`<label for="${label.htmlFor}"> ("${text}") labels no form control`);
        }
    }
    for (const name of references) {
        for (const el of document.querySelectorAll(`[${name}]`)) {
            for (const id of el.getAttribute(name).split(/\\s+/).filter(Boolean)) {
                if (!document.getElementById(id)) problems.push(`${name}="${id}" on ${describe(el)} names no element`);
            }
        }
    }
    return problems;
}"""


def keep_documents(page):
    """Keep the response of each document the page's main frame loads in `page.document`, so that
    the checker gets what the server sent, not the DOM after the page's scripts."""
    page.document = None

    def seen(response):
        request = response.request
        if request.resource_type == "document" and request.frame == page.main_frame:
            page.document = response

    page.on("response", seen)


def dom_problems(page):
    """Duplicate ids and dangling label/ARIA references on the page as it is now."""
    return page.evaluate(_DOM_CHECK, list(ID_REFERENCES))


def served_html(page):
    """The HTML the server sent for the page the browser shows now."""
    response = getattr(page, "document", None)
    assert response is not None, (
        "the page keeps no document response: make it with the new_page or page fixture, or call "
        "tests.browser.markup.keep_documents(page) before it loads")
    assert urldefrag(response.url).url == urldefrag(page.url).url, (
        f"{page.url} shows a document from {response.url}: the address changed without loading a page")
    return response.body()


def validate(documents):
    """Run vnu once over [(label, url, html bytes)]; return one line per error, naming the page."""
    if not VNU_JAR.is_file():
        return [f"the Nu Html Checker is not installed ({VNU_JAR} is missing): run `make test`, which installs it"]
    java = shutil.which("java")
    if not java:
        return ["java is not installed, so the Nu Html Checker cannot run: run `make test`, which installs it"]
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        files = {}
        for number, (label, url, html) in enumerate(documents):
            path = Path(folder) / f"page-{number:03d}.html"
            path.write_bytes(html)
            files[path.name] = (label, url)
        run = subprocess.run(
            [java, *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--errors-only", "--no-langdetect", "--format", "json",
             "--stdout", "--exit-zero-always", *sorted(str(p) for p in Path(folder).iterdir())],
            capture_output=True, timeout=VNU_TIMEOUT)
    try:
        messages = json.loads(run.stdout)["messages"]
    except (ValueError, KeyError):
        return [f"the Nu Html Checker failed (exit {run.returncode}): "
                f"{(run.stdout + run.stderr).decode(errors='replace')[:2000]}"]
    problems = []
    for message in messages:
        label, url = files.get(message.get("url", "").rpartition("/")[2], ("?", message.get("url", "?")))
        where = f"line {message['lastLine']}" if "lastLine" in message else message["type"]
        extract = message.get("extract", "").replace("\n", " ").strip()
        problems.append(f"{label} {url}, {where}: {message['message']}" + (f"\n      {extract}" if extract else ""))
    return problems

