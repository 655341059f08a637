"""The register's stored pages show a change at the very next request: an edit in the admin
(a save), a category added (a many-to-many change) and an import (bulk writes, which bump the
stamp themselves), for the public and an administrator, in bokmål and English."""

import pytest

from asker import roles
from tests.factories import UserFactory
from volunteering.models import Category, Organisation

from .conftest import run_import, unit, write_json

pytestmark = pytest.mark.django_db

LIST = "/frivillighet/"
DETAIL = "/frivillighet/organisasjoner/974760673/"


@pytest.fixture(params=["public", "administrator"])
def viewer(request, client, db):
    if request.param == "administrator":
        client.force_login(UserFactory(username="admin", role=roles.ADMINISTRATOR))
    client.role = request.param
    return client


@pytest.fixture(params=["", "/en"], ids=["nb", "en"])
def prefix(request):
    return request.param


def load(client, prefix, paths):
    pages = {}
    for path in paths:
        for _ in range(2):  # the second from the store, for the public
            response = client.get(prefix + path)
            assert response.status_code == 200
        if client.role == "public":
            assert response.has_header("ETag")
        pages[path] = response.content.decode()
    return pages


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(number="974760673", name="Gammelt Navn", post_town="HEGGEDAL")


def test_a_save_shows(viewer, prefix, organisation):
    load(viewer, prefix, [LIST, DETAIL])
    organisation.name = "Nytt Navn"
    organisation.save()
    assert all("Nytt Navn" in page for page in load(viewer, prefix, [LIST, DETAIL]).values())


def test_a_new_category_shows(viewer, prefix, organisation):
    load(viewer, prefix, [LIST, DETAIL])
    organisation.categories.add(Category.objects.get(code="5 200"))
    label = "Animal protection" if prefix else "Dyrevern"
    assert all(label in page for page in load(viewer, prefix, [LIST, DETAIL]).values())


def test_an_import_shows(viewer, prefix, organisation, tmp_path):
    load(viewer, prefix, [LIST, DETAIL])
    run_import(write_json(tmp_path / "e.json", [unit("974760673", "Importert Navn"), unit("923609016", "Nytt Lag")]))
    pages = load(viewer, prefix, [LIST, DETAIL])
    assert "Importert Navn" in pages[DETAIL] and "Nytt Lag" in pages[LIST]


def test_deactivation_by_import_shows(viewer, prefix, tmp_path):
    run_import(write_json(tmp_path / "a.json", [unit("974760673", "Snart Borte")]))
    load(viewer, prefix, [LIST])
    run_import(write_json(tmp_path / "b.json", [unit("974760673", "Snart Borte", deleted="2025-01-01")]))
    page = load(viewer, prefix, [LIST])[LIST]
    assert ("Snart Borte" in page) is (viewer.role == "administrator")
