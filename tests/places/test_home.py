import pytest

pytestmark = pytest.mark.django_db


def test_home_shows_map_legend_centres_and_projects_as_lists(client, world):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="map"' in html and 'data-layers="grense,sentre,prosjekter"' in html
    assert 'class="legend"' in html
    assert "Asker sentrum" in html and "Heggedal" in html
    assert "Heggedal torg" in html and "Heggedal hage" in html
    # 139 + 60 public dwellings in 2 public projects; the confidential 550 are not counted.
    assert "Hemmelig tomt" not in html
    assert "199" in html and "550" not in html


def test_home_is_norwegian_by_default_and_english_under_en(client, world):
    nb = client.get("/")
    en = client.get("/en/")
    assert '<html lang="nb">' in nb.content.decode()
    assert '<html lang="en">' in en.content.decode()
    assert 'href="/en/"' in nb.content.decode()  # the language switch points at the same page
    assert 'href="/"' in en.content.decode()


def test_home_without_data_explains_how_to_load_it(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert "load_demo" in response.content.decode()


def test_base_template_landmarks_and_skip_link(client, world):
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert "<nav" in html and "© Kartverket" in html


def test_home_query_count_is_bounded(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/")
    assert response.status_code == 200 and "Heggedal torg" in response.content.decode()
