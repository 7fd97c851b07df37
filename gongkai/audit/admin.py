from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the trail is written by audit.record() only."""

    list_display = ["sequence", "created_at", "actor_name", "agency_id", "action", "target_text"]
    list_filter = ["action"]
    search_fields = ["action", "actor_name", "target_text"]
    ordering = ["-sequence"]

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
