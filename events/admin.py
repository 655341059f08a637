from django.contrib import admin

from .models import Event, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "state", "capacity"]
    list_filter = ["kind", "state"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["created_by"]
    inlines = [RegistrationInline]
