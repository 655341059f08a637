"""Nothing English on the register's bokmål pages and nothing Norwegian outside lang="nb" on its
English ones (tests/language.py), signed out and as an administrator (who sees inactive ones)."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from asker import roles
from tests.factories import UserFactory
from tests.language import wrong_language
from volunteering.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("role", [None, roles.ADMINISTRATOR])
def test_every_page_speaks_one_language(client, centres, lang, role):
    call_command("load_demo_volunteering", stdout=io.StringIO(), stderr=io.StringIO())
    Organisation.objects.create(number="974760673", name="REGISTERENHETEN I BRØNNØYSUND", street="Havnegata 48",
                                postcode="8900", post_town="BRØNNØYSUND", website="www.brreg.no",
                                email="firmapost@brreg.no", phone="75 00 75 09", active=False)
    if role:
        client.force_login(UserFactory(username="admin", role=role))
    shown = Organisation.objects.all() if role else Organisation.objects.filter(active=True)
    problems = []
    with translation.override(lang):
        urls = [reverse("volunteering:organisations")] + [o.get_absolute_url() for o in shown]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        problems += [f"{url}: {p}" for p in wrong_language(response.content.decode())]
    problems = list(dict.fromkeys(problems))
    assert not problems, "\n".join(problems)
