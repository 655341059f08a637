"""Confidential projects: planners and administrators see them; everyone else never does."""

import json
import re

import pytest

from asker import roles
from tests.factories import ALL_ROLES, login_as

pytestmark = pytest.mark.django_db

SEES_CONFIDENTIAL = {roles.PLANNER, roles.ADMINISTRATOR, "superuser"}


@pytest.mark.parametrize("role", ALL_ROLES + ["superuser"])
def test_confidential_project_page(client, world, role):
    response = login_as(client, role).get("/prosjekter/hemmelig-tomt/")
    if role in SEES_CONFIDENTIAL:
        assert response.status_code == 200
        assert "Hemmelig tomt" in response.content.decode()
    else:
        assert response.status_code == 404
        assert "Hemmelig tomt" not in response.content.decode()


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize(
    "url",
    ["/", "/en/", "/steder/", "/steder/heggedal/", "/prosjekter/", "/prosjekter/?developer=jm-norge",
     "/prosjekter/?min_dwellings=500", "/planer/3203201901/"],
)
def test_confidential_project_in_lists_and_counts(client, world, role, url):
    world["secret"].plan_id = world["plan"].plan_id
    world["secret"].save()
    html = login_as(client, role).get(url).content.decode()
    # The sign-out form's random CSRF token could hold the digits looked for below.
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    if role in SEES_CONFIDENTIAL:
        if url not in ("/steder/",):
            assert "Hemmelig tomt" in html
    else:
        assert "Hemmelig tomt" not in html
        assert "hemmelig-tomt" not in html
        assert "550" not in html  # its dwellings are not in any total either
        assert "749" not in html  # 139 + 60 + 550


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("zoom", [8, 15])
def test_confidential_project_in_map_data(client, world, role, zoom):
    response = login_as(client, role).get(f"/kart/prosjekter.geojson?bbox=10.2,59.5,10.8,59.95&zoom={zoom}")
    names = {f["properties"]["name"] for f in json.loads(response.content)["features"]}
    assert {"Heggedal torg", "Heggedal hage"} <= names
    assert ("Hemmelig tomt" in names) == (role in SEES_CONFIDENTIAL)
    if role is not None:
        assert "no-store" in response["Cache-Control"]  # never cached by a shared proxy


@pytest.mark.parametrize("role", ALL_ROLES)
def test_confidential_project_in_the_centre_tree_counts(client, world, role):
    html = login_as(client, role).get("/steder/").content.decode()
    expected = "3" if role in SEES_CONFIDENTIAL else "2"
    assert f"· {expected} pro" in html
