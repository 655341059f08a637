"""Norwegian bokmål first: the catalogue is complete, and pages speak the visitor's language."""

import shutil
import subprocess
from pathlib import Path

import pytest

PO = Path(__file__).resolve().parents[2] / "locale" / "nb" / "LC_MESSAGES" / "django.po"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
def test_bokmal_catalogue_has_no_untranslated_or_fuzzy_strings():
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(PO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.mark.django_db
def test_pages_in_bokmal_and_english(client, world):
    nb = client.get("/prosjekter/heggedal-torg/").content.decode()
    en = client.get("/en/prosjekter/heggedal-torg/").content.decode()
    assert "Hopp til hovedinnholdet" in nb and "Utbyggere" in nb and "Under bygging" in nb
    assert "Skip to main content" in en and "Developers" in en and "Under construction" in en


@pytest.mark.django_db
def test_filter_errors_in_the_visitors_language(client, world):
    nb = client.get("/prosjekter/?min_dwellings=-1").content.decode()
    en = client.get("/en/prosjekter/?min_dwellings=-1").content.decode()
    assert "Sjekk filtrene" in nb and "større enn eller lik 0" in nb  # Django's own bokmål message
    assert "Check the filters" in en and "greater than or equal to 0" in en
