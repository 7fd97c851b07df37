"""System configuration shows cases read-only: changes go through the audited workspace screens."""

from django.contrib import admin

from .models import Appeal


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    list_display = ["__str__", "agency", "kind", "filed_on", "closed_on", "result"]
    list_filter = ["kind", "result", "agency"]
    search_fields = ["case_number", "body"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
