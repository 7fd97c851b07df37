"""System configuration only: day-to-day work happens in the workspace, where every change is audited."""

from django.contrib import admin

from gongkai.disclosure.models import CatalogueCategory, DisclosureSettings, Item, OfficialDocument


@admin.register(DisclosureSettings)
class DisclosureSettingsAdmin(admin.ModelAdmin):
    list_display = ["agency", "index_pattern"]


@admin.register(CatalogueCategory)
class CatalogueCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "agency", "parent", "update_frequency"]
    list_filter = ["agency"]


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    # Read-only here: the workflow alone moves items, so history and 索引号 stay trustworthy.
    list_display = ["title", "agency", "index_number", "status", "attribute"]
    list_filter = ["status", "attribute", "agency"]
    search_fields = ["title", "index_number", "document_number"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OfficialDocument)
class OfficialDocumentAdmin(admin.ModelAdmin):
    list_display = ["document_number", "title", "agency", "issued_on", "attribute"]
    list_filter = ["agency", "attribute"]
    search_fields = ["document_number", "title"]

    def has_delete_permission(self, request, obj=None):
        return False
