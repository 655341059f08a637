from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import BarrierReport


@admin.register(BarrierReport)
class BarrierReportAdmin(admin.ModelAdmin):
    """What visitors reported; an administrator reads, answers by e-mail and marks it handled."""

    list_display = ("created_at", "page", "summary", "email", "handled_at")
    list_filter = (("handled_at", admin.EmptyFieldListFilter), "created_at")
    search_fields = ("page", "problem", "email")
    # What a visitor wrote stays as written; the action below marks a report handled.
    readonly_fields = ("created_at", "page", "problem", "email", "language", "handled_at")
    date_hierarchy = "created_at"
    actions = ["mark_handled"]

    @admin.display(description=_("problem"))
    def summary(self, report):
        return str(report)

    def has_add_permission(self, request):
        return False  # reports come from visitors only

    @admin.action(description=_("Mark the chosen reports as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        count = queryset.filter(handled_at__isnull=True).update(handled_at=timezone.now())
        self.message_user(request, ngettext("%(n)d report marked as handled.", "%(n)d reports marked as handled.",
                                            count) % {"n": count}, messages.SUCCESS)
