"""/frivillighet/oppdrag/: filters by the organisation's category, the centre, the time commitment
and young people (bad values: 400 with a summary), what the public sees (published, of an active
organisation, not ended in Oslo), bounded queries, both languages."""

import datetime

import pytest
from django.utils import timezone

from tests.language import wrong_language
from volunteering.models import Category, Opportunity, Organisation

from .conftest import numbers

pytestmark = pytest.mark.django_db
LIST = "/frivillighet/oppdrag/"


def make(organisation, title, centre, **extra):
    values = {"description": "Beskrivelse.", "commitment": "weekly", "starts_on": datetime.date(2026, 1, 1),
              "published": True}
    values.update(extra)
    return Opportunity.objects.create(organisation=organisation, title=title, centre=centre, **values)


@pytest.fixture
def several(org, centres):
    others = Organisation.objects.get(number="923609016")
    make(org, "Leksehjelp", centres["heggedal"], for_young_people=True)
    make(org, "Sommerfest", centres["asker-sentrum"], commitment="once")
    make(others, "Turvenn", centres["heggedal"], commitment="occasional")
    make(others, "Utkast", centres["heggedal"], published=False)
    make(others, "Ferdig", centres["heggedal"], ends_on=timezone.localdate() - datetime.timedelta(days=1))
    return org


def titles(response):
    body = response.content.decode()
    return {t for t in ["Leksehjelp", "Sommerfest", "Turvenn", "Utkast", "Ferdig"] if t in body}


@pytest.mark.parametrize("query, expected", [
    ("", {"Leksehjelp", "Sommerfest", "Turvenn"}),
    ("?centre=heggedal", {"Leksehjelp", "Turvenn"}),
    ("?commitment=once", {"Sommerfest"}),
    ("?young=ja", {"Leksehjelp"}),
    ("?centre=heggedal&commitment=occasional", {"Turvenn"}),
    ("?centre=&commitment=&young=&category=", {"Leksehjelp", "Sommerfest", "Turvenn"}),
])
def test_filters(client, several, query, expected):
    response = client.get(LIST + query)
    assert response.status_code == 200
    assert titles(response) == expected


def test_category_filter(client, several):
    social = Category.objects.get(code="4 100")
    response = client.get(f"{LIST}?category={social.pk}")
    assert response.status_code == 200 and titles(response) == {"Leksehjelp", "Sommerfest"}


@pytest.mark.parametrize("query, field", [
    ("?centre=atlantis", "centre"), ("?commitment=daily", "commitment"), ("?young=kanskje", "young"),
    ("?category=999999", "category"), ("?category=abc", "category"), ("?centre=%00", "centre"),
    ("?category=" + "9" * 30, "category"),
])
def test_bad_values(client, several, query, field):
    response = client.get(LIST + query)
    if "%00" in query:
        # asker's middleware refuses a NUL byte in a parameter before any view.
        assert response.status_code == 400
        return
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body and "Sjekk filtrene" in body and f'href="#id_{field}"' in body


def test_ended_leave_the_list_at_midnight_in_oslo(client, org, centres, monkeypatch):
    last_day = datetime.date(2030, 6, 15)
    make(org, "Siste sjanse", centres["heggedal"], ends_on=last_day)
    oslo = timezone.get_current_timezone()
    before_midnight = datetime.datetime(2030, 6, 15, 23, 59, tzinfo=oslo)
    monkeypatch.setattr(timezone, "now", lambda: before_midnight)
    assert "Siste sjanse" in client.get(LIST).content.decode()
    assert "Siste sjanse" in client.get(org.get_absolute_url()).content.decode()
    # 00:01 in Oslo is still the 15th in UTC: the date that counts is Oslo's.
    after_midnight = datetime.datetime(2030, 6, 16, 0, 1, tzinfo=oslo)
    monkeypatch.setattr(timezone, "now", lambda: after_midnight)
    assert "Siste sjanse" not in client.get(LIST).content.decode()
    assert "Siste sjanse" not in client.get(org.get_absolute_url()).content.decode()
    # Its own page still answers, and says it has ended.
    opportunity = Opportunity.objects.get(title="Siste sjanse")
    page = client.get(opportunity.get_absolute_url())
    assert page.status_code == 200 and "Dette oppdraget er avsluttet." in page.content.decode()


def test_drafts_and_inactive_organisations_are_hidden(client, several):
    assert client.get(Opportunity.objects.get(title="Utkast").get_absolute_url()).status_code == 404
    Organisation.objects.filter(number="923609016").update(active=False)
    assert "Turvenn" not in client.get(LIST).content.decode()


@pytest.mark.parametrize("count", [3, 120])
def test_list_queries_are_bounded(client, org, centres, django_assert_max_num_queries, count):
    categories = list(Category.objects.order_by("code")[:3])
    for i, number in enumerate(numbers(count, start=96000000)):
        organisation = Organisation.objects.create(number=number, name=f"Lag {i}", centre=centres["heggedal"])
        organisation.categories.set(categories[: i % 4])
        make(organisation, f"Oppdrag {i:04d}", centres["heggedal"])
    with django_assert_max_num_queries(8):
        response = client.get(LIST + "?centre=heggedal")
    assert response.status_code == 200
    assert response.content.decode().count('href="/frivillighet/oppdrag/') >= min(count, 25)


@pytest.mark.parametrize("count", [1, 60])
def test_organisation_list_queries_stay_bounded(client, org, centres, django_assert_max_num_queries, count):
    for i in range(count):
        make(org, f"Oppdrag {i}", centres["heggedal"])
    with django_assert_max_num_queries(5):
        response = client.get("/frivillighet/")
    assert response.status_code == 200
    assert f"{count + 0} oppdrag" in response.content.decode()


@pytest.mark.parametrize("count", [1, 60])
def test_detail_queries_are_bounded(client, opportunity, django_assert_max_num_queries, count):
    from django.contrib.auth import get_user_model

    from volunteering.models import Interest

    for i in range(count):
        Interest.objects.create(opportunity=opportunity, user=get_user_model().objects.create_user(f"p{i}"))
    client.force_login(get_user_model().objects.get(username="rep"))
    with django_assert_max_num_queries(14):
        response = client.get(opportunity.get_absolute_url())
    assert response.status_code == 200
    with django_assert_max_num_queries(14):
        response = client.get(opportunity.get_absolute_url() + "interesserte/")
    assert response.status_code == 200 and response.content.decode().count("mailto:") == count


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_pages_speak_one_language(client, several, opportunity, lang):
    from django.contrib.auth import get_user_model

    from volunteering.models import Interest

    prefix = "/en" if lang == "en" else ""
    Interest.objects.create(opportunity=opportunity, user=get_user_model().objects.create_user("kari", "k@example.org"),
                            message="Jeg kan hjelpe")
    paths = [LIST, LIST + "?centre=atlantis", opportunity.get_absolute_url(), several.get_absolute_url(), "/frivillighet/"]
    rep_paths = [f"/frivillighet/oppdrag/ny/?organisasjon={several.number}", opportunity.get_absolute_url() + "endre/",
                 opportunity.get_absolute_url() + "interesserte/", several.get_absolute_url() + "endre/",
                 opportunity.get_absolute_url()]
    problems = []
    for path in paths:
        response = client.get(prefix + path)
        problems += [f"{path}: {p}" for p in wrong_language(response.content.decode())]
    client.force_login(get_user_model().objects.get(username="rep"))
    for path in rep_paths:
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        problems += [f"{path}: {p}" for p in wrong_language(response.content.decode())]
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="admin", role="administrator"))
    response = client.get(prefix + "/frivillighet/foresporsler/")
    problems += [f"requests: {p}" for p in wrong_language(response.content.decode())]
    problems = list(dict.fromkeys(problems))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("count", [1, 80])
@pytest.mark.parametrize("who", [None, "rep"])
def test_organisation_page_queries_are_bounded(client, org, centres, django_assert_max_num_queries, count, who):
    from django.contrib.auth import get_user_model

    for i in range(count):
        make(org, f"Oppdrag {i}", centres["heggedal"], published=bool(i % 2))
    if who:
        client.force_login(get_user_model().objects.get(username=who))
    with django_assert_max_num_queries(12 if who else 4):
        response = client.get(org.get_absolute_url())
    assert response.status_code == 200
    shown = response.content.decode().count('href="/frivillighet/oppdrag/')
    # The public sees the published ones; the representative also the drafts and "New" (each
    # also has the link to all opportunities).
    assert shown == (count + 2 if who else count // 2 + 1)
