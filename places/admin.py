import rules
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from leaflet.admin import LeafletGeoAdmin

from . import services
from .forms import PhaseInlineFormSet
from .models import (
    Centre,
    Developer,
    DevelopmentProject,
    Municipality,
    Plan,
    PlanDocument,
    ProjectPhase,
    ServiceFacility,
    StatisticalDistrict,
)


@admin.register(Municipality)
class MunicipalityAdmin(LeafletGeoAdmin):
    list_display = ["name", "number", "population", "growth_rate"]


@admin.register(StatisticalDistrict)
class StatisticalDistrictAdmin(LeafletGeoAdmin):
    list_display = ["name", "code", "population", "population_year"]
    search_fields = ["name", "code"]


@admin.register(Centre)
class CentreAdmin(LeafletGeoAdmin):
    list_display = ["name", "level", "parent", "demo_classification", "location_approximate"]
    list_filter = ["level", "demo_classification"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Developer)
class DeveloperAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PhaseInline(admin.TabularInline):
    model = ProjectPhase
    formset = PhaseInlineFormSet
    extra = 0


class ProjectAdminForm(forms.ModelForm):
    """With an area, the map point follows it (DevelopmentProject.area_fields, as in the
    workspace and the demo loader); the point field is for a project without an area."""

    def clean(self):
        data = super().clean()
        if data.get("geometry") is not None:
            data.update(DevelopmentProject.area_fields(data["geometry"]))
        return data


class SaveRefused(Exception):
    """Raised out of the admin's transaction when places.services.save_project refuses."""

    def __init__(self, error):
        super().__init__(error)
        self.error = error


def _lifecycle_action(name, description, permission, step, applies_to, message):
    """An admin action that takes each selected project through `step` of places.services
    (the one door for publishing and archiving, with its history reason)."""

    def action(modeladmin, request, queryset):
        done = 0
        for project in queryset.filter(**applies_to):
            step(project)
            done += 1
        modeladmin.message_user(request, message(done) % {"count": done}, messages.SUCCESS)

    action.__name__ = name
    return admin.action(description=description, permissions=[permission])(action)


V = DevelopmentProject.Visibility


@admin.register(DevelopmentProject)
class DevelopmentProjectAdmin(LeafletGeoAdmin):
    form = ProjectAdminForm
    list_display = ["name", "centre", "status", "visibility", "archived_at", "flats", "terraced", "detached"]
    list_filter = ["status", "visibility", "centre"]
    search_fields = ["name", "plan_id"]
    autocomplete_fields = ["developers"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PhaseInline]
    # Publishing and archiving are steps of their own (the actions below), never a field edit.
    readonly_fields = DevelopmentProject.LIFECYCLE_FIELDS
    actions = [
        _lifecycle_action("publish", _("Publish the selected projects"), "publish", services.publish,
                          dict(visibility=V.CONFIDENTIAL),
                          lambda n: ngettext("Published %(count)s project.", "Published %(count)s projects.", n)),
        _lifecycle_action("make_confidential", _("Make the selected projects confidential"), "publish",
                          services.make_confidential, dict(visibility=V.PUBLIC),
                          lambda n: ngettext("Made %(count)s project confidential.",
                                             "Made %(count)s projects confidential.", n)),
        _lifecycle_action("archive", _("Archive the selected projects"), "archive", services.archive,
                          dict(archived_at__isnull=True),
                          lambda n: ngettext("Archived %(count)s project.", "Archived %(count)s projects.", n)),
        _lifecycle_action("restore", _("Take the selected projects out of the archive"), "archive",
                          services.restore, dict(archived_at__isnull=False),
                          lambda n: ngettext("Took %(count)s project out of the archive.",
                                             "Took %(count)s projects out of the archive.", n)),
    ]

    def has_publish_permission(self, request):
        return rules.has_perm("places.publish_developmentproject", request.user)

    def has_archive_permission(self, request):
        return rules.has_perm("places.archive_developmentproject", request.user)

    def save_model(self, request, obj, form, change):
        """Saved in save_related, together with its phases."""

    def save_related(self, request, form, formsets, change):
        phases = next(formset for formset in formsets if isinstance(formset, PhaseInlineFormSet))
        try:
            services.save_project(form, phases)  # the project, its developers and phases, or nothing
        except ValidationError as refused:
            raise SaveRefused(refused) from refused
        for formset in formsets:
            if formset is not phases:
                self.save_formset(request, form, formset, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except SaveRefused as refused:
            # The admin's transaction is rolled back; the form comes again with the reason.
            request.places_save_refused = refused.error
            response = super().changeform_view(request, object_id, form_url, extra_context)
            response.status_code = 400
            return response

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        refused = getattr(request, "places_save_refused", None)
        if refused is not None and isinstance(inline, PhaseInline) and request.method == "POST":
            kwargs["refused"] = refused
        return kwargs


class PlanDocumentInline(admin.TabularInline):
    model = PlanDocument
    extra = 0
    readonly_fields = ["size", "uploaded_at"]


@admin.register(Plan)
class PlanAdmin(LeafletGeoAdmin):
    inlines = [PlanDocumentInline]
    list_display = ["plan_id", "name", "kind", "plan_type", "plan_status", "centre"]
    list_filter = ["kind", "plan_status"]
    search_fields = ["plan_id", "name"]


@admin.register(ServiceFacility)
class ServiceFacilityAdmin(LeafletGeoAdmin):
    list_display = ["name", "kind", "centre", "capacity", "is_demo"]
    list_filter = ["kind", "is_demo"]
