from django.contrib import admin

from .models import Registration


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("user", "registered_at", "activated_at")
    list_filter = ("activated_at",)
    search_fields = ("user__username", "user__email")
    readonly_fields = ("user", "registered_at", "activated_at")

    def has_add_permission(self, request):
        return False
