"""axe on the register of voluntary organisations, in bokmål and English: the list (empty, with
the demo register, searched and filtered, with a bad filter (400), and as an administrator who also sees inactive ones) and organisation pages."""

import io

import pytest
from django.core.management import call_command

from asker import roles
from tests.browser.tour import sign_in_as
from tests.factories import UserFactory
from tests.volunteering.conftest import categories  # noqa: F401  (fixture)
from volunteering.models import Organisation

# The live server's tests flush the database after each, the categories of migration 0002 too.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("categories")]


def test_the_register_pages(page, tour, world, live_server):
    tour.visit(page, "volunteering:organisations", "empty")
    call_command("load_demo_volunteering", stdout=io.StringIO(), stderr=io.StringIO())
    tour.visit(page, "volunteering:organisations", "the demo register")
    centre = Organisation.objects.filter(active=True, centre__isnull=False).values_list("centre__slug", flat=True).first()
    tour.visit(page, "volunteering:organisations", "searched and filtered by centre", query=f"?q=a&centre={centre}")
    tour.visit(page, "volunteering:organisations", "a bad filter (400)", query="?centre=atlantis", status=400)
    imported = Organisation.objects.filter(website__startswith="www.example.org/heggedal").get()
    tour.visit(page, "volunteering:organisation", "with website and e-mail", number=imported.number)
    generated = Organisation.objects.filter(active=True, categories__isnull=False).first()
    tour.visit(page, "volunteering:organisation", "a demo organisation", number=generated.number)
    inactive = Organisation.objects.filter(active=False).first()
    sign_in_as(page, live_server, UserFactory(username="admin", role=roles.ADMINISTRATOR))
    tour.visit(page, "volunteering:organisations", "as an administrator, with inactive ones")
    tour.visit(page, "volunteering:organisation", "inactive, as an administrator", number=inactive.number)
    tour.done()
