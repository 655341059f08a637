from django.contrib import admin

from .models import Registration, UsernameReservation


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("user", "registered_at", "activated_at")
    list_filter = ("activated_at",)
    search_fields = ("user__username", "user__email")
    readonly_fields = ("user", "registered_at", "activated_at")

    def has_add_permission(self, request):
        return False


@admin.register(UsernameReservation)
class UsernameReservationAdmin(admin.ModelAdmin):
    """Read-only: removed by the hourly housekeeping with the expired registrations."""

    list_display = ("username", "reserved_at")
    search_fields = ("username",)
    fields = ("username", "reserved_at")
    readonly_fields = ("username", "reserved_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
