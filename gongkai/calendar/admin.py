"""Administration of the calendar: enter a new year when the State Council publishes its notice, or amend a
year. Every change is written to the audit trail."""

from django.contrib import admin

from gongkai import audit

from .models import CalendarDay, CalendarYear


def _snapshot(obj, fields) -> dict:
    return {f: str(getattr(obj, f)) for f in fields}


YEAR_FIELDS = [
    "year",
    "notice_number",
    "notice_title",
    "notice_date",
    "notice_url",
    "amended",
    "amendment_number",
]


class CalendarDayInline(admin.TabularInline):
    model = CalendarDay
    extra = 0
    fields = ["date", "kind", "holiday"]
    ordering = ["date"]


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = ["year", "notice_number", "notice_date", "amended", "source", "entered_by", "entered_at"]
    readonly_fields = ["entered_by", "entered_at", "source"]
    fieldsets = [
        (None, {"fields": ["year"]}),
        ("国务院办公厅通知", {"fields": ["notice_number", "notice_title", "notice_date", "notice_url"]}),
        ("年中调整", {"fields": ["amended", "amendment_number", "amendment_notes"]}),
        ("录入", {"fields": ["source", "entered_by", "entered_at"]}),
    ]
    inlines = [CalendarDayInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.entered_by = request.user
            obj.source = obj.source or "管理员录入"
        super().save_model(request, obj, form, change)
        details = {"changed": form.changed_data, "values": _snapshot(obj, YEAR_FIELDS)}
        audit.record(
            "calendar.year.amend" if change else "calendar.year.create",
            actor=request.user,
            target=obj,
            details=details,
        )

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            audit.record(
                "calendar.day.delete",
                actor=request.user,
                target=deleted,
                details=_snapshot(deleted, ["date", "kind", "holiday"]),
            )
            deleted.delete()
        changed = {id(o) for o, _ in formset.changed_objects}
        for day in instances:
            created = day.pk is None
            day.save()
            if created or id(day) in changed:
                audit.record(
                    "calendar.day.create" if created else "calendar.day.change",
                    actor=request.user,
                    target=day,
                    details=_snapshot(day, ["date", "kind", "holiday"]),
                )
        formset.save_m2m()

    def delete_model(self, request, obj):
        audit.record(
            "calendar.year.delete", actor=request.user, target=obj, details=_snapshot(obj, YEAR_FIELDS)
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "holiday", "calendar_year"]
    list_filter = ["kind", "calendar_year"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(
            "calendar.day.change" if change else "calendar.day.create",
            actor=request.user,
            target=obj,
            details=_snapshot(obj, ["date", "kind", "holiday"]),
        )

    def delete_model(self, request, obj):
        audit.record(
            "calendar.day.delete",
            actor=request.user,
            target=obj,
            details=_snapshot(obj, ["date", "kind", "holiday"]),
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)
