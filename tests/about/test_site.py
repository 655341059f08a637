"""What every page carries: footer links to the two statements and the contact page, and an
icon at /favicon.ico; and the registration page promises only what the portal does."""

import re

import pytest
from django.test import Client

from asker import roles
from tests.factories import ConsultationFactory, UserFactory
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

FOOTER_LINKS = ["tilgjengelighet/", "personvern/", "kontakt/"]


def footer(response):
    html = response.content.decode()
    found = re.findall(r"<footer\b.*?</footer>", html, re.S)
    assert len(found) == 1, "the page has no footer, or more than one"
    return found[0]


def assert_footer_links(response, lang):
    prefix = "/en/" if lang == "en" else "/"
    links = re.findall(r'href="([^"]+)"', footer(response))
    for path in FOOTER_LINKS:
        assert prefix + path in links, f"{prefix + path} missing from the footer of {response.request['PATH_INFO']}"


@pytest.fixture
def signed_in(world):
    clients = {}

    def make(role):
        # One user per role: making it again would set its password again and end the session.
        if role not in clients:
            clients[role] = Client()
            clients[role].force_login(UserFactory(username=role, role=role))
        return clients[role]
    return make


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_kind_of_page_has_the_footer_links(client, world, signed_in, settings, lang):
    prefix = "/en" if lang == "en" else ""
    consultation = ConsultationFactory(municipality=world["heggedal"].municipality, plan=world["plan"], slug="torget")
    pages = [
        (client, "/", 200), (client, "/steder/heggedal/", 200), (client, "/prosjekter/", 200),
        (client, "/prosjekter/heggedal-torg/", 200), (client, f"/planer/{world['plan'].plan_id}/", 200),
        (client, "/medvirkning/", 200), (client, f"/medvirkning/{consultation.slug}/", 200),
        (client, "/konto/logg-inn/", 200), (client, "/konto/registrer/", 200), (client, "/konto/passord/", 200),
        (client, "/tilgjengelighet/", 200), (client, "/personvern/", 200), (client, "/kontakt/", 200),
        (signed_in(roles.RESIDENT), "/konto/", 200), (signed_in(roles.RESIDENT), "/konto/mine-data/", 200),
        (signed_in(roles.PLANNER), "/planlegger/", 200),
        (signed_in(roles.MODERATOR), "/moderering/", 200),
        # Error pages: not found, a refused request, not allowed.
        (client, "/finnes-ikke/", 404), (client, "/prosjekter/?q=%00", 400),
        (signed_in(roles.ORGANISATION_REPRESENTATIVE), "/planlegger/", 403),
    ]
    for who, path, status in pages:
        response = who.get(prefix + path)
        assert response.status_code == status, f"{prefix + path} answered {response.status_code}"
        assert_footer_links(response, lang)
    # Too many requests (429).
    settings.BARRIER_REPORT_RATE_LIMIT = (0, 3600)
    response = client.post(prefix + "/kontakt/", {"problem": "x"})
    assert response.status_code == 429
    assert_footer_links(response, lang)


def test_the_footer_marks_the_page_one_is_on(client):
    for path in FOOTER_LINKS:
        links = footer(client.get("/" + path))
        assert re.search(rf'href="/{path}" aria-current="page"', links)
        assert links.count('aria-current="page"') == 1


def test_favicon_ico_leads_to_an_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    body = b"".join(icon.streaming_content) if icon.streaming else icon.content
    assert body[:4] == b"\x00\x00\x01\x00", "not an ICO file"
    assert int.from_bytes(body[4:6], "little") >= 2  # several sizes
    assert "icon" in icon["Content-Type"]


def test_the_svg_icon_is_there_for_the_head_link(client):
    response = client.get("/static/favicon.svg")
    assert response.status_code == 200 and response["Content-Type"].startswith("image/svg+xml")


def test_registration_links_to_the_privacy_statement(client):
    html = client.get("/konto/registrer/").content.decode()
    assert 'href="/personvern/"' in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'href="/en/personvern/"' in client.get("/en/konto/registrer/").content.decode().split("</main>")[0]


@pytest.mark.parametrize("url, words", [
    ("/konto/registrer/", ["høringer", "arrangementer", "stedskompasset", "frivillige organisasjoner"]),
    ("/en/konto/registrer/", ["consultations", "public meetings", "stedskompasset", "voluntary organisations"])])
def test_registration_says_what_an_account_is_for(client, url, words):
    main = client.get(url).content.decode().lower().split("<main", 1)[1].split("</main>", 1)[0]
    assert all(word in main for word in words), main
