from django.contrib import admin
from leaflet.admin import LeafletGeoAdmin

from .models import Category, Organisation


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
