"""系统配置 of agencies, departments and roles. Configuration only: the work itself happens in the workspace.

A superuser configures everything. A staff member who is 管理员 of an agency configures that agency, its
departments and its people's roles, and nothing else: they cannot create or move agencies, nor hand out
the 上级监督员 role, which would widen what they may see.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from gongkai import audit
from gongkai.agencies.models import Agency, Department, Membership, Role


def administered_agency_ids(user) -> set[int]:
    return set(Membership.objects.filter(user=user, role=Role.ADMIN).values_list("agency_id", flat=True))


def manageable_users(user):
    """The accounts an agency's 管理员 may see, edit and give roles: people who work only in agencies they
    administer, and accounts that hold no role anywhere yet (just created). Someone who also holds a role
    elsewhere, a superuser or another agency's staff account is outside: resetting their password would
    hand over their other roles."""
    users = get_user_model().objects.all()
    if user.is_superuser:
        return users
    own = administered_agency_ids(user)
    elsewhere = Membership.objects.exclude(agency_id__in=own).values("user_id")
    with_role_here = Membership.objects.filter(agency_id__in=own).values("user_id")
    unattached = users.filter(memberships__isnull=True, is_staff=False)
    return (
        (users.filter(pk__in=with_role_here).exclude(pk__in=elsewhere) | unattached)
        .filter(is_superuser=False)
        .distinct()
    )


def _plain(value):
    """A JSON-friendly form of a field value for the audit details."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


class AuditedAdmin(admin.ModelAdmin):
    """Writes an audit entry for every save and delete made through the admin."""

    audit_name = ""

    def agency_of(self, obj) -> Agency:
        return obj.agency

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        details = {name: _plain(form.cleaned_data.get(name)) for name in form.changed_data}
        action = f"agencies.{self.audit_name}.{'change' if change else 'create'}"
        audit.record(action, actor=request.user, agency=self.agency_of(obj), target=obj, details=details)

    def delete_model(self, request, obj):
        self._audit_delete(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._audit_delete(request, obj)
        super().delete_queryset(request, queryset)

    def _audit_delete(self, request, obj):
        audit.record(
            f"agencies.{self.audit_name}.delete",
            actor=request.user,
            agency=self.agency_of(obj),
            target=obj,
            details={"name": str(obj)},
        )


class ScopedToAdministeredAgencies(AuditedAdmin):
    """Non-superusers see and edit only rows of agencies where they are 管理员."""

    agency_path = "agency"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(**{f"{self.agency_path}__in": administered_agency_ids(request.user)})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            ids = administered_agency_ids(request.user)
            if db_field.name == "agency":
                kwargs["queryset"] = Agency.objects.filter(pk__in=ids)
            elif db_field.name == "department":
                kwargs["queryset"] = Department.objects.filter(agency_id__in=ids)
            elif db_field.name == "user":
                kwargs["queryset"] = manageable_users(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0
    fields = ["name", "kind"]


@admin.register(Agency)
class AgencyAdmin(ScopedToAdministeredAgencies):
    audit_name = "agency"
    agency_path = "pk"
    list_display = ["name", "code", "level", "kind", "parent", "uscc"]
    list_filter = ["level", "kind"]
    search_fields = ["name", "code", "uscc"]
    inlines = [DepartmentInline]
    fieldsets = [
        (None, {"fields": ["name", "code", "uscc", "level", "kind", "parent"]}),
        ("政府信息公开工作机构", {"fields": ["disclosure_office", "disclosure_office_head"]}),
        (
            "联系方式",
            {"fields": ["address", "postcode", "office_hours", "telephone", "fax", "email", "website"]},
        ),
        ("个人信息保护", {"fields": ["personal_data_retention_years"]}),
    ]

    def agency_of(self, obj):
        return obj

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return []
        return ["parent", "level", "kind", "code"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_formset(self, request, form, formset, change):
        # Departments edited inline are audited one by one, like those saved on their own page.
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            audit.record(
                "agencies.department.delete",
                actor=request.user,
                agency=form.instance,
                target=obj,
                details={"name": obj.name},
            )
            obj.delete()
        for obj in instances:
            created = obj.pk is None
            obj.save()
            audit.record(
                f"agencies.department.{'create' if created else 'change'}",
                actor=request.user,
                agency=form.instance,
                target=obj,
                details={"name": obj.name, "kind": obj.kind},
            )
        formset.save_m2m()


@admin.register(Department)
class DepartmentAdmin(ScopedToAdministeredAgencies):
    audit_name = "department"
    list_display = ["name", "kind", "agency"]
    list_filter = ["kind", "agency"]
    search_fields = ["name", "agency__name"]


@admin.register(Membership)
class MembershipAdmin(ScopedToAdministeredAgencies):
    audit_name = "membership"
    list_display = ["user", "agency", "role", "department"]
    list_filter = ["role", "agency"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "agency__name"]
    autocomplete_fields = ["user"]

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role" and not request.user.is_superuser:
            kwargs["choices"] = [(value, label) for value, label in Role.choices if value != Role.SUPERVISOR]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class ScopedUserAdmin(UserAdmin):
    """Accounts in 系统配置: a superuser sees every account; an agency's 管理员 sees and edits only
    manageable_users(), and never the fields that hand out power (staff, superuser, permissions, groups)."""

    limited_fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("个人信息", {"fields": ("first_name", "last_name", "email")}),
        ("状态", {"fields": ("is_active", "last_login", "date_joined")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).filter(pk__in=manageable_users(request.user).values("pk"))

    def get_fieldsets(self, request, obj=None):
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.limited_fieldsets

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ("last_login", "date_joined")

    def get_list_filter(self, request):
        return super().get_list_filter(request) if request.user.is_superuser else ("is_active",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        details = {
            name: str(form.cleaned_data.get(name)) for name in form.changed_data if "password" not in name
        }
        audit.record(
            f"agencies.user.{'change' if change else 'create'}",
            actor=request.user,
            target=obj,
            details=details,
        )
