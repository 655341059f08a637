"""What the portal accepts as an upload: bodies of bounded size, and PDFs that open.

Request bodies. A request whose body is larger than this user may send to this endpoint is
answered 413, in the visitor's language, before any of the body is read, so a huge upload never
reaches memory or disk. Django reads a body only up to its Content-Length (a chunked body
without one is not read at all), so the declared length is what counts. The limits:
- the map-file upload: GEOMETRY_UPLOAD_MAX_BYTES, plus room for the form around the file;
- plan documents: PLAN_DOCUMENT_MAX_BYTES, plus the same room;
- the admin: ADMIN_REQUEST_BODY_MAX_BYTES (several plan documents may go in one save);
- every other request: DATA_UPLOAD_MAX_MEMORY_SIZE, Django's own limit for form data.
The large limits are only for the users who may use those pages (planning staff in the
workspace, staff in the admin): anyone else, signed out or not, has the general limit there
too, since the body would be read (by the control character check, CSRF) before the view
refuses them. So RequestBodyLimitMiddleware must come after AuthenticationMiddleware and
LocaleMiddleware (the page is in the visitor's language), and before anything that reads
request.POST.

PDFs. validate_pdf(file) raises ValidationError unless the file is a PDF a PDF library can
open, checked by asker/pdfcheck.py in a separate process bounded in time
(PLAN_DOCUMENT_CHECK_SECONDS) and memory.
"""

import rules
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from . import pdfcheck

# Multipart boundaries, part headers, the CSRF token and a title: far less than this.
FORM_ROOM_BYTES = 64 * 1024
# URL name -> the setting with its file's limit, and the rule a user must pass to have it.
UPLOAD_ENDPOINTS = {
    "workspace:project_upload": ("GEOMETRY_UPLOAD_MAX_BYTES", "places.use_workspace"),
    "workspace:plan_documents": ("PLAN_DOCUMENT_MAX_BYTES", "places.use_workspace"),
}


def body_limit(request):
    """The largest body, in bytes, that `request`'s endpoint accepts from `request.user`."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match is not None:
        if match.view_name in UPLOAD_ENDPOINTS:
            setting, perm = UPLOAD_ENDPOINTS[match.view_name]
            if rules.has_perm(perm, request.user):
                return getattr(settings, setting) + FORM_ROOM_BYTES
        elif match.namespaces[:1] == ["admin"] and admin.site.has_permission(request):
            return settings.ADMIN_REQUEST_BODY_MAX_BYTES
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def _declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django reads no body without a valid length


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = _declared_length(request)
        if length > 0:
            limit = body_limit(request)
            if length > limit:
                context = {"size": filesizeformat(length), "limit": filesizeformat(limit)}
                return render(request, "413.html", context, status=413)
        return self.get_response(request)


def validate_pdf_upload(value):
    """A model validator for a public PDF (a plan document, a committee's minutes): within the
    size limit and a PDF that opens. A stored file is not checked again."""
    from django.template.defaultfilters import filesizeformat

    if getattr(value, "_committed", False):
        return
    limit = settings.PLAN_DOCUMENT_MAX_BYTES
    if value.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(value.size), "limit": filesizeformat(limit)}, code="too_large")
    validate_pdf(value)


def validate_pdf(upload):
    """Raise ValidationError unless `upload` (a Django File) is a PDF that opens."""
    upload.seek(0)
    data = b"".join(upload.chunks()) if hasattr(upload, "chunks") else upload.read()
    upload.seek(0)
    problem = pdfcheck.problem(data, settings.PLAN_DOCUMENT_CHECK_SECONDS)
    if problem == "not_pdf":
        raise ValidationError(_("The file is not a PDF. Plan documents must be PDF files."), code="not_pdf")
    if problem == "encrypted":
        raise ValidationError(
            _("The PDF is encrypted or password-protected. Documents for the public must open for "
              "everyone: save it again without protection and upload it."), code="encrypted")
    if problem == "timeout":
        raise ValidationError(
            _("The PDF could not be checked in time. Save it again, for example as PDF/A, and "
              "upload the new file."), code="timeout")
    if problem is not None:
        raise ValidationError(
            _("The PDF could not be opened; it may be damaged or incomplete. Save it again and "
              "upload the new file."), code="unreadable")
