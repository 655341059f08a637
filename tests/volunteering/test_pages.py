"""The register's public pages: the list and an organisation's page."""

import pytest
from django.urls import reverse

from asker import roles
from tests.factories import user_with_role
from volunteering.models import Category, Organisation

from .conftest import numbers

pytestmark = pytest.mark.django_db

LIST = "/frivillighet/"


def make(count, centre=None, **extra):
    categories = list(Category.objects.order_by("code")[:3])
    made = []
    for i, number in enumerate(numbers(count, start=95000000)):
        organisation = Organisation.objects.create(
            number=number, name=f"Lag {i:04d}", post_town="HEGGEDAL", centre=centre, **extra)
        organisation.categories.set(categories[: i % 4])
        made.append(organisation)
    return made


def test_urls():
    assert reverse("volunteering:organisations") == LIST
    assert reverse("volunteering:organisation", args=["974760673"]) == "/frivillighet/organisasjoner/974760673/"


@pytest.mark.parametrize("count", [5, 200])
def test_list_queries_are_bounded(client, centres, django_assert_max_num_queries, count):
    make(count, centre=centres["heggedal"])
    with django_assert_max_num_queries(6):  # + the filter form: categories, centres
        response = client.get(LIST)
    assert response.status_code == 200
    assert response.content.decode().count('href="/frivillighet/organisasjoner/') == min(count, 50)


@pytest.mark.parametrize("count", [1, 200])
def test_detail_queries_are_bounded(client, centres, django_assert_max_num_queries, count):
    organisation = make(count, centre=centres["heggedal"])[-1]
    organisation.categories.set(Category.objects.all())
    with django_assert_max_num_queries(3):
        response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Forskning" in body and "Heggedal" in body and organisation.number in body


def test_inactive_only_for_administrators(client, centres):
    active, inactive = Organisation.objects.create(number="974760673", name="Aktivt Lag"), \
        Organisation.objects.create(number="923609016", name="Nedlagt Lag", active=False)
    body = client.get(LIST).content.decode()
    assert "Aktivt Lag" in body and "Nedlagt Lag" not in body
    assert client.get(inactive.get_absolute_url()).status_code == 404
    client.force_login(user_with_role(roles.PLANNER))
    assert client.get(inactive.get_absolute_url()).status_code == 404
    client.force_login(user_with_role(roles.ADMINISTRATOR))
    assert "Nedlagt Lag" in client.get(LIST).content.decode()
    response = client.get(inactive.get_absolute_url())
    assert response.status_code == 200 and "inaktiv" in response.content.decode()
    assert active.get_absolute_url() != inactive.get_absolute_url()


@pytest.mark.parametrize("path", [
    "/frivillighet/organisasjoner/974760673/",  # valid, unknown
    "/frivillighet/organisasjoner/97476067/",
    "/frivillighet/organisasjoner/9747606733/",
    "/frivillighet/organisasjoner/97476067x/",
    "/frivillighet/organisasjoner/%00/",
    "/frivillighet/organisasjoner/" + "9" * 500 + "/",
])
def test_unknown_organisation_is_404(client, db, path):
    assert client.get(path).status_code in (404, 400)


@pytest.mark.parametrize("side", ["2", "abc", "-1", "999999", "1" * 200, "\x00"])
def test_bad_page_numbers_give_a_page(client, centres, side):
    make(60)
    response = client.get(LIST, {"side": side})
    assert response.status_code in (200, 400)


def test_posting_is_refused(client, db):
    assert client.post(LIST).status_code == 405


def test_user_text_is_escaped_and_only_http_links(client, db):
    organisation = Organisation.objects.create(number="974760673", name="<script>alert(1)</script>",
                                               website="javascript:alert(1)", email="post@lag.example")
    body = client.get(organisation.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in body and "&lt;script&gt;" in body
    assert 'href="javascript:' not in body


def test_english_page_marks_norwegian_names(client, centres):
    organisation = make(1, centre=centres["heggedal"])[0]
    organisation.categories.set(Category.objects.filter(code="1 200"))
    body = client.get("/en" + organisation.get_absolute_url()).content.decode()
    assert '<h1 lang="nb">Lag 0000</h1>' in body
    assert "Sports" in body and "Idrett" not in body
    assert "Organisation number" in body
