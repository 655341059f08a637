"""Every URL name of the project is either checked with axe or exempt with a reason
(page_catalogue.py), and the catalogue says what the tours really do. No browser needed."""

import ast
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse
from django.urls.resolvers import RegexPattern
from django.utils import translation

from tests.browser.page_catalogue import CHECKED, EXEMPT, EXEMPT_NAMESPACES, POST_ONLY

HERE = Path(__file__).resolve().parent
TOUR_CALLS = {"visit", "here"}


def url_names(resolver=None, namespace=()):
    """(name, pattern) for every URL pattern, walking includes and namespaces; name is None for
    a pattern without one."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + ((entry.namespace,) if entry.namespace else ())
            yield from url_names(entry, inner)
        elif isinstance(entry, URLPattern):
            name = ":".join(namespace + (entry.name,)) if entry.name else None
            yield name, namespace, entry


def project_names(resolver=None):
    """{name: pattern} outside the exempt namespaces, and the patterns there without a name."""
    names, unnamed = {}, []
    for name, namespace, pattern in url_names(resolver):
        if namespace and namespace[0] in EXEMPT_NAMESPACES:
            continue
        if name is None:
            unnamed.append(str(pattern.pattern))
        else:
            names[name] = pattern
    return names, unnamed


def toured_names():
    """The URL names passed to tour.visit(page, NAME) and tour.here(page, NAME) in the browser
    tests: a string literal, or a loop variable over a tuple or list of string literals."""
    found, unreadable = {}, []
    for source in sorted(HERE.glob("test_*.py")):
        tree = ast.parse(source.read_text(), filename=str(source))
        loops = {}
        for node in ast.walk(tree):
            if (isinstance(node, ast.For) and isinstance(node.target, ast.Name)
                    and isinstance(node.iter, (ast.Tuple, ast.List))
                    and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.iter.elts)):
                for inner in ast.walk(node):
                    loops[id(inner)] = (node.target.id, [e.value for e in node.iter.elts])
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in TOUR_CALLS and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "tour" and len(node.args) >= 2):
                continue
            arg = node.args[1]
            where = f"{source.name}:{node.lineno}"
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, []).append(where)
            elif isinstance(arg, ast.Name) and loops.get(id(node), ("",))[0] == arg.id:
                for value in loops[id(node)][1]:
                    found.setdefault(value, []).append(where)
            else:
                unreadable.append(where)
    return found, unreadable


def unaccounted(names):
    return sorted(set(names) - set(CHECKED) - set(EXEMPT))


def test_every_url_name_has_an_axe_check_or_a_reason_to_have_none():
    names, unnamed = project_names()
    assert not unnamed, f"URL patterns without a name cannot be checked or exempted; name them: {unnamed}"
    missing = unaccounted(names)
    assert not missing, (
        f"These URL names have no axe check: {missing}. Open each page (and its states) with "
        "tour.visit or tour.here in a browser test and add it to CHECKED in "
        "tests/browser/page_catalogue.py, or, if it is not an HTML page, add it to EXEMPT with the reason."
    )
    gone = sorted((set(CHECKED) | set(EXEMPT)) - set(names))
    assert not gone, f"page_catalogue.py lists URL names the project no longer has: {gone}"
    both = sorted(set(CHECKED) & set(EXEMPT))
    assert not both, f"listed as checked and as exempt: {both}"
    assert all(reason.strip() for reason in EXEMPT.values())


def test_a_new_page_without_an_axe_check_is_caught():
    def view(request):
        raise AssertionError("never called")

    urls = [*get_resolver().url_patterns, path("ny-side/", view, name="new_page"), path("uten-navn/", view)]
    names, unnamed = project_names(URLResolver(RegexPattern(r"^/"), urls))
    real_names, real_unnamed = project_names()
    assert set(unaccounted(names)) - set(unaccounted(real_names)) == {"new_page"}
    assert set(unnamed) - set(real_unnamed) == {"uten-navn/"}


def test_the_catalogue_lists_exactly_the_pages_the_axe_tours_open():
    toured, unreadable = toured_names()
    assert not unreadable, f"tour calls whose URL name is not a string literal (write it out): {unreadable}"
    not_toured = sorted(set(CHECKED) - set(toured))
    assert not not_toured, f"CHECKED in page_catalogue.py names pages no axe tour opens: {not_toured}"
    not_listed = sorted(set(toured) - set(CHECKED))
    assert not not_listed, f"axe tours open pages missing from CHECKED in page_catalogue.py: {not_listed}"


def _dummy_kwargs(pattern):
    """Values for a pattern's parameters; enough for a view that refuses GET before any lookup."""
    values = {"int": 1, "slug": "x", "str": "x", "path": "x", "uuid": "00000000-0000-0000-0000-000000000000"}
    converters = pattern.pattern.converters
    return {key: values.get(type(conv).__name__.removesuffix("Converter").lower(), "x")
            for key, conv in converters.items()}


@pytest.mark.django_db
def test_the_exempt_names_answer_get_with_no_html_page(admin_client, world, plan_document):
    """The reasons in EXEMPT hold: a GET by a user who may do anything gets no HTML page."""
    real = {
        "places:map_layer": {"layer": "prosjekter"},
        "places:plan_document": {"plan_id": world["plan"].plan_id, "pk": plan_document.pk},
        # Only nine digits match the organisation number's converter.
        "volunteering:request_representation": {"number": "974760673"},
    }
    names, _ = project_names()
    for name, reason in EXEMPT.items():
        kwargs = real.get(name) or _dummy_kwargs(names[name])
        for lang in ("nb", "en"):
            # The request activates its language in this thread; override puts ours back after.
            with translation.override(lang):
                url = reverse(name, kwargs=kwargs or None)
                response = admin_client.get(url)
            if reason == POST_ONLY:
                assert response.status_code == 405, f"{name} ({url}) is exempt as POST only, but GET answers {response.status_code}"
            else:
                html = response.get("Content-Type", "").startswith("text/html")
                assert not (response.status_code == 200 and html), f"{name} ({url}) answers GET with an HTML page"
