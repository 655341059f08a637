"""Norwegian data on English pages is marked lang="nb" (names, descriptions): screen readers then
read "Sætre" as Norwegian. Bokmål pages need no mark and get none."""

import re

import pytest

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def saetre(world):
    return ProjectFactory(municipality=world["heggedal"].municipality, centre=world["heggedal"],
                          name="Sætre sentrum", slug="saetre-sentrum", description="Kompakt sentrum og fjordpromenade.")


@pytest.mark.parametrize("url, texts", [
    ("/prosjekter/saetre-sentrum/", ["Sætre sentrum", "Kompakt sentrum og fjordpromenade.", "Heggedal"]),
    ("/prosjekter/", ["Sætre sentrum", "Tandberg Eiendom"]),
    ("/steder/heggedal/", ["Heggedal", "Sætre sentrum", "Heggedal skole", "Heggedal sentrum"]),
    ("/steder/", ["Heggedal"]),
    ("/planer/", ["Heggedal sentrum"]),
])
def test_english_pages_mark_norwegian_data(client, saetre, url, texts):
    english = client.get("/en" + url).content.decode()
    bokmal = client.get(url).content.decode()
    for text in texts:
        assert re.search(rf'lang="nb"[^<]*>(<[^>]+>)?{re.escape(text)}<', english), (url, text)
    assert 'lang="nb"' not in bokmal.replace('<html lang="nb">', "").replace('lang="nb" hreflang="nb"', "")


def test_the_centre_filter_marks_the_names_but_not_the_empty_choice(client, saetre):
    english = client.get("/en/prosjekter/").content.decode()
    assert re.search(r'<option value="heggedal" lang="nb">Heggedal</option>', english)
    assert re.search(r'<option value="" selected>All centres</option>', english)
