"""系统配置 views of the recorded figures: read-only, since every change must go through the audited services."""

from django.contrib import admin

from gongkai.agencies.access import agencies_visible_to

from .models import Matter, StatisticEntry


class ReadOnlyScoped(admin.ModelAdmin):
    def get_queryset(self, request):
        return super().get_queryset(request).filter(agency__in=agencies_visible_to(request.user))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Matter)
class MatterAdmin(ReadOnlyScoped):
    list_display = ("name", "kind", "agency", "effective_from", "effective_until", "source")
    list_filter = ("kind", "agency")
    search_fields = ("name",)


@admin.register(StatisticEntry)
class StatisticEntryAdmin(ReadOnlyScoped):
    list_display = ("kind", "agency", "period_start", "period_end", "value", "source", "entered_by")
    list_filter = ("kind", "agency")
