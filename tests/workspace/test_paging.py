"""Paging keeps the rest of the address: the archive view and the search, encoded (one partial,
templates/_pagination.html, built on {% querystring %})."""

import re
from html import unescape

import pytest
from django.utils import timezone

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def next_link(response):
    match = re.search(r'<a href="([^"]+)" rel="next">', response.content.decode())
    assert match, "no link to the next page"
    return unescape(match.group(1))


def test_page_two_of_the_archive_search_is_the_archive_search(planner_client, world):
    for i in range(30):
        ProjectFactory(name=f"Gamle & nye hus {i}", centre=world["heggedal"],
                       municipality=world["heggedal"].municipality, archived_at=timezone.now())
    ProjectFactory(name="Gamle & nye hus, ikke arkivert", centre=world["heggedal"],
                   municipality=world["heggedal"].municipality)
    first = planner_client.get("/planlegger/", {"vis": "arkiv", "q": "Gamle & nye"})
    assert first.status_code == 200
    link = next_link(first)
    assert "vis=arkiv" in link and "q=Gamle+%26+nye" in link and "side=2" in link
    second = planner_client.get("/planlegger/" + link)
    assert second.status_code == 200
    page = second.content.decode()
    assert "Gamle &amp; nye hus 0" in page or "Gamle &amp; nye hus" in page
    assert "ikke arkivert" not in page  # still the archive
    assert second.context["page"].number == 2


def test_public_project_list_paging_keeps_filters(client, world):
    for i in range(30):
        ProjectFactory(name=f"Prosjekt {i}", centre=world["heggedal"], municipality=world["heggedal"].municipality,
                       visibility="public", flats=4)
    first = client.get("/prosjekter/", {"min_dwellings": "3", "centre": "heggedal"})
    link = next_link(first)
    assert "min_dwellings=3" in link and "centre=heggedal" in link and "side=2" in link
