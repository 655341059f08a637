"""A file import_brreg cannot use: a clear message, a non-zero exit, nothing changed."""

import gzip
import json
import os
import socket

import pytest
from django.core.management.base import CommandError

from volunteering.models import Organisation

from .conftest import numbers, run_import, unit, write_json

pytestmark = pytest.mark.django_db

A, B = numbers(2, start=97000000)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.fixture
def existing(db):
    return Organisation.objects.create(number=B, name="Finnes Fra Før", source=Organisation.Source.HAND)


def refused(path, message):
    with pytest.raises(CommandError) as raised:
        run_import(path)
    assert message in str(raised.value)
    assert raised.value.returncode == 1  # manage.py exits with it
    return raised.value


@pytest.mark.parametrize("name, content, message", [
    ("bilde.json", PNG, "verken JSON eller CSV"),
    ("tom.json", b"", "Filen er tom"),
    ("tom.json.gz", gzip.compress(b"", mtime=0), "Filen er tom"),
    ("bilde.gz", gzip.compress(PNG, mtime=0), "verken JSON eller CSV"),
    ("objekt.json", json.dumps(unit(A, "Ett Objekt")).encode(), "verken JSON eller CSV"),
    ("tekst.csv", b"navn,adresse\nNoe,Sted\n", "verken JSON eller CSV"),
    ("skadet.json.gz", gzip.compress(json.dumps([unit(A, "Lag")]).encode(), mtime=0)[:-12], "Gzip-filen er skadet"),
    ("latin1.json", ('[{"organisasjonsnummer": "%s", "navn": "Bærum"}' % A).encode("latin-1") + b"]", "ikke UTF-8"),
# Named by the file, not by its bytes: every pytest-xdist worker must collect the same ids.
], ids=lambda value: value if isinstance(value, str) and "." in value and len(value) < 20 else "")
def test_unusable_file_changes_nothing(tmp_path, existing, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    refused(path, message)
    assert list(Organisation.objects.values_list("number", flat=True)) == [B]


def test_array_never_closed_changes_nothing(tmp_path, existing, centres):
    text = "[" + json.dumps(unit(A, "Første Lag")) + ","
    refused(write_json(tmp_path / "kuttet.json", None, text=text), "slutter før JSON-listen er avsluttet")
    assert not Organisation.objects.filter(number=A).exists()


def test_text_after_the_array(tmp_path, existing, centres):
    text = json.dumps([unit(A, "Første Lag")]) + " søppel"
    refused(write_json(tmp_path / "hale.json", None, text=text), "fortsetter etter slutten")
    assert not Organisation.objects.filter(number=A).exists()


def test_missing_file_and_bad_municipality(tmp_path, existing):
    refused(tmp_path / "finnes-ikke.json", "Filen finnes ikke")
    with pytest.raises(CommandError, match="fire sifre"):
        run_import(write_json(tmp_path / "ok.json", []), "--municipality", "32O3")


def test_nothing_named_in_the_file_is_fetched(tmp_path, centres, monkeypatch):
    """Web addresses and URLs in a unit are stored as text; no connection is opened."""
    def no_network(*args, **kwargs):
        raise AssertionError("the import tried to open a connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    units = [unit(A, "Lenkelaget", website="http://127.0.0.1:9/fetch-me")]
    units[0]["links"] = [{"href": "https://data.brreg.no/enhetsregisteret/api/enheter/" + A}]
    out, _err = run_import(write_json(tmp_path / "lenker.json", units))
    assert "opprettet: 1" in out
    assert Organisation.objects.get(number=A).website == "http://127.0.0.1:9/fetch-me"


def test_a_directory_and_an_unreadable_file(tmp_path, existing):
    refused(tmp_path, "Ikke en fil")
    locked = write_json(tmp_path / "låst.json", [])
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who reads any file (root)")
        refused(locked, "Filen kan ikke leses")
    finally:
        locked.chmod(0o600)
