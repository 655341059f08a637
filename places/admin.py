from django import forms
from django.contrib import admin
from leaflet.admin import LeafletGeoAdmin

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


@admin.register(DevelopmentProject)
class DevelopmentProjectAdmin(LeafletGeoAdmin):
    form = ProjectAdminForm
    list_display = ["name", "centre", "status", "visibility", "flats", "terraced", "detached"]
    list_filter = ["status", "visibility", "centre"]
    search_fields = ["name", "plan_id"]
    autocomplete_fields = ["developers"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PhaseInline]


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
