"""系统配置 → 登录失败与锁定: which account names failed from which addresses, who is locked out there,
and the action that lifts a lockout (audited).

A superuser sees every entry; an agency's 管理员 sees the entries of the people of their agencies."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.agencies.admin import administered_agency_ids

from . import lockout
from .models import LoginLock


@admin.register(LoginLock)
class LoginLockAdmin(admin.ModelAdmin):
    list_display = ["username", "address", "failures", "last_failure_at", "locked_until", "is_locked"]
    search_fields = ["username", "address"]
    readonly_fields = [
        "username",
        "address",
        "failures",
        "last_failure_at",
        "locked_until",
        "last_success_at",
    ]
    actions = ["unlock_selected"]

    @admin.display(boolean=True, description="锁定中")
    def is_locked(self, obj):
        return bool(obj.locked_until and obj.locked_until > timezone.now())

    def get_queryset(self, request):
        # Records of successful log-ins only (no failure since) are not what this page is for.
        qs = super().get_queryset(request).filter(failures__gt=0)
        if request.user.is_superuser:
            return qs
        names = (
            get_user_model()
            .objects.filter(memberships__agency_id__in=administered_agency_ids(request.user))
            .values_list("username", flat=True)
        )
        return qs.filter(username__in=list(names))

    def has_module_permission(self, request):
        return request.user.is_active and (
            request.user.is_superuser or bool(administered_agency_ids(request.user))
        )

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="解锁所选账号（记入审计日志）", permissions=["change"])
    def unlock_selected(self, request, queryset):
        for lock in queryset:
            lockout.unlock(lock, request.user)
        self.message_user(request, f"已解锁 {len(queryset)} 个账号。", messages.SUCCESS)
