"""The accessibility statement, the privacy statement and the contact page: in both languages,
signed out, with their numbers taken from the settings and the database."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from about import content, privacy
from tests.factories import ConsultationFactory
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.content.decode()


def visible_text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("url, lang, heading", [
    ("/tilgjengelighet/", "nb", "Tilgjengelighetserklæring"),
    ("/en/tilgjengelighet/", "en", "Accessibility statement"),
    ("/personvern/", "nb", "Personvernerklæring"),
    ("/en/personvern/", "en", "Privacy statement"),
    ("/kontakt/", "nb", "Kontakt Asker kommune"),
    ("/en/kontakt/", "en", "Contact Asker municipality"),
])
def test_each_page_answers_in_its_language(client, url, lang, heading):
    html = page(client, url)
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html


def test_the_accessibility_statement_has_what_a_norwegian_statement_must(client, settings):
    settings.SITE_URL = "https://planportal.asker.example"
    text = visible_text(page(client, "/tilgjengelighet/"))
    for part in [
        "https://planportal.asker.example", "Asker kommune er ansvarlig",     # the site and who answers for it
        "WCAG 2.1", "47 suksesskriteriene", "oppfyller kravene delvis",      # the standard and the status
        "1.1.1 Ikke-tekstlig innhold", "2.1.1 Tastatur", "PDF",              # what does not conform, and why
        "Meld fra om en barriere",                                             # the feedback function
        "Diskrimineringsnemnda", "Uu-tilsynet", "uutilsynet.no",              # complaints and supervision
        f"axe-core {content.axe_version()}", "Chromium", "Tastaturtester",    # how it was tested
        "Erklæringen ble sist oppdatert 30. november 2026",                   # when
    ]:
        assert part in text, part
    assert re.fullmatch(r"\d+\.\d+\.\d+", content.axe_version())
    assert 'name="problem"' in page(client, "/tilgjengelighet/")


def test_the_english_statement_is_english(client):
    text = visible_text(page(client, "/en/tilgjengelighet/"))
    assert "The portal partly meets the requirements." in text
    assert "Anti-Discrimination Tribunal" in text
    assert "oppfyller kravene delvis" not in text
    # The Norwegian names of laws and bodies are marked as Norwegian for screen readers.
    html = page(client, "/en/tilgjengelighet/")
    assert '<span lang="nb">Diskrimineringsnemnda</span>' in html
    assert '<span lang="nb">forskrift om universell utforming av IKT-løsninger</span>' in html
    assert '<span lang="nb">plan- og bygningsloven</span>' in page(client, "/en/personvern/")


@pytest.fixture
def consultations(world):
    now = timezone.now()
    municipality = world["heggedal"].municipality
    return {
        "open": ConsultationFactory(municipality=municipality, plan=world["plan"], title="Åpen om torget",
                                    retention_days=365, closes_at=now + timedelta(days=10)),
        "closed": ConsultationFactory(municipality=municipality, plan=world["plan"], title="Avsluttet om skolen",
                                      retention_days=30, opens_at=now - timedelta(days=20),
                                      closes_at=now - timedelta(days=5)),
        "forever": ConsultationFactory(municipality=municipality, plan=world["plan"], title="Uten lagringstid",
                                       retention_days=None),
        "anonymised": ConsultationFactory(municipality=municipality, plan=world["plan"], title="Allerede anonymisert",
                                          retention_days=1, opens_at=now - timedelta(days=30),
                                          closes_at=now - timedelta(days=20), anonymised_at=now - timedelta(days=19)),
        "secret": ConsultationFactory(municipality=municipality, plan=None, project=world["secret"],
                                      title="Hemmelig høring", retention_days=90),
    }


def test_the_privacy_statement_lists_each_consultations_retention_period(client, consultations):
    html = page(client, "/personvern/")
    text = visible_text(html)
    closed = consultations["closed"]
    removed_on = (closed.closes_at + timedelta(days=30)).astimezone(timezone.get_current_timezone())
    assert "Åpen om torget" in text and "365 dager etter avslutning" in text
    assert "Avsluttet om skolen" in text and "30 dager etter avslutning" in text
    assert f'datetime="{removed_on:%Y-%m-%d}"' in html
    assert "Uten lagringstid" in text and "Ingen lagringstid: beholdes til forfatterne sletter kontoene sine" in text
    # Already anonymised: no longer holds names, so it is counted, not listed.
    assert "Allerede anonymisert" not in text
    assert "1 avsluttet høring viser ikke lenger hvem som skrev kommentarene." in text
    # A consultation about a confidential project is as hidden here as everywhere.
    assert "Hemmelig høring" not in text
    assert consultations["open"].get_absolute_url() in html


def test_the_english_privacy_statement_gives_the_periods_in_english(client, consultations):
    text = visible_text(page(client, "/en/personvern/"))
    assert "Retention period of each consultation" in text
    assert "365 days after closing" in text and "30 days after closing" in text


def test_a_planner_sees_the_confidential_projects_consultation_too(client, consultations):
    from asker import roles
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="planlegger", role=roles.PLANNER))
    assert "Hemmelig høring" in page(client, "/personvern/")


def test_the_privacy_statement_takes_its_numbers_from_the_settings(client, settings, world):
    settings.ACCOUNTS_ACTIVATION_TIMEOUT = 5 * 86400
    settings.AXES_FAILURE_LIMIT = 7
    settings.AXES_COOLOFF_TIME = timedelta(minutes=45)
    settings.ACCOUNTS_RATE_LIMITS = {"register": (12, 7200), "password_reset": (4, 1800)}
    settings.COMMENT_RATE_LIMITS = [(60, 3), (86400, 40)]
    settings.BARRIER_REPORT_RATE_LIMIT = (6, 3600)
    settings.SESSION_COOKIE_AGE = 7 * 86400
    text = visible_text(page(client, "/personvern/"))
    for part in [
        "ikke er aktivert innen 5 dager",
        "Etter 7 mislykkede forsøk", "i 45 minutter",
        "registreringer: høyst 12 per 2 timer fra én IP-adresse",
        "forespørsler om nytt passord: høyst 4 per 30 minutter fra én IP-adresse",
        "meldinger om barrierer: høyst 6 per time fra én IP-adresse",
        "kommentarer: høyst 3 per minutt fra én konto",
        "kommentarer: høyst 40 per døgn fra én konto",
        "i 7 dager eller til du logger ut",
        f"{privacy.period(365 * 86400)} etter at vi har mottatt den",
    ]:
        assert part in text, part


def test_every_rate_limit_in_the_settings_is_named_in_the_statement(settings):
    assert set(settings.ACCOUNTS_RATE_LIMITS) <= set(privacy.RATE_LIMIT_SCOPES)


def test_the_privacy_statement_names_the_base_map_host_from_the_settings(client, settings, world):
    settings.BASEMAP_URL = "https://kart.example.org/{z}/{x}/{y}.png"
    assert "kart.example.org" in page(client, "/personvern/")
    settings.BASEMAP_URL = ""
    assert "Bakgrunnskartet" not in page(client, "/personvern/")


def test_the_privacy_statement_links_to_seeing_exporting_and_deleting_ones_data(client, world):
    html = page(client, "/personvern/")
    for url in ["/konto/mine-data/", "/konto/mine-data/eksport/", "/konto/mine-data/slett/", "/kontakt/",
                "https://www.datatilsynet.no/"]:
        assert f'href="{url}"' in html, url
    assert 'href="/en/konto/mine-data/eksport/"' in page(client, "/en/personvern/")


def test_many_consultations_are_paged_with_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    for n in range(privacy.CONSULTATIONS_PER_PAGE + 3):
        ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"],
                            title=f"Høring nummer {n:03d}", retention_days=n)
    with django_assert_max_num_queries(10):
        response = client.get("/personvern/")
    assert response.status_code == 200
    assert response.content.decode().count("dager etter avslutning") + \
        response.content.decode().count("dag etter avslutning") == privacy.CONSULTATIONS_PER_PAGE
    second = page(client, "/personvern/?side=2")
    assert second.count("etter avslutning") == 3


def test_the_contact_page_marks_what_is_not_confirmed(client):
    text = visible_text(page(client, "/kontakt/"))
    assert "Katrineåsveien 20, 3440 Røyken" in text
    unconfirmed = [item for item in content.CONTACT if not item["checked"]]
    assert unconfirmed, "every contact detail is confirmed: then drop the marking, not this test"
    for item in unconfirmed:
        assert f"{item['value']} (eksempel, ikke bekreftet av kommunen ennå)" in text
    for item in content.CONTACT:
        if item["checked"]:
            assert f"{item['value']} (eksempel" not in text
    assert 'name="problem"' in page(client, "/kontakt/")
