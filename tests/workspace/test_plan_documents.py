"""Plan documents: PDF only (a PDF library must open them), size-limited, served with a safe
type and name."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from asker import roles
from places.models import PlanDocument
from tests.factories import ALL_ROLES, user_with_role

pytestmark = pytest.mark.django_db


def make_pdf(pages=1, user_password=None, owner_password=None):
    """A PDF as a writer makes it (pypdf's), with blank A4 pages."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if owner_password is not None:
        writer.encrypt(user_password or "", owner_password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = make_pdf()
NOT_A_PDF = "Filen er ikke en PDF"
DAMAGED = "PDF-filen kunne ikke åpnes"


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


@pytest.mark.parametrize("content, message", [
    (b"<html><script>alert(1)</script></html>", NOT_A_PDF),
    # Passed the old check: %PDF- in the first KiB, %%EOF at the end.
    (b"<html><!-- %PDF-1.4 --><body><script>alert(1)</script></body></html>\n%%EOF\n", NOT_A_PDF),
    (b"%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n", DAMAGED),
    (b"\x89PNG\r\n\x1a\n" + b"0" * 100, NOT_A_PDF),
    (b"%PDF-1.4 truncated", DAMAGED),
    (PDF[: len(PDF) // 2], DAMAGED),
    # A catalogue without pages: the header and %%EOF of a PDF, nothing to read.
    (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", DAMAGED),
    (make_pdf(pages=0), DAMAGED),
    (b"", ""),
], ids=["html", "html-with-pdf-comment", "html-after-pdf-header", "png", "header-only", "truncated",
        "no-page-tree", "no-pages", "empty"])
def test_not_a_pdf_is_refused(planner_client, world, media, content, message):
    response = post(planner_client, world["plan"], content=content)
    assert response.status_code == 400 and message in response.content.decode()
    assert not PlanDocument.objects.exists()
    assert not list(media.rglob("*.pdf"))


@pytest.mark.parametrize("passwords", [{"owner_password": "eier"}, {"user_password": "hemmelig", "owner_password": "eier"}],
                         ids=["permissions-only", "password"])
def test_encrypted_pdf_is_refused(planner_client, world, passwords):
    response = post(planner_client, world["plan"], content=make_pdf(**passwords))
    assert response.status_code == 400
    assert "PDF-filen er kryptert eller passordbeskyttet" in response.content.decode()
    assert not PlanDocument.objects.exists()


def test_real_pdf_of_several_pages_is_accepted(planner_client, world, media):
    content = make_pdf(pages=3)
    assert post(planner_client, world["plan"], content=content).status_code == 302
    assert (media / PlanDocument.objects.get().file.name).read_bytes() == content


def test_check_that_overruns_its_time_is_refused(planner_client, world, settings):
    settings.PLAN_DOCUMENT_CHECK_SECONDS = 0.001
    response = post(planner_client, world["plan"])
    assert response.status_code == 400
    assert "PDF-filen kunne ikke kontrolleres i tide" in response.content.decode()
    assert not PlanDocument.objects.exists()


def test_document_is_served_as_an_attachment(planner_client, client, world):
    post(planner_client, world["plan"], title="Plankart")
    response = client.get(PlanDocument.objects.get().get_absolute_url())
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="plankart.pdf"'


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


def test_the_admin_shares_the_rule(admin_client, world, media):
    """The admin's document inline saves through the model, whose validator is the same check."""
    plan = world["plan"]
    page = admin_client.get(f"/admin/places/plan/{plan.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["boundary"] = plan.boundary.json if plan.boundary else ""
    data.update({"documents-TOTAL_FORMS": 1, "documents-INITIAL_FORMS": 0, "documents-MIN_NUM_FORMS": 0,
                 "documents-MAX_NUM_FORMS": 1000, "documents-0-title": "Plankart",
                 "documents-0-file": SimpleUploadedFile("plankart.pdf", b"<html><script>alert(1)</script></html>",
                                                        content_type="application/pdf")})
    response = admin_client.post(f"/admin/places/plan/{plan.pk}/change/", data)
    assert response.status_code == 200  # the form again, with the message
    assert "Filen er ikke en PDF" in response.content.decode()
    assert not PlanDocument.objects.exists()
    data["documents-0-file"] = SimpleUploadedFile("plankart.pdf", make_pdf(), content_type="application/pdf")
    response = admin_client.post(f"/admin/places/plan/{plan.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    document = PlanDocument.objects.get()
    assert document.size == document.file.size > 0
