"""Planners and administrators keep the innbyggertorg (services, weekly hours, exceptions) and the
committee archive here. Access: Django's own model permissions (a superuser, or staff given
them), or the community.maintain rule (planning staff who are let into the admin)."""

import rules
from django.contrib import admin
from leaflet.admin import LeafletGeoAdmin

from .models import (
    CommitteeMeeting,
    CommitteeMember,
    HoursException,
    Innbyggertorg,
    LocalCommunityCommittee,
    Service,
    WeeklyHours,
)


class MaintainedByPlanners:
    def _may(self, request):
        return rules.has_perm("community.maintain", request.user)

    def has_module_permission(self, request):
        return self._may(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._may(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self._may(request) or super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return self._may(request) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may(request) or super().has_delete_permission(request, obj)


class ServiceInline(MaintainedByPlanners, admin.TabularInline):
    model = Service
    extra = 0


class WeeklyHoursInline(MaintainedByPlanners, admin.TabularInline):
    model = WeeklyHours
    extra = 0


class HoursExceptionInline(MaintainedByPlanners, admin.TabularInline):
    model = HoursException
    extra = 0


@admin.register(Innbyggertorg)
class InnbyggertorgAdmin(MaintainedByPlanners, LeafletGeoAdmin):
    list_display = ["name", "centre", "address", "location_approximate", "hours_demo"]
    list_select_related = ["centre"]
    search_fields = ["name", "address"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ServiceInline, WeeklyHoursInline, HoursExceptionInline]


class MemberInline(MaintainedByPlanners, admin.TabularInline):
    model = CommitteeMember
    extra = 0


class MeetingInline(MaintainedByPlanners, admin.StackedInline):
    model = CommitteeMeeting
    extra = 0


@admin.register(LocalCommunityCommittee)
class CommitteeAdmin(MaintainedByPlanners, admin.ModelAdmin):
    list_display = ["name", "centre", "period_start", "period_end"]
    list_select_related = ["centre"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MemberInline, MeetingInline]
