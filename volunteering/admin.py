from django.contrib import admin
from leaflet.admin import LeafletGeoAdmin

from .models import Category, Opportunity, Organisation, RepresentationRequest, Representative


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "label_nb", "label_en"]
    search_fields = ["code", "label_nb", "label_en"]


@admin.register(Organisation)
class OrganisationAdmin(LeafletGeoAdmin):
    # The organisation number is checked by the model field's validator (orgnr.validate), so
    # this form refuses a bad one with the same message as everywhere else.
    list_display = ["name", "number", "post_town", "centre", "active", "source"]
    list_filter = ["active", "source", "location_basis", "categories"]
    search_fields = ["name", "number", "post_town"]
    filter_horizontal = ["categories"]
    readonly_fields = ["created_at", "updated_at"]
    list_select_related = ["centre"]


@admin.register(RepresentationRequest)
class RepresentationRequestAdmin(admin.ModelAdmin):
    # Deciding is done on /frivillighet/foresporsler/ (services.decide adds the role group too).
    list_display = ["organisation", "user", "state", "created_at", "decided_by"]
    list_filter = ["state"]
    list_select_related = ["organisation", "user", "decided_by"]
    raw_id_fields = ["organisation", "user", "decided_by"]
    readonly_fields = ["state", "decided_by", "decided_at", "created_at"]


@admin.register(Representative)
class RepresentativeAdmin(admin.ModelAdmin):
    list_display = ["organisation", "user", "approved_by", "approved_at"]
    list_select_related = ["organisation", "user", "approved_by"]
    raw_id_fields = ["organisation", "user", "approved_by"]

    def save_model(self, request, obj, form, change):
        from . import services

        if not change:
            obj.approved_by = obj.approved_by or request.user
        super().save_model(request, obj, form, change)
        services.join_role_group(obj.user)


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "centre", "commitment", "starts_on", "ends_on", "published"]
    list_filter = ["published", "commitment", "for_young_people"]
    search_fields = ["title", "organisation__name"]
    list_select_related = ["organisation", "centre"]
    raw_id_fields = ["organisation"]
