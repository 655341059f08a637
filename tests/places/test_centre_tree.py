import pytest

from places.models import Centre
from tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


def test_tree_nests_naersentre_under_lokalsentre_under_kommunesenter(client, world):
    CentreFactory(municipality=world["heggedal"].municipality, name="Gullhella", slug="gullhella",
                  level=Centre.Level.NAERSENTER, parent=world["heggedal"], demo_classification=True)
    response = client.get("/steder/")
    assert response.status_code == 200
    html = response.content.decode()
    sentrum, heggedal, gullhella = (html.index(n) for n in ("Asker sentrum", ">Heggedal<", "Gullhella"))
    assert sentrum < heggedal < gullhella
    # Each level is a nested list inside its parent's list item.
    assert html.count('<ul class="tree">') == 3
    assert "demo classification" in html or "demoklassifisering" in html


def test_project_counts_in_the_tree_leave_out_confidential_projects(client, django_user_model, world):
    html = client.get("/steder/").content.decode()
    assert "2 projects" in html or "2 prosjekter" in html
