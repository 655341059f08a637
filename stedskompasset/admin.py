from django.contrib import admin

from .models import SurveyResponse, SurveyRound


@admin.register(SurveyRound)
class SurveyRoundAdmin(admin.ModelAdmin):
    list_display = ("title", "centre", "opens_at", "closes_at", "is_demo")
    list_filter = ("is_demo", "centre")
    search_fields = ("title", "centre__name")


@admin.register(SurveyResponse)
class SurveyResponseAdmin(admin.ModelAdmin):
    # Read-only: scores are changed by no one, only counted.
    list_display = ("round", "kind", "participants", "created_at", "is_demo")
    list_filter = ("kind", "is_demo")
    readonly_fields = ("round", "kind", "respondent", "entered_by", "participants", "held_on", "held_at", "is_demo")

    def has_add_permission(self, request):
        return False
