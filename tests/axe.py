"""axe-core in a Playwright page: run the WCAG 2.x A/AA rules and describe what fails.

The browser tests use this through the `axe` fixture in tests/browser/conftest.py; it lives here
so any test that drives a page can use it.
"""

import json
from pathlib import Path
from urllib.parse import urlsplit

from django.templatetags.static import static
from playwright.sync_api import Error as PlaywrightError

AXE_JS = Path(__file__).resolve().parent.parent / "static" / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
# "minor" and "moderate" findings are worth reading but do not block a page.
FAILING_IMPACTS = ("serious", "critical")
_HTML_LIMIT = 300


def run_axe(page, *, include=None, exclude=None, tags=WCAG_TAGS):
    """axe's results for the page as it is now (inject axe first if the page lacks it).

    `include` and `exclude` are lists of CSS selectors that narrow the run, e.g. to check a
    dialog alone; by default the whole document is checked.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        _inject(page)
    context = None
    if include or exclude:
        context = {}
        if include:
            context["include"] = [[s] for s in include]
        if exclude:
            context["exclude"] = [[s] for s in exclude]
    return page.evaluate(
        """([context, tags]) => axe.run(context || document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        [context, list(tags)],
    )


def _inject(page):
    """Load axe into the page: from the site's own static files when the page comes from a
    server, so Chromium caches the compiled script from one page to the next (about half the
    cost of evaluating its 500 kB on every page) and a Content Security Policy allowing the site's
    own scripts ('self') lets it run. Otherwise (set_content, or a server without the site's
    static files) through the DevTools protocol, which no policy refuses; never as an inline
    <script>, which a policy without 'unsafe-inline' would refuse."""
    if urlsplit(page.url).scheme in ("http", "https"):
        try:
            page.add_script_tag(url=static("vendor/axe-core/axe.min.js"))
            return
        except PlaywrightError:
            pass
    page.evaluate(AXE_JS.read_text())


def blocking_violations(results, impacts=FAILING_IMPACTS):
    """The violations with at least one node of a failing impact, keeping only those nodes."""
    found = []
    for violation in results["violations"]:
        nodes = [n for n in violation["nodes"] if (n.get("impact") or violation["impact"]) in impacts]
        if nodes:
            found.append({**violation, "nodes": nodes})
    return found


def format_report(violations, label, url):
    """A report a person can act on without rerunning axe: rule, why, where, what."""
    lines = [f"{len(violations)} accessibility violation(s) on {label} ({url}):"]
    for v in violations:
        lines.append("")
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']}")
        lines.append(f"    {v['helpUrl']}")
        for node in v["nodes"]:
            html = " ".join(node["html"].split())
            if len(html) > _HTML_LIMIT:
                html = html[:_HTML_LIMIT] + "…"
            lines.append(f"  - target: {json.dumps(node['target'], ensure_ascii=False)}")
            lines.append(f"    html:   {html}")
            summary = (node.get("failureSummary") or "").strip().splitlines()
            # The first line only says "Fix any of the following:"; the reasons follow it.
            detail = "; ".join(s.strip() for s in summary[1:3])
            if detail:
                lines.append(f"    why:    {detail}")
    return "\n".join(lines)
