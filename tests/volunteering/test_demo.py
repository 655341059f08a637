"""load_demo_volunteering: invented organisations across categories and centres plus the demo
fixture's import; a second run changes nothing."""

import io
import json

import pytest
from django.core.management import call_command

from volunteering import orgnr
from volunteering.demo import loader
from volunteering.models import Category, Organisation

from .conftest import summary

pytestmark = pytest.mark.django_db


def run():
    out = io.StringIO()
    call_command("load_demo_volunteering", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_demo_loads_and_is_safe_to_run_twice(centres):
    first = run()
    assert first == "demo-organisasjoner: 32\n" + summary(created=4, rejected=1, other=1, not_registered=1, deleted_unknown=1)
    before = list(Organisation.objects.order_by("number").values())
    second = run()
    assert second == "demo-organisasjoner: 32\n" + summary(unchanged=4, rejected=1, other=1, not_registered=1, deleted_unknown=1)
    assert list(Organisation.objects.order_by("number").values()) == before


def test_demo_is_labelled_and_never_a_real_number(centres):
    run()
    assert Organisation.objects.count() == 36
    assert set(Organisation.objects.values_list("source", flat=True)) == {"demo"}
    for number, name in Organisation.objects.values_list("number", "name"):
        assert number.startswith("1") and orgnr.is_valid(number)
        assert "demo" in name.lower()
    # Every category is used, and the organisations are spread over the centres.
    assert not Category.objects.filter(organisations__isnull=True).exists()
    assert set(Organisation.objects.exclude(centre=None).values_list("centre__slug", flat=True)) == set(centres)
    assert Organisation.objects.filter(active=False).exists()


def test_fixture_has_every_case():
    units = json.loads(loader.FIXTURE.read_text(encoding="utf-8"))
    assert any(u.get("slettedato") for u in units)
    assert any(u["forretningsadresse"]["kommunenummer"] != "3203" for u in units)
    assert any(not orgnr.is_valid(u["organisasjonsnummer"]) for u in units)
    assert any(not u["registrertIFrivillighetsregisteret"] for u in units)


def test_the_demo_brings_its_categories_when_the_table_was_emptied():
    """A flushed test database (or a hand-emptied table) has lost migration 0002's rows."""
    Category.objects.all().delete()
    call_command("load_demo_volunteering", stdout=io.StringIO())
    assert Category.objects.count() >= 20
    assert Organisation.objects.filter(active=True, categories__isnull=False).exists()


def test_demo_opportunities_are_made_once(centres):
    from volunteering.models import Opportunity

    run()
    titles = sorted(Opportunity.objects.listed().values_list("title", flat=True))
    assert len(titles) == 4 and "Leksehjelp for barneskoleelever" in titles
    run()
    assert Opportunity.objects.count() == 4
