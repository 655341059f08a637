import re

import pytest

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_project_page_shows_the_facts(client, world):
    response = client.get("/prosjekter/heggedal-torg/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Heggedal torg</h1>" in html
    assert "Tandberg Eiendom" in html and "139" in html
    assert "75" in html and "64" in html and "2019" in html  # phases
    assert 'href="/planer/3203201901/"' in html  # its zoning plan
    assert "dekar" in html and "m²" in html
    assert 'id="project-geojson"' in html


def test_area_is_shown_in_m2_and_dekar(client, world):
    project = world["torg"]
    html = client.get(project.get_absolute_url()).content.decode()
    m2 = round(project.area_m2)
    shown = re.search(r"([\d\s\xa0,.]+) m² \(([\d,.]+) dekar\)", html)
    assert shown, "area not shown"
    assert int(re.sub(r"\D", "", shown.group(1))) == m2
    assert float(shown.group(2).replace(",", ".")) == pytest.approx(m2 / 1000, abs=0.05)


def test_project_text_is_escaped(client, world):
    ProjectFactory(centre=world["heggedal"], municipality=world["heggedal"].municipality,
                   name="<script>alert(1)</script>", slug="xss", description="<img src=x onerror=alert(1)>")
    html = client.get("/prosjekter/xss/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html


def test_unknown_project_gives_a_friendly_404(client, world):
    response = client.get("/prosjekter/finnes-ikke/")
    assert response.status_code == 404
    assert "/prosjekter/" in response.content.decode()


def test_project_page_query_count(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get("/prosjekter/heggedal-torg/")
    assert response.status_code == 200 and "Heggedal torg" in response.content.decode()
