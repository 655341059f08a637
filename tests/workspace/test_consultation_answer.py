"""The workspace's answer page: a planner saves a draft answer, bad input is refused with a
clear message and changes nothing, a published answer can be corrected (logged, no new mail),
and the page's queries are bounded."""

from datetime import timedelta

import pytest
from django.utils import timezone

from participation.models import AnswerLogEntry
from tests.factories import AnsweredConsultationFactory, CommentFactory

pytestmark = pytest.mark.django_db

DRAFT = {"answer_heard": "Mange ønsker flere sykkelparkeringer.", "answer_changes": "Planen får 200 nye sykkelplasser.",
         "answer_next": "Kommunestyret behandler planen i mars.", "case_number": "23/01234",
         "case_url": "https://www.asker.kommune.no/innsyn/sak/23-01234"}


def url(c):
    return f"/planlegger/medvirkning/{c.pk}/svar/"


def form(c, **changes):
    data = {name: getattr(c, name) for name in DRAFT}
    data["decided_on"] = c.decided_on.isoformat() if c.decided_on else ""
    data.update(changes)
    return data


def answer(c):
    c.refresh_from_db()
    return {name: getattr(c, name) for name in [*DRAFT, "decided_on", "answer_published_at", "answer_edited_at"]}


def test_a_blank_closed_consultation_gets_a_draft(planner_client):
    c = AnsweredConsultationFactory(answer_heard="", answer_changes="", answer_next="", decided_on=None,
                                    case_number="", case_url="")
    response = planner_client.post(url(c), {**DRAFT, "decided_on": "", "answer_changes": ""}, follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    c.refresh_from_db()
    assert c.answer_heard == DRAFT["answer_heard"] and c.answer_changes == "" and c.decided_on is None
    assert c.answer_published_at is None and not c.answer_log.exists()


def test_the_date_may_be_typed_the_norwegian_way(planner_client):
    c = AnsweredConsultationFactory(decided_on=None)
    day = timezone.localdate() - timedelta(days=1)
    assert planner_client.post(url(c), form(c, decided_on=day.strftime("%d.%m.%Y"))).status_code == 302
    c.refresh_from_db()
    assert c.decided_on == day


TODAY = timezone.localdate()


@pytest.mark.parametrize("changes, message", [
    ({"answer_heard": "x" * 5001}, "5000 eller færre tegn"),
    ({"case_number": "2" * 41}, "40 eller færre tegn"),
    ({"case_number": "<script>"}, "Et saksnummer består av bokstaver og sifre"),
    ({"case_url": "javascript:alert(1)"}, "http:// eller https://"),
    ({"case_url": "JavaScript://%0Aalert(1)"}, "http:// eller https://"),
    ({"case_url": "ftp://asker.kommune.no/sak"}, "http:// eller https://"),
    ({"case_url": "data:text/html,<b>x</b>"}, "http:// eller https://"),
    ({"case_url": "https://" + "a" * 495 + ".no"}, "500 eller færre tegn"),
    ({"decided_on": "9999-12-31"}, "senere enn i dag"),
    ({"decided_on": (TODAY + timedelta(days=1)).isoformat()}, "senere enn i dag"),
    ({"decided_on": "1900-01-01"}, "før høringen ble avsluttet"),
    ({"decided_on": (TODAY - timedelta(days=10)).isoformat()}, "før høringen ble avsluttet"),
    ({"decided_on": "0000-01-01"}, "gyldig dato"),
    ({"decided_on": "i morgen"}, "gyldig dato"),
])
def test_bad_input_is_explained_and_changes_nothing(planner_client, changes, message):
    c = AnsweredConsultationFactory()
    before = answer(c)
    response = planner_client.post(url(c), form(c, **{**changes, "answer_next": "Ny tekst"}))
    html = response.content.decode()
    assert response.status_code == 400 and 'class="error-summary"' in html and message in html
    assert 'aria-invalid="true"' in html
    assert answer(c) == before


@pytest.mark.parametrize("field", ["answer_heard", "case_number", "case_url"])
def test_nul_bytes_are_refused_and_change_nothing(planner_client, field):
    c = AnsweredConsultationFactory()
    before = answer(c)
    response = planner_client.post(url(c), form(c, **{field: "Tekst\x00med null"}))
    assert response.status_code == 400
    assert answer(c) == before


def test_a_published_answer_can_be_corrected_and_each_change_is_logged(planner_client, mailoutbox,
                                                                       django_capture_on_commit_callbacks):
    c = AnsweredConsultationFactory()
    CommentFactory(consultation=c)
    with django_capture_on_commit_callbacks(execute=True):
        assert planner_client.post(f"{url(c)}publiser/", follow=True).status_code == 200
    assert len(mailoutbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = planner_client.post(url(c), form(c, case_number="23/09999", answer_next="Vedtak i april."),
                                       follow=True)
    assert response.status_code == 200
    assert "ingen e-post er sendt" in [str(m) for m in response.context["messages"]][0]
    assert len(mailoutbox) == 1  # a correction is not news
    c.refresh_from_db()
    assert c.case_number == "23/09999" and c.answer_edited_at is not None
    published, edited = c.answer_log.order_by("pk")
    assert published.action == AnswerLogEntry.Action.PUBLISHED and published.answer["case_number"] == "23/01234"
    assert edited.action == AnswerLogEntry.Action.EDITED and edited.actor.username == "planner"
    assert edited.changed == ["answer_next", "case_number"] and edited.answer["answer_next"] == "Vedtak i april."
    html = planner_client.get(url(c)).content.decode()
    assert 'Endret det publiserte svaret (<span translate="no">planner</span>) – hva som skjer videre, saksnummer' in html


@pytest.mark.parametrize("changes", [{"answer_heard": "  "}, {"decided_on": ""}])
def test_a_published_answer_cannot_be_emptied(planner_client, changes):
    c = AnsweredConsultationFactory()
    planner_client.post(f"{url(c)}publiser/")
    before = answer(c)
    response = planner_client.post(url(c), form(c, **changes))
    assert response.status_code == 400 and "Et publisert svar må ha" in response.content.decode()
    assert answer(c) == before and c.answer_log.count() == 1


def test_saving_the_same_answer_changes_and_logs_nothing(planner_client):
    c = AnsweredConsultationFactory()
    planner_client.post(f"{url(c)}publiser/", follow=True)
    response = planner_client.post(url(c), form(c), follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Ingenting ble endret."]
    c.refresh_from_db()
    assert c.answer_edited_at is None and c.answer_log.count() == 1


@pytest.mark.parametrize("missing", ["answer_heard", "answer_changes", "answer_next", "decided_on"])
def test_an_incomplete_draft_is_not_published(planner_client, missing):
    c = AnsweredConsultationFactory(**{missing: None if missing == "decided_on" else ""})
    response = planner_client.post(f"{url(c)}publiser/", follow=True)
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1 and "Et publisert svar må ha" in errors[0]
    c.refresh_from_db()
    assert c.answer_published_at is None and not c.answer_log.exists()


def test_get_on_publish_is_not_allowed(planner_client):
    c = AnsweredConsultationFactory()
    assert planner_client.get(f"{url(c)}publiser/").status_code == 405
    c.refresh_from_db()
    assert c.answer_published_at is None


def test_unknown_consultation_is_404(planner_client):
    assert planner_client.get("/planlegger/medvirkning/999999/svar/").status_code == 404
    assert planner_client.post("/planlegger/medvirkning/999999/svar/publiser/").status_code == 404


def test_the_consultation_form_links_to_the_answer_once_closed(planner_client):
    closed = AnsweredConsultationFactory()
    open_ = AnsweredConsultationFactory(closes_at=timezone.now() + timedelta(days=3), decided_on=None)
    assert url(closed) in planner_client.get(f"/planlegger/medvirkning/{closed.pk}/").content.decode()
    assert url(open_) not in planner_client.get(f"/planlegger/medvirkning/{open_.pk}/").content.decode()


def test_a_consultation_with_a_published_answer_cannot_be_reopened(planner_client, world):
    c = AnsweredConsultationFactory(municipality=world["plan"].municipality, plan=world["plan"])
    planner_client.post(f"{url(c)}publiser/")
    c.refresh_from_db()
    data = {"title": c.title, "slug": c.slug, "text": c.text, "plan": c.plan_id, "project": "", "centre": "",
            "opens_at": timezone.localtime(c.opens_at).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": timezone.localtime(timezone.now() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"),
            "moderation": "pre", "retention_days": "", "area": ""}
    response = planner_client.post(f"/planlegger/medvirkning/{c.pk}/", data)
    assert response.status_code == 400 and "publisert svar kan ikke åpnes igjen" in response.content.decode()
    closes_at = c.closes_at
    c.refresh_from_db()
    assert c.closes_at == closes_at


@pytest.mark.parametrize("commenters", [2, 40])
def test_queries_are_bounded(planner_client, django_assert_max_num_queries, commenters):
    c = AnsweredConsultationFactory()
    for _ in range(commenters):
        CommentFactory(consultation=c)
    with django_assert_max_num_queries(12):
        assert planner_client.get(url(c)).status_code == 200
    planner_client.post(f"{url(c)}publiser/")
    for n in range(commenters // 2):
        planner_client.post(url(c), form(c, answer_next=f"Versjon {n}"))
    with django_assert_max_num_queries(12):
        assert planner_client.get(url(c)).status_code == 200


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "ftp://example.org/sak", "ikke en adresse"])
def test_a_bad_case_link_is_explained_once(planner_client, bad):
    c = AnsweredConsultationFactory()
    response = planner_client.post(url(c), form(c, case_url=bad))
    assert response.status_code == 400
    assert response.context["form"].errors["case_url"] == ["Oppgi en nettadresse som begynner med http:// eller https://."]
    assert answer(c)["case_url"] == DRAFT["case_url"]
