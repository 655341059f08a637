"""The form for reporting a barrier (on /tilgjengelighet/ and /kontakt/): a report is stored and
mailed to the administrators only; robots, floods, bad input and forged posts change nothing."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from about import services
from about.models import PROBLEM_MAX_LENGTH, BarrierReport
from asker import roles
from tests.about.conftest import report

pytestmark = pytest.mark.django_db

PAGES = ["/tilgjengelighet/", "/kontakt/"]


@pytest.mark.parametrize("url", PAGES)
def test_a_report_is_stored_and_mailed_to_each_administrator(client, staff, mailoutbox, url):
    response = client.post(url, report(email="kari@example.org"), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(url, 302)]
    stored = BarrierReport.objects.get()
    assert (stored.page, stored.email, stored.language) == ("/prosjekter/", "kari@example.org", "nb")
    assert stored.problem == "Filteret kan ikke brukes med skjermleser."
    # One message per administrator, so no one sees another's address; no one else is told.
    assert sorted(m.to[0] for m in mailoutbox) == ["admin@asker.example", "root@asker.example"]
    assert all(len(m.to) == 1 for m in mailoutbox)
    message = mailoutbox[0]
    assert "skjermleser" in message.body and "/prosjekter/" in message.body
    assert message.reply_to == ["kari@example.org"]
    assert f"/admin/about/barrierreport/{stored.pk}/change/" in message.body
    page = response.content.decode()
    assert "Takk. Meldingen din er sendt til administratorene av portalen." in page
    assert "Vi svarer deg på e-post." in page


def test_the_recipients_are_exactly_those_the_administrator_rule_names(staff):
    """administrators() is a query; roles.is_administrator is the rule. They must agree."""
    by_rule = {u.email for u in get_user_model().objects.all()
               if u.is_active and u.email and roles.is_administrator.test(u)}
    assert set(services.administrators().values_list("email", flat=True)) == by_rule


def test_a_report_without_an_address_expects_no_answer(client, staff, mailoutbox):
    response = client.post("/en/tilgjengelighet/", report(page=""), follow=True)
    assert response.status_code == 200
    assert BarrierReport.objects.get().language == "en"
    assert all(m.reply_to == [] for m in mailoutbox) and len(mailoutbox) == 2
    page = response.content.decode()
    assert "Thank you. Your report has gone to the portal&#x27;s administrators." in page
    assert "We will answer you by e-mail." not in page
    # The administrators read bokmål, whatever the page's language.
    assert "Noen har meldt fra om en barriere" in mailoutbox[0].body


def test_the_honeypot_stores_and_sends_nothing_but_looks_the_same(client, staff, mailoutbox):
    response = client.post("/tilgjengelighet/", report(website="http://spam.example"), follow=True)
    assert response.status_code == 200
    assert "Takk. Meldingen din er sendt" in response.content.decode()
    assert BarrierReport.objects.count() == 0 and mailoutbox == []


def test_reports_are_limited_per_ip_address(client, staff, mailoutbox, settings):
    settings.BARRIER_REPORT_RATE_LIMIT = (3, 3600)
    for n in range(3):
        assert client.post(PAGES[n % 2], report(problem=f"Problem {n}")).status_code == 302
    response = client.post("/tilgjengelighet/", report(problem="Én for mye"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert BarrierReport.objects.count() == 3 and len(mailoutbox) == 3 * 2
    # Reading is not limited, and another address may still report.
    assert client.get("/tilgjengelighet/").status_code == 200
    assert Client(REMOTE_ADDR="192.0.2.9").post("/kontakt/", report()).status_code == 302


def test_refused_reports_count_against_the_limit(client, staff, mailoutbox, settings):
    settings.BARRIER_REPORT_RATE_LIMIT = (2, 3600)
    for _ in range(2):
        assert client.post("/tilgjengelighet/", report(problem="")).status_code == 400
    assert client.post("/tilgjengelighet/", report()).status_code == 429
    assert BarrierReport.objects.count() == 0 and mailoutbox == []


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("changes, field, message", [
    ({"problem": ""}, "problem", "Beskriv problemet."),
    ({"problem": "   \n  "}, "problem", "Beskriv problemet."),
    ({"problem": "x" * (PROBLEM_MAX_LENGTH + 1)}, "problem", f"har {PROBLEM_MAX_LENGTH} eller færre tegn"),
    ({"page": "p" * 301}, "page", "har 300 eller færre tegn"),
    ({"email": "ikke en adresse"}, "email", "Oppgi en gyldig e-postadresse"),
])
def test_bad_input_is_shown_again_with_a_message_and_changes_nothing(client, staff, mailoutbox, url, changes,
                                                                    field, message):
    response = client.post(url, report(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page and f'href="#id_{field}"' in page
    assert message in page
    assert re.search(rf'<(input|textarea)[^>]*aria-invalid="true"[^>]*id="id_{field}"', page)
    assert BarrierReport.objects.count() == 0 and mailoutbox == []


def test_bad_input_in_english_gets_english_messages(client, staff):
    response = client.post("/en/kontakt/", report(problem=""))
    assert response.status_code == 400
    assert "Describe the problem." in response.content.decode()


def test_a_nul_byte_is_refused_before_the_view(client, staff, mailoutbox):
    response = client.post("/tilgjengelighet/", report(problem="Feil\x00her"))
    assert response.status_code == 400
    assert "Forespørselen kunne ikke leses" in response.content.decode()
    assert BarrierReport.objects.count() == 0 and mailoutbox == []


def test_a_post_without_the_csrf_token_is_refused(staff, mailoutbox):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/tilgjengelighet/", report()).status_code == 403
    # With the token from the page it goes through: the check, not the form, refused it.
    client.get("/tilgjengelighet/")
    token = client.cookies["csrftoken"].value
    assert client.post("/tilgjengelighet/", {**report(), "csrfmiddlewaretoken": token}).status_code == 302
    assert BarrierReport.objects.count() == 1


def test_signed_in_or_not_the_form_works_the_same(client, staff, mailoutbox):
    client.force_login(staff["resident"])
    assert client.post("/kontakt/", report()).status_code == 302
    assert BarrierReport.objects.count() == 1


def test_reports_are_deleted_after_the_retention_period(staff):
    old = BarrierReport.objects.create(problem="Gammel")
    young = BarrierReport.objects.create(problem="Ny")
    BarrierReport.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=services.REPORT_RETENTION_DAYS, hours=1))
    assert services.delete_old_reports() == 1
    assert list(BarrierReport.objects.all()) == [young]


def test_the_nightly_deletion_is_scheduled():
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="about.tasks.delete_old_barrier_reports")
    assert task.enabled and task.crontab.hour == "3"


def test_administrators_see_reports_in_the_admin_and_mark_them_handled(client, staff):
    stored = BarrierReport.objects.create(problem="Kartet kan ikke brukes med tastatur.", email="kari@example.org")
    client.force_login(staff["root"])
    listing = client.get("/admin/about/barrierreport/")
    assert listing.status_code == 200 and "Kartet kan ikke brukes" in listing.content.decode()
    assert client.get(f"/admin/about/barrierreport/{stored.pk}/change/").status_code == 200
    response = client.post("/admin/about/barrierreport/", {"action": "mark_handled", "_selected_action": [stored.pk]})
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.handled_at is not None
    # Nobody adds a report by hand.
    assert client.get("/admin/about/barrierreport/add/").status_code == 403


def test_residents_cannot_open_the_reports_in_the_admin(client, staff):
    BarrierReport.objects.create(problem="Hemmelig")
    client.force_login(staff["resident"])
    response = client.get("/admin/about/barrierreport/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
