"""System configuration shows cases read-only: changes go through the audited workspace screens, and the
encrypted identity number is never shown here."""

from django.contrib import admin

from .models import Application, ApplicationEvent, LetterSettings


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["reference", "agency", "channel", "applicant_type", "received_on"]
    list_filter = ["agency", "channel", "applicant_type"]
    search_fields = ["reference"]
    fields = [
        "reference",
        "agency",
        "channel",
        "arrived_at",
        "confirmed_on",
        "received_on",
        "applicant_type",
        "created_at",
    ]


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(ReadOnlyAdmin):
    list_display = ["application", "type", "date", "created_at"]
    list_filter = ["type"]
    fields = ["application", "type", "date", "data", "created_at"]


# The letter settings are configuration: the 文号 prefix and the remedy clause's bodies and periods.


@admin.register(LetterSettings)
class LetterSettingsAdmin(admin.ModelAdmin):
    list_display = ["agency", "number_prefix", "review_body", "review_days", "court", "litigation_months"]
