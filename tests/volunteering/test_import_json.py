"""import_brreg on the bulk JSON: what it keeps, what it skips, what it says, and that a second
run changes nothing."""

import json

import pytest

from volunteering.models import Organisation

from .conftest import numbers, run_import, summary, unit, write_json

pytestmark = pytest.mark.django_db

A, B, C, D, E, F = numbers(6)


def good_units():
    return [
        unit(A, "Heggedal Idrettslag"),
        unit(B, "Asker Korps", postcode="1384", town="ASKER", street="Torget 2", website="www.askerkorps.example"),
        unit(C, "Drammen Sjakklubb", kommune="3301", postcode="3015", town="DRAMMEN"),
        unit(D, "Heggedal Borettslag", registered=False),
        unit(E, "Nedlagt Lag", deleted="2024-01-05"),
        unit(F, "Ukjent Sted Forening", postcode="9999", town="LANGTVEKK"),
    ]


def test_good_file(tmp_path, centres):
    out, err = run_import(write_json(tmp_path / "enheter.json", good_units()))
    assert out == summary(created=3, other=1, not_registered=1, deleted_unknown=1)
    assert err == ""
    assert set(Organisation.objects.values_list("number", flat=True)) == {A, B, F}
    hegg = Organisation.objects.get(number=A)
    assert (hegg.name, hegg.street, hegg.postcode, hegg.post_town, hegg.municipality_number) == (
        "Heggedal Idrettslag", "Heggedalsveien 1", "1389", "HEGGEDAL", "3203")
    assert hegg.source == Organisation.Source.BRREG and hegg.active
    assert hegg.centre == centres["heggedal"]
    assert hegg.location.equals_exact(centres["heggedal"].location)
    assert hegg.location_approximate and hegg.location_basis == Organisation.LocationBasis.POSTCODE
    korps = Organisation.objects.get(number=B)
    assert korps.centre == centres["asker-sentrum"] and korps.website_url == "https://www.askerkorps.example"
    nowhere = Organisation.objects.get(number=F)
    assert nowhere.location is None and nowhere.centre is None
    assert nowhere.location_basis == Organisation.LocationBasis.NONE and not nowhere.location_approximate
    assert not Organisation.objects.filter(categories__isnull=False).exists()


def test_second_run_changes_nothing(tmp_path, centres):
    path = write_json(tmp_path / "enheter.json", good_units())
    run_import(path)
    before = list(Organisation.objects.order_by("number").values())
    out, _err = run_import(path)
    assert out == summary(unchanged=3, other=1, not_registered=1, deleted_unknown=1)
    assert list(Organisation.objects.order_by("number").values()) == before


def test_gzipped_file_is_read_whatever_its_name(tmp_path, centres):
    out, _err = run_import(write_json(tmp_path / "enheter.csv", good_units(), compress=True))
    assert out == summary(created=3, other=1, not_registered=1, deleted_unknown=1)
    assert Organisation.objects.count() == 3


def test_changes_in_the_register_update_and_deactivate(tmp_path, centres):
    run_import(write_json(tmp_path / "first.json", good_units()))
    changed = good_units()
    changed[0]["navn"] = "Heggedal IL"
    changed[1]["slettedato"] = "2025-03-01"
    changed[5]["registrertIFrivillighetsregisteret"] = False  # left the register
    out, _err = run_import(write_json(tmp_path / "second.json", changed))
    assert out == summary(updated=1, deactivated=2, other=1, not_registered=1, deleted_unknown=1)
    assert Organisation.objects.get(number=A).name == "Heggedal IL"
    assert set(Organisation.objects.filter(active=False).values_list("number", flat=True)) == {B, F}
    out, _err = run_import(write_json(tmp_path / "second.json", changed))
    assert out == summary(unchanged=2, other=1, not_registered=2, deleted_unknown=1)


def test_hand_entered_organisation_is_not_deactivated_for_leaving_the_register(tmp_path, centres):
    Organisation.objects.create(number=D, name="Heggedal Borettslag", source=Organisation.Source.HAND)
    out, _err = run_import(write_json(tmp_path / "enheter.json", good_units()))
    assert out == summary(created=3, other=1, not_registered=1, deleted_unknown=1)
    assert Organisation.objects.get(number=D).active


def test_bad_numbers_and_records_are_rejected_and_the_rest_imported(tmp_path, centres):
    units = [
        unit("974760674", "Feil Kontrollsiffer"),
        unit("97476067", "Åtte Siffer"),
        unit("400000001", "Rest En"),
        unit("97476067\x00", "NUL"),
        {"navn": "Uten Nummer"},
        "not an object",
        unit(A, ""),  # no name
        unit(B, "N" * 301),
        unit(C, "Gyldig Lag"),
        unit(D, "NUL\x00 i navnet"),
    ]
    out, err = run_import(write_json(tmp_path / "enheter.json", units))
    assert out == summary(created=1, rejected=9)
    assert list(Organisation.objects.values_list("number", flat=True)) == [C]
    assert err.count("avvist") == 9
    assert "element 1 avvist: ugyldig organisasjonsnummer '974760674'" in err
    assert f"element 7 avvist: {A}: mangler navn" in err


def test_broken_element_in_the_middle_is_skipped(tmp_path, centres):
    first, second, third = (json.dumps(unit(n, name), ensure_ascii=False) for n, name in
                            ((A, "Første Lag"), (B, "Andre Lag"), (C, "Tredje Lag")))
    broken = '{"organisasjonsnummer": "%s", "navn": "Ødelagt", "forretningsadresse": {"kommunenummer": "3203",, }' % D
    text = f"[{first},\n{broken},\n{second},{{\"navn\": tru}},{third}]"
    out, err = run_import(write_json(tmp_path / "enheter.json", None, text=text))
    assert out == summary(created=3, rejected=2)
    assert set(Organisation.objects.values_list("number", flat=True)) == {A, B, C}
    assert "ikke gyldig JSON" in err


def test_broken_last_element(tmp_path, centres):
    text = "[" + json.dumps(unit(A, "Første Lag")) + ', {"organisasjonsnummer": ]'
    out, _err = run_import(write_json(tmp_path / "enheter.json", None, text=text))
    assert out == summary(created=1, rejected=1)


def test_empty_array(tmp_path, centres):
    out, _err = run_import(write_json(tmp_path / "enheter.json", []))
    assert out == summary()


def test_other_municipality_by_option(tmp_path, centres):
    out, _err = run_import(write_json(tmp_path / "enheter.json", good_units()), "--municipality", "3301")
    assert out == summary(created=1, other=5)
    drammen = Organisation.objects.get()
    assert drammen.number == C and drammen.location is None  # Asker's postcodes place nothing there


def test_postal_address_when_no_business_address(tmp_path, centres):
    only_post = unit(A, "Postlaget")
    only_post["postadresse"] = only_post.pop("forretningsadresse")
    out, _err = run_import(write_json(tmp_path / "enheter.json", [only_post]))
    assert out == summary(created=1)
    assert Organisation.objects.get().post_town == "HEGGEDAL"


def test_import_renews_the_pages_stamp_only_when_it_changes_something(tmp_path, centres):
    from asker import pagecache

    path = write_json(tmp_path / "enheter.json", good_units())
    before = pagecache.version()
    run_import(path)
    after_first = pagecache.version()
    assert after_first != before
    run_import(path)
    assert pagecache.version() == after_first


def test_a_place_set_by_hand_is_kept(tmp_path, centres):
    from django.contrib.gis.geos import Point

    here = Point(10.5, 59.7, srid=4326)
    Organisation.objects.create(number=A, name="Heggedal Idrettslag", location=here, centre=centres["asker-sentrum"],
                                location_basis=Organisation.LocationBasis.HAND, source=Organisation.Source.HAND)
    run_import(write_json(tmp_path / "enheter.json", good_units()))
    kept = Organisation.objects.get(number=A)
    assert kept.location.equals_exact(here) and kept.centre == centres["asker-sentrum"]
    assert kept.street == "Heggedalsveien 1" and kept.source == Organisation.Source.HAND
