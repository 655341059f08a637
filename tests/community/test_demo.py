"""manage.py load_demo_community: the eight innbyggertorg and the three committees; a second run
writes nothing."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from community.models import (
    CommitteeMeeting,
    CommitteeMember,
    HoursException,
    Innbyggertorg,
    LocalCommunityCommittee,
    Service,
    WeeklyHours,
)

MODELS = [Innbyggertorg, Service, WeeklyHours, HoursException, LocalCommunityCommittee, CommitteeMember,
          CommitteeMeeting]


def snapshot():
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


@pytest.mark.django_db
def test_the_demo_loads_twice_to_the_same_rows(client):
    call_command("load_demo", verbosity=0)
    call_command("load_demo_community", stdout=StringIO())
    first = snapshot()
    out = StringIO()
    call_command("load_demo_community", stdout=out)
    assert "0 rows written" in out.getvalue()
    assert snapshot() == first

    assert Innbyggertorg.objects.count() == 8
    assert LocalCommunityCommittee.objects.count() == 3
    borgen = Innbyggertorg.objects.get(slug="borgen")
    assert borgen.address == "Søndre Borgen 11, 1388 Borgen" and borgen.centre.slug == "borgen"
    assert not borgen.hours_demo and WeeklyHours.objects.filter(innbyggertorg=borgen).count() == 5
    heggedal = Innbyggertorg.objects.get(slug="heggedal")
    assert heggedal.address == "" and heggedal.location_approximate and heggedal.hours_demo
    assert heggedal.location.equals_exact(heggedal.centre.location, 1e-9)
    assert set(heggedal.services.values_list("kind", flat=True)) >= {"bibliotek", "scene", "helsestasjon"}
    assert all(m.is_demo and m.name.startswith("Demoperson") for m in CommitteeMember.objects.all())
    assert set(LocalCommunityCommittee.objects.values_list("centre__slug", flat=True)) == {
        "tofte", "slemmestad", "heggedal"}

    listing = client.get("/innbyggertorg/")
    assert listing.status_code == 200
    assert len(set(re.findall(r'href="/innbyggertorg/([a-z-]+)/"', listing.content.decode()))) == 8
    assert client.get("/innbyggertorg/heggedal/").status_code == 200
    assert "Demoperson A" in client.get("/lokalsamfunnsutvalg/tofte/").content.decode()
