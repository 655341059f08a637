"""/stedskompasset/: the rounds by centre, open, upcoming and closed, with links to answer and to results."""

from datetime import timedelta

from django.utils import timezone

from tests.stedskompasset.factories import RoundFactory, closed_round


def test_rounds_by_centre_and_phase(client, heggedal, sentrum):
    now = timezone.now()
    open_round = RoundFactory(centre=heggedal, title="Åpen runde")
    RoundFactory(centre=heggedal, title="Kommende runde", opens_at=now + timedelta(days=5),
                 closes_at=now + timedelta(days=40))
    closed = closed_round(centre=sentrum, title="Avsluttet runde", is_demo=True)
    response = client.get("/stedskompasset/")
    assert response.status_code == 200
    page = response.content.decode()
    # Centres by name: Asker sentrum before Heggedal.
    assert page.index("Asker sentrum") < page.index("Heggedal") < page.index("Åpen runde")
    assert "Åpen:" in page and "Kommer:" in page and "Avsluttet:" in page and "(demodata)" in page
    assert f'/stedskompasset/asker-sentrum/resultater/?runde={closed.pk}' in page
    assert f'/stedskompasset/heggedal/resultater/?runde={open_round.pk}' in page
    assert 'href="/stedskompasset/heggedal/"' in page


def test_no_rounds(client, db):
    response = client.get("/stedskompasset/")
    assert response.status_code == 200 and "Ingen runder ennå." in response.content.decode()


def test_the_survey_page_without_an_open_round(client, heggedal):
    closed_round(centre=heggedal)
    page = client.get("/stedskompasset/heggedal/").content.decode()
    assert "Det er ingen åpen runde ved dette senteret nå." in page
    assert "Se resultatene fra tidligere runder" in page
    assert client.get("/stedskompasset/ukjent/").status_code == 404
