"""Registering interest: once per person and opportunity, e-mail to the organisation's
representatives (through Celery, after the commit), withdrawing, marking people contacted,
the rate limit, and the "my data" export."""

import json

import pytest
from django.contrib.auth import get_user_model

from asker import personaldata
from tests.factories import UserFactory
from volunteering.models import Interest, Opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def kari(client, org):
    user = UserFactory(username="kari")
    client.force_login(user)
    return user


def url(opportunity, action):
    return f"/frivillighet/oppdrag/{opportunity.pk}/{action}/"


def test_register_tells_the_representatives(client, opportunity, kari, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(opportunity, "interesse"), {"message": "Jeg kan <b>steke vafler</b>."})
    assert response.status_code == 302
    (mail,) = mailoutbox
    assert mail.to == ["rep@example.org"]  # not the other organisation's representative
    assert mail.subject == "Ny interessemelding: Vakter til 17. mai"
    assert "Jeg kan <b>steke vafler</b>." in mail.body and url(opportunity, "interesserte") in mail.body
    page = client.get(opportunity.get_absolute_url()).content.decode()
    assert "Du meldte interesse" in page and "Trekk interessen min" in page


def test_mail_in_the_language_of_the_page(client, opportunity, kari, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en" + url(opportunity, "interesse"))
    assert mailoutbox[0].subject == "New interest: Vakter til 17. mai"


def test_once(client, opportunity, kari, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(opportunity, "interesse"))
        response = client.post(url(opportunity, "interesse"))
    assert response.status_code == 400
    assert "Du har allerede meldt interesse for dette oppdraget." in response.content.decode()
    assert Interest.objects.filter(user=kari).count() == 1 and len(mailoutbox) == 1


def test_representatives_see_the_message_escaped_and_mark_contacted(client, opportunity, kari):
    client.post(url(opportunity, "interesse"), {"message": "<script>alert(1)</script>"})
    interest = Interest.objects.get(user=kari)
    client.force_login(get_user_model().objects.get(username="rep"))
    page = client.get(url(opportunity, "interesserte")).content.decode()
    assert "kari@example.org" in page and "&lt;script&gt;" in page and "<script>alert(1)" not in page
    client.post(f"{url(opportunity, 'interesserte')}{interest.pk}/kontaktet/", {"contacted": "1"})
    interest.refresh_from_db()
    assert interest.contacted
    client.post(f"{url(opportunity, 'interesserte')}{interest.pk}/kontaktet/", {"contacted": "0"})
    interest.refresh_from_db()
    assert not interest.contacted


def test_mark_contacted_of_another_opportunity_is_refused(client, opportunity, org, centres):
    other = Opportunity.objects.create(organisation=org.__class__.objects.get(number="923609016"), title="Annet",
                                       description="x", commitment="once", centre=centres["heggedal"],
                                       starts_on=opportunity.starts_on, published=True)
    theirs = Interest.objects.create(opportunity=other, user=UserFactory(username="per"))
    client.force_login(get_user_model().objects.get(username="rep"))
    response = client.post(f"{url(opportunity, 'interesserte')}{theirs.pk}/kontaktet/", {"contacted": "1"}, follow=True)
    assert "Ukjent interessemelding." in response.content.decode()
    theirs.refresh_from_db()
    assert not theirs.contacted


def test_withdraw(client, opportunity, kari):
    client.post(url(opportunity, "interesse"))
    response = client.post(url(opportunity, "trekk"), follow=True)
    assert "Interessen din er trukket tilbake." in response.content.decode()
    assert not Interest.objects.exists()
    response = client.post(url(opportunity, "trekk"))
    assert response.status_code == 400 and "Du har ikke meldt interesse" in response.content.decode()


@pytest.mark.parametrize("changes", [{"published": False}, {"ends_on": "2026-01-02", "starts_on": "2026-01-01"}])
def test_closed_opportunities_take_no_interest(client, opportunity, kari, changes):
    Opportunity.objects.filter(pk=opportunity.pk).update(**changes)
    client.force_login(get_user_model().objects.get(username="rep"))  # who still sees a draft
    response = client.post(url(opportunity, "interesse"))
    assert response.status_code == 400 and "ikke lenger åpent" in response.content.decode()
    assert not Interest.objects.exists()


@pytest.mark.parametrize("message, status", [("x" * 1001, 400), ("nul\x00", 400)])
def test_bad_message(client, opportunity, kari, message, status):
    response = client.post(url(opportunity, "interesse"), {"message": message})
    assert response.status_code == status and not Interest.objects.exists()


def test_unknown_and_get(client, opportunity, kari):
    assert client.post("/frivillighet/oppdrag/999999/interesse/").status_code == 404
    assert client.get(url(opportunity, "interesse")).status_code == 405


def test_csrf(opportunity, kari):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(kari)
    assert strict.post(url(opportunity, "interesse")).status_code == 403
    assert not Interest.objects.exists()


def test_rate_limited(client, opportunity, kari, settings):
    settings.VOLUNTEERING_RATE_LIMIT = (2, 3600)
    client.post(url(opportunity, "interesse"))
    client.post(url(opportunity, "trekk"))
    response = client.post(url(opportunity, "interesse"))
    assert response.status_code == 400 and "mange ganger på kort tid" in response.content.decode()
    assert not Interest.objects.exists()


def test_my_data(client, opportunity, kari):
    client.post(url(opportunity, "interesse"), {"message": "Gjerne"})
    (exported,) = personaldata.collect(kari)["volunteering"]
    assert exported["opportunity"] == {"id": opportunity.pk, "title": "Vakter til 17. mai",
                                       "organisation": "Heggedal Hjelpekorps"}
    assert exported["message"] == "Gjerne" and exported["contacted"] is False
    json.dumps(exported)
    assert personaldata.collect(UserFactory(username="per"))["volunteering"] == []
