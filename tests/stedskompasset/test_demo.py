"""load_demo_stedskompasset: a closed demo round at Klokkarstua with results, an open one at
Heggedal with too few responses; run twice, the same rows."""

import pytest
from django.core.management import call_command

from stedskompasset.models import SurveyResponse, SurveyRound, ThemeScore


@pytest.mark.django_db
def test_the_demo_loads_twice_to_the_same_rows(client):
    call_command("load_demo", verbosity=0)
    call_command("load_demo_stedskompasset")
    first = list(ThemeScore.objects.values_list("response__round__title", "theme", "score").order_by("pk"))
    call_command("load_demo_stedskompasset")
    assert list(ThemeScore.objects.values_list("response__round__title", "theme", "score").order_by("pk")) == first
    klokkarstua = SurveyRound.objects.get(centre__slug="klokkarstua")
    assert klokkarstua.is_demo and not klokkarstua.is_open
    assert klokkarstua.responses.filter(is_demo=True).count() == klokkarstua.responses.count() == 30
    assert klokkarstua.responses.filter(kind=SurveyResponse.Kind.WORKSHOP).count() == 4
    page = client.get("/stedskompasset/klokkarstua/resultater/").content.decode()
    assert "Demodata: denne runden og svarene i den er laget" in page
    assert 'class="compass"' in page and "oktober 2021" in page
    heggedal = SurveyRound.objects.get(centre__slug="heggedal")
    assert heggedal.is_open
    assert "holdes tilbake" in client.get("/stedskompasset/heggedal/resultater/").content.decode()
    listing = client.get("/stedskompasset/").content.decode()
    assert "Stedskompasset Klokkarstua høsten 2021 (demo)" in listing and "Stedskompasset Heggedal (demo)" in listing
