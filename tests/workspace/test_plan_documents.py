"""Plan documents: PDF only (by content), size-limited, served with a safe type and name."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from asker import roles
from places.models import PlanDocument
from tests.factories import ALL_ROLES, user_with_role

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def post(client, plan, title="Planbestemmelser", content=PDF, name="bestemmelser.pdf"):
    return client.post(f"/planlegger/planer/{plan.pk}/dokumenter/",
                       {"title": title, "file": SimpleUploadedFile(name, content, "application/pdf")})


def test_upload_and_public_download(planner_client, client, world, media):
    plan = world["plan"]
    assert post(planner_client, plan, title="Plankart og bestemmelser – Sætre", name="../../evil.pdf").status_code == 302
    document = PlanDocument.objects.get()
    assert document.size == len(PDF) and ".." not in document.file.name
    assert (media / document.file.name).read_bytes() == PDF

    html = client.get(plan.get_absolute_url()).content.decode()
    assert document.get_absolute_url() in html
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert 'filename="plankart-og-bestemmelser-saetre.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("content, name, message", [
    (b"<html><script>alert(1)</script></html>", "plan.pdf", "ikke en PDF"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "plan.pdf", "ikke en PDF"),
    (b"%PDF-1.4 truncated", "plan.pdf", "ikke en PDF"),
    (b"", "plan.pdf", ""),
])
def test_not_a_pdf_is_refused(planner_client, world, content, name, message):
    response = post(planner_client, world["plan"], content=content, name=name)
    assert response.status_code == 400 and message in response.content.decode()
    assert not PlanDocument.objects.exists()


def test_too_large_is_refused(planner_client, world, settings):
    settings.PLAN_DOCUMENT_MAX_BYTES = 50
    response = post(planner_client, world["plan"])
    assert response.status_code == 400 and "50" in response.content.decode()
    assert not PlanDocument.objects.exists()


def test_title_required(planner_client, world):
    assert post(planner_client, world["plan"], title="").status_code == 400
    assert not PlanDocument.objects.exists()


def test_delete(planner_client, world, media):
    post(planner_client, world["plan"])
    document = PlanDocument.objects.get()
    path = media / document.file.name
    response = planner_client.post(f"/planlegger/planer/{world['plan'].pk}/dokumenter/{document.pk}/slett/")
    assert response.status_code == 302 and not PlanDocument.objects.exists() and not path.exists()


@pytest.mark.parametrize("role", ALL_ROLES)
def test_upload_per_role(client, world, role):
    user = user_with_role(role)
    if user:
        client.force_login(user)
    response = post(client, world["plan"])
    allowed = role in (roles.PLANNER, roles.ADMINISTRATOR)
    if allowed:
        assert response.status_code == 302 and "/dokumenter/" in response["Location"]
    else:
        assert response.status_code == 403 or "logg-inn" in response["Location"] or "login" in response["Location"]
    assert PlanDocument.objects.exists() == allowed


def test_document_of_another_plan_is_404(client, world, planner_client):
    post(planner_client, world["plan"])
    document = PlanDocument.objects.get()
    assert client.get(f"/planer/3203000000/dokumenter/{document.pk}/").status_code == 404
