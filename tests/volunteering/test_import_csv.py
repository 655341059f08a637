"""import_brreg on the bulk CSV: recognised by its header, dotted column names for nested fields,
extra columns ignored."""

import gzip

import pytest

from volunteering.models import Organisation

from .conftest import numbers, run_import, summary

pytestmark = pytest.mark.django_db

A, B, C, D = numbers(4, start=98000000)

HEADER = ('"organisasjonsnummer","navn","organisasjonsform.kode","forretningsadresse.adresse",'
          '"forretningsadresse.postnummer","forretningsadresse.poststed","forretningsadresse.kommunenummer",'
          '"hjemmeside","registrertIFrivillighetsregisteret","slettedato","antallAnsatte"')


def rows():
    return [
        f'"{A}","Vollen Seilforening","FLI","Vollenveien 3","1390","VOLLEN","3203","vollenseil.example","true","","0"',
        f'"{B}","Heggedal Sanitetsforening","FLI","Heggedalsveien 9","1389","HEGGEDAL","3203","","true","",""',
        f'"{C}","Lier Historielag","FLI","","3400","LIER","3312","","true","",""',
        f'"{D}","Heggedal Velforening","FLI","","1389","HEGGEDAL","3203","","false","",""',
        '"123456789","Feil Nummer","FLI","","1389","HEGGEDAL","3203","","true","",""',
        f'"{A}9","For Mange Felt","FLI","","1389","HEGGEDAL","3203","","true","","","ekstra"',
    ]


def write_csv(path, lines, compress=False):
    data = ("\n".join([HEADER, *lines]) + "\n").encode()
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def test_csv_file(tmp_path, centres):
    out, err = run_import(write_csv(tmp_path / "enheter.txt", rows()))
    assert out == summary(created=2, rejected=2, other=1, not_registered=1)
    assert "CSV-rad med 12 felt der overskriftslinjen har 11" in err
    vollen = Organisation.objects.get(number=A)
    assert (vollen.name, vollen.street, vollen.postcode, vollen.website) == (
        "Vollen Seilforening", "Vollenveien 3", "1390", "vollenseil.example")
    # No Vollen centre in this small world: the post town names none either.
    assert vollen.location is None
    assert Organisation.objects.get(number=B).centre == centres["heggedal"]


def test_gzipped_csv_and_second_run(tmp_path, centres):
    path = write_csv(tmp_path / "enheter.json", rows(), compress=True)
    run_import(path)
    out, _err = run_import(path)
    assert out == summary(unchanged=2, rejected=2, other=1, not_registered=1)


def test_deleted_in_csv(tmp_path, centres):
    run_import(write_csv(tmp_path / "a.csv", rows()))
    deleted = [rows()[0].replace('"true","",', '"true","2025-02-01",')]
    out, _err = run_import(write_csv(tmp_path / "b.csv", deleted))
    assert out == summary(deactivated=1)
    assert not Organisation.objects.get(number=A).active


def test_semicolon_csv(tmp_path, centres):
    header = "organisasjonsnummer;navn;forretningsadresse.kommunenummer;registrertIFrivillighetsregisteret"
    path = tmp_path / "enheter.csv"
    path.write_text(f"{header}\n{A};Semikolonlaget;3203;true\n", encoding="utf-8")
    out, _err = run_import(path)
    assert out == summary(created=1)


def test_byte_order_mark_and_windows_line_ends(tmp_path, centres):
    path = tmp_path / "enheter.csv"
    path.write_bytes(("\ufeff" + HEADER + "\r\n" + rows()[0] + "\r\n").encode("utf-8"))
    out, _err = run_import(path)
    assert out == summary(created=1)
    assert Organisation.objects.get().name == "Vollen Seilforening"
