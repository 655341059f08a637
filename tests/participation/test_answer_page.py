"""The public side of the municipality's answer: the consultation page shows it (three headed
parts, the date of the decision, the case link) only once published; the list says "Svar
publisert"; a consultation about a confidential project stays invisible, answer and all."""

import pytest
from django.utils import formats, timezone, translation

from asker import roles
from tests.factories import AnsweredConsultationFactory, CommentFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

PARTS = ("<h3>Hva vi hørte</h3>", "<h3>Hva som endres</h3>", "<h3>Hva som skjer videre</h3>")


def published(**kwargs):
    c = AnsweredConsultationFactory(**kwargs)
    type(c).objects.filter(pk=c.pk).update(answer_published_at=timezone.now())
    c.refresh_from_db()
    return c


def test_the_published_answer_is_shown(client):
    c = published()
    html = client.get(c.get_absolute_url()).content.decode()
    assert '<h2 id="answer-heading">Kommunens svar</h2>' in html
    assert all(heading in html for heading in PARTS)
    assert html.index(PARTS[0]) < html.index(PARTS[1]) < html.index(PARTS[2])
    for text in (c.answer_heard, c.answer_changes, c.answer_next):
        assert text in html
    day = formats.date_format(c.decided_on, "DATE_FORMAT")
    assert f'<time datetime="{c.decided_on.isoformat()}">{day}</time>' in html
    assert (f'<a href="{c.case_url}" rel="noopener noreferrer">Sak 23/01234 i kommunens saksbehandlingssystem</a>'
            in html)


def test_in_english_too(client):
    c = published()
    html = client.get(f"/en{c.get_absolute_url()}").content.decode()
    assert "The municipality's answer</h2>" in html and "<h3>What happens next</h3>" in html
    with translation.override("en"):
        assert f">{formats.date_format(c.decided_on, 'DATE_FORMAT')}</time>" in html


@pytest.mark.parametrize("role", [None, roles.RESIDENT, roles.PLANNER])
def test_a_draft_is_not_shown_to_anyone(client, role):
    c = AnsweredConsultationFactory(answer_heard="Utkast som ingen skal se")
    if role:
        client.force_login(UserFactory(username=role, role=role))
    html = client.get(c.get_absolute_url()).content.decode()
    assert "Utkast som ingen skal se" not in html and "answer-heading" not in html
    assert "Svar publisert" not in client.get("/medvirkning/").content.decode()


def test_the_case_number_alone_and_no_case(client):
    c = published(case_url="")
    assert "Saksnummer 23/01234" in client.get(c.get_absolute_url()).content.decode()
    c = published(case_url="", case_number="")
    assert "Saken" not in client.get(c.get_absolute_url()).content.decode().split("answer-heading")[1]


def test_the_answer_is_shown_as_typed(client):
    c = published(answer_heard='<script>alert(1)</script>\nNy linje', case_number="",
                  case_url='https://asker.example/sak?a="><script>x</script>')
    html = client.get(c.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;<br>Ny linje" in html
    assert '"><script>x' not in html


def test_a_changed_answer_says_so(client):
    c = published()
    type(c).objects.filter(pk=c.pk).update(answer_edited_at=timezone.now())
    assert "· endret " in client.get(c.get_absolute_url()).content.decode()


def test_the_list_says_answer_published(client):
    published(title="Besvart høring")
    AnsweredConsultationFactory(title="Ubesvart høring")
    html = client.get("/medvirkning/").content.decode()
    item = html.split("Besvart høring")[1].split("</li>")[0]
    assert "<strong>Svar publisert</strong>" in item
    assert "Svar publisert" not in html.split("Ubesvart høring")[1].split("</li>")[0]


@pytest.mark.parametrize("role, visible", [(None, False), (roles.RESIDENT, False), (roles.MODERATOR, False),
                                           (roles.PLANNER, True)])
def test_a_confidential_consultation_stays_invisible_with_its_answer(client, role, visible):
    project = ProjectFactory()
    c = published(plan=None, project=project, title="Hemmelig høring", answer_heard="Hemmelig svar")
    project.visibility = "confidential"
    project.save()
    if role:
        client.force_login(UserFactory(username=role, role=role))
    page = client.get(c.get_absolute_url())
    listing = client.get("/medvirkning/").content.decode()
    assert page.status_code == (200 if visible else 404)
    assert ("Hemmelig svar" in page.content.decode()) == visible
    assert ("Hemmelig høring" in listing) == visible
    assert ("Hemmelig høring" in client.get("/personvern/").content.decode()) == visible


@pytest.mark.parametrize("comments", [3, 300])
def test_queries_do_not_grow(client, django_assert_max_num_queries, comments):
    c = published()
    for _ in range(comments // 3):
        CommentFactory(consultation=c)
    with django_assert_max_num_queries(9):
        response = client.get(c.get_absolute_url())
    assert response.status_code == 200 and "answer-heading" in response.content.decode()
    for _ in range(comments // 3):
        published()
    with django_assert_max_num_queries(6):
        response = client.get("/medvirkning/")
    assert response.status_code == 200 and response.content.decode().count("Svar publisert") == comments // 3 + 1


def test_the_privacy_statement_names_the_one_mail(client):
    assert "får du én e-post når kommunen publiserer svaret" in client.get("/personvern/").content.decode()
