"""The log-in form with throttling: a locked account or a throttled address is refused before the
password is looked at, so guessing on stops counting as a chance."""

from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from . import lockout


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "用户名或密码不正确。注意密码区分大小写；连续多次失败后账号将被暂时锁定。",
        "inactive": "该账号已停用，请联系本机关系统管理员。",
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        refused = lockout.refusal(self.request, username)
        if refused:
            raise ValidationError(refused, code="locked")
        try:
            cleaned = super().clean()
        except ValidationError as exc:
            if getattr(exc, "code", None) == "invalid_login":
                lockout.record_failure(self.request, username)
            raise
        lockout.record_success(username)
        return cleaned
