"""The forms of the log-in pages and the password change, in Chinese and throttled.

The log-in limits themselves live in the authentication backend (gongkai.security.backends), which every
log-in reaches; these forms only say why an attempt was refused, where the backend left the reason. The
password change checks the current password directly (not through a backend), so it is throttled here:
settings.PASSWORD_CHANGE_LIMIT wrong current passwords an hour per person.
"""

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError

from . import denials, ratelimit

LOGIN_MESSAGES = {
    "invalid_login": "用户名或密码不正确。注意密码区分大小写；连续多次失败后账号将被暂时锁定。",
    "inactive": "该账号已停用，请联系本机关系统管理员。",
}
PASSWORD_BUCKET = "password-change"


class RefusalShown:
    """For an AuthenticationForm: show the backend's reason for a refused attempt instead of the plain
    "wrong name or password"."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            refusal = getattr(self.request, "login_refusal", None)
            if refusal:
                raise ValidationError(refusal, code="locked") from None
            raise


class ThrottledAuthenticationForm(RefusalShown, AuthenticationForm):
    error_messages = {**AuthenticationForm.error_messages, **LOGIN_MESSAGES}


class ThrottledAdminAuthenticationForm(RefusalShown, AdminAuthenticationForm):
    error_messages = {**AdminAuthenticationForm.error_messages, **LOGIN_MESSAGES}


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """The current password may be wrong settings.PASSWORD_CHANGE_LIMIT times an hour; after that the form
    refuses before checking it, so a session left open cannot be used to guess the password."""

    def __init__(self, user, *args, request=None, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self):
        key = str(self.user.pk)
        if not ratelimit.allowed(self.request, PASSWORD_BUCKET, settings.PASSWORD_CHANGE_LIMIT, key=key):
            if self.request is not None:
                denials.note(self.request, "password.refused", username=self.user.get_username())
            raise ValidationError("原密码输错次数过多，请一小时后再试。", code="password_change_throttled")
        try:
            return super().clean_old_password()
        except ValidationError:
            ratelimit.hit(self.request, PASSWORD_BUCKET, key=key)
            raise
