"""System configuration shows appeals read-only, each person only those of the agencies they see: changes go
through the audited workspace screens."""

from django.contrib import admin

from gongkai.agencies.access import agencies_visible_to

from .models import Appeal


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = ["__str__", "agency", "kind", "filed_on", "closed_on", "result"]
    list_filter = ["kind", "result", "agency"]
    search_fields = ["case_number", "body"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(agency__in=agencies_visible_to(request.user))

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
