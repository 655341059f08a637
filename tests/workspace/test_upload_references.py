"""A planner's map file that names something elsewhere is refused through the real upload
view: nothing is fetched, the planner reads why in bokmål, and nothing is saved."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.places.test_geofile_support import Listener, build, sentrum_geojson

pytestmark = pytest.mark.django_db


@pytest.fixture
def listener():
    with Listener() as listener:
        yield listener


def crs_link(url):
    document = json.loads(sentrum_geojson())
    document["crs"] = {"type": "link", "properties": {"href": f"{url}/crs.wkt", "type": "ogcwkt"}}
    return json.dumps(document).encode()


def gml_with_doctype(url, tmp_path):
    gml = build("gml", sentrum_geojson(), tmp_path, 25832).decode()
    declaration, rest = gml.split("\n", 1)
    rest = rest.replace("<ogr:navn>Asker sentrum</ogr:navn>", "<ogr:navn>&plan;</ogr:navn>")
    return f'{declaration}\n<!DOCTYPE ogr:FeatureCollection [<!ENTITY plan SYSTEM "{url}/e">]>\n{rest}'.encode()


def gml_with_xlink(url, tmp_path):
    gml = build("gml", sentrum_geojson(), tmp_path, 25832).decode()
    gml = gml.replace('xmlns:ogr="http://ogr.maptools.org/"',
                      'xmlns:ogr="http://ogr.maptools.org/" xmlns:xlink="http://www.w3.org/1999/xlink"')
    gml = gml.replace("<ogr:navn>Asker sentrum</ogr:navn>",
                      f'<ogr:navn>Asker sentrum</ogr:navn><ogr:kart xlink:href="{url}/kart.gml#omrade"/>')
    return gml.encode()


@pytest.mark.parametrize("make, name, message", [
    (lambda url, tmp: crs_link(url), "omrade.geojson", "Filen viser til noe utenfor seg selv"),
    (gml_with_doctype, "omrade.gml", "dokumenttypedeklarasjon (DOCTYPE)"),
    (gml_with_xlink, "omrade.gml", "Filen viser til noe utenfor seg selv"),
], ids=["geojson-crs-link", "gml-doctype", "gml-xlink"])
def test_file_naming_something_elsewhere_is_refused(planner_client, world, listener, tmp_path, make, name, message):
    project = world["hage"]
    before = (project.geometry.ewkt, project.history.count())

    response = planner_client.post(f"/planlegger/prosjekter/{project.slug}/last-opp/",
                                   {"file": SimpleUploadedFile(name, make(listener.url, tmp_path))})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "LISTENER-ANSWER" not in html
    assert listener.connections == []
    project.refresh_from_db()
    assert (project.geometry.ewkt, project.history.count()) == before
    assert f"geofile:{project.pk}" not in planner_client.session
