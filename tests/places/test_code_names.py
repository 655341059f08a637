"""Code lists read in the page's language: the national plan type and plan status codes (their
official bokmål names in the register, English names on English pages), and project status."""

import pytest

from places import codelists
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("prefix, plan_type, plan_status, status", [
    ("", "35 – Detaljregulering", "3 – Endelig vedtatt arealplan", "Under bygging"),
    ("/en", "35 – Detailed zoning plan", "3 – Finally adopted land-use plan", "Under construction"),
])
def test_the_plan_page_names_the_codes_in_the_page_language(client, world, prefix, plan_type, plan_status, status):
    response = client.get(f"{prefix}/planer/{world['plan'].plan_id}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert plan_type in html and plan_status in html and status in html


@pytest.mark.parametrize("prefix, expected", [("", "Planforslag"), ("/en", "Plan proposal")])
def test_the_plan_list_and_the_centre_page_too(client, world, prefix, expected):
    PlanFactory(municipality=world["heggedal"].municipality, centre=world["heggedal"], plan_status=2)
    for url in (f"{prefix}/planer/", f"{prefix}/steder/heggedal/"):
        response = client.get(url)
        assert response.status_code == 200
        assert expected in response.content.decode(), url


def test_every_code_has_a_bokmal_name_that_differs_from_the_english_one():
    from django.utils import translation

    for code, label in codelists.PLANTYPE_CHOICES + codelists.PLANSTATUS_CHOICES:
        with translation.override("nb"):
            bokmal = str(label)
        with translation.override("en"):
            english = str(label)
        assert bokmal != english, code
