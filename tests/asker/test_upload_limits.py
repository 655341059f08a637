"""A request body larger than its endpoint allows is refused with a 413 page in the visitor's
language before any of it is read: nothing is saved, nothing is written, and never a 500."""

import re
import socket

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from asker import roles
from places.models import PlanDocument
from tests.factories import user_with_role
from tests.places.conftest import asker, heggedal, sentrum, world  # noqa: F401  (shared fixtures)
from tests.places.test_geofile_support import sentrum_geojson
from tests.workspace.conftest import planner_client  # noqa: F401

pytestmark = pytest.mark.django_db

BIG = 200 * 1024


def assert_refused_unread(response, language="nb"):
    assert response.status_code == 413
    html = response.content.decode()
    assert f'lang="{language}"' in html
    if language == "nb":
        assert "Det du sendte, er" in html and "Ingenting ble lagret" in html
    else:
        assert "What you sent is" in html and "Nothing was saved" in html
    # The view never ran and the body was never read, so nothing of it reached memory or disk.
    assert response.wsgi_request._read_started is False


def test_map_file_larger_than_the_limit(planner_client, world, settings):
    settings.GEOMETRY_UPLOAD_MAX_BYTES = 10_000
    project = world["hage"]
    before = (project.geometry.ewkt, project.history.count())
    response = planner_client.post(f"/planlegger/prosjekter/{project.slug}/last-opp/",
                                   {"file": SimpleUploadedFile("omrade.geojson", b" " * BIG + sentrum_geojson())})
    assert_refused_unread(response)
    project.refresh_from_db()
    assert (project.geometry.ewkt, project.history.count()) == before
    assert f"geofile:{project.pk}" not in planner_client.session


def test_plan_document_larger_than_the_limit(planner_client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PLAN_DOCUMENT_MAX_BYTES = 10_000
    response = planner_client.post(f"/planlegger/planer/{world['plan'].pk}/dokumenter/",
                                   {"title": "Stor", "file": SimpleUploadedFile("stor.pdf", b"%PDF-1.7\n" + bytes(BIG))})
    assert_refused_unread(response)
    assert not PlanDocument.objects.exists()
    assert not list(tmp_path.rglob("*"))


def test_the_message_is_in_the_visitors_language(planner_client, world, settings):
    settings.PLAN_DOCUMENT_MAX_BYTES = 10_000
    response = planner_client.post(f"/en/planlegger/planer/{world['plan'].pk}/dokumenter/",
                                   {"title": "Big", "file": SimpleUploadedFile("big.pdf", bytes(BIG))})
    assert_refused_unread(response, "en")
    assert re.search(r"What you sent is 200\.\d\xa0KB; this page accepts at most 73\.8\xa0KB\.",
                     response.content.decode())


def test_a_file_sent_to_a_form_without_files(client, settings):
    # Django would otherwise write the file to a temporary file before the view ignores it.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post("/konto/logg-inn/", {"username": "ola", "password": "x",
                                                "file": SimpleUploadedFile("x.bin", bytes(BIG))})
    assert_refused_unread(response)


def test_form_data_larger_than_the_general_limit(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post("/konto/logg-inn/", {"username": "x" * BIG, "password": "x"})
    assert_refused_unread(response)


def test_a_body_without_a_form(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.generic("PUT", "/", b"x" * BIG, content_type="application/octet-stream")
    assert_refused_unread(response)


def test_admin_has_a_limit_of_its_own(admin_client, settings):
    # The admin saves plan documents (a file each) with the plan.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    settings.ADMIN_REQUEST_BODY_MAX_BYTES = 2 * BIG
    under = admin_client.post("/admin/places/plan/add/", {"name": "", "file": SimpleUploadedFile("a.pdf", bytes(BIG))})
    assert under.status_code == 200  # the admin's own form, with its errors
    over = admin_client.post("/admin/places/plan/add/", {"name": "", "file": SimpleUploadedFile("a.pdf", bytes(3 * BIG))})
    assert_refused_unread(over)


def test_within_the_limits_nothing_changes(planner_client, world, settings):
    # The form around a file of exactly the limit fits: the form, not the limit, decides.
    settings.PLAN_DOCUMENT_MAX_BYTES = 10_000
    response = planner_client.post(f"/planlegger/planer/{world['plan'].pk}/dokumenter/",
                                   {"title": "Ikke PDF", "file": SimpleUploadedFile("a.pdf", b"x" * 10_000)})
    assert response.status_code == 400 and "Filen er ikke en PDF" in response.content.decode()


@pytest.mark.parametrize("path", ["/planlegger/prosjekter/heggedal-hage/last-opp/", "/konto/logg-inn/"])
def test_live_server_answers_before_the_body_arrives(live_server, transactional_db, path):
    """A client that announces a gigabyte gets its 413 having sent none of it."""
    assert _announce(live_server, path, 1024 ** 3).startswith(b"HTTP/1.1 413")


def _announce(live_server, path, length):
    """Send only the headers of a POST of `length` bytes and return the status line."""
    host, port = live_server.thread.host, live_server.thread.port
    with socket.create_connection((host, port), timeout=20) as connection:
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
            "Content-Type: multipart/form-data; boundary=grense\r\n"
            f"Content-Length: {length}\r\n\r\n".encode()
        )
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(65536)
            assert chunk, f"connection closed after {answer!r}"
            answer += chunk
    return answer.split(b"\r\n", 1)[0]


@pytest.mark.parametrize("path", ["/admin/login/", "/planlegger/prosjekter/heggedal-hage/last-opp/",
                                  "/planlegger/planer/1/dokumenter/"])
def test_the_large_limits_are_not_for_visitors(live_server, transactional_db, path):
    """15 MB is within the admin's and the uploads' limits, but not a signed-out visitor's: the
    413 comes before the body (none is sent), where the body would otherwise be read whole."""
    assert _announce(live_server, path, 15 * 1024 * 1024).startswith(b"HTTP/1.1 413")


@pytest.mark.parametrize("role", [roles.RESIDENT, roles.MODERATOR, roles.ORGANISATION_REPRESENTATIVE])
def test_the_upload_limits_are_for_planning_staff(client, world, settings, role):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client.force_login(user_with_role(role))
    for url in (f"/planlegger/prosjekter/{world['hage'].slug}/last-opp/",
                f"/planlegger/planer/{world['plan'].pk}/dokumenter/"):
        response = client.post(url, {"title": "Stor", "file": SimpleUploadedFile("stor.pdf", bytes(BIG))})
        assert_refused_unread(response)


def test_the_admin_limit_is_for_staff(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client.force_login(user_with_role(roles.PLANNER))  # a planner, but not admin staff
    response = client.post("/admin/login/", {"username": "x", "file": SimpleUploadedFile("a.pdf", bytes(BIG))})
    assert_refused_unread(response)


def test_a_planners_upload_over_the_general_limit_works(planner_client, world, settings):
    """Above the general limit, within the map-file limit: read and offered as usual."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    project = world["hage"]
    response = planner_client.post(f"/planlegger/prosjekter/{project.slug}/last-opp/",
                                   {"file": SimpleUploadedFile("omrade.geojson", sentrum_geojson(merknad="x" * BIG))})
    assert response.status_code == 200
    assert "Asker sentrum" in response.content.decode()
