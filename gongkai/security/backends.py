"""The one authentication backend (settings.AUTHENTICATION_BACKENDS): Django's ModelBackend behind the
log-in limits of gongkai.security.lockout.

Every log-in over the web goes through django.contrib.auth.authenticate() with the request — the staff
log-in page, the admin's log-in page, any future one — and so through here: no page can skip the lockout.
A refused attempt raises PermissionDenied, which makes authenticate() stop and report a failed log-in
without looking at the password; the reason is left on the request for the form to show
(request.login_refusal) and for the audit (gongkai.security.denials).

A call without a request (a management command, a test client's login()) has no client address to
count; it is checked by the password alone, as before.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from . import denials, lockout


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if request is None or username is None or password is None:
            return super().authenticate(request, username, password, **kwargs)
        refused = lockout.refusal(request, username)
        if refused is not None:
            request.login_refusal = refused.message
            denials.note(request, "auth.refused", reason=refused.reason, username=str(username)[:150])
            raise PermissionDenied(refused.message)
        user = super().authenticate(request, username, password, **kwargs)
        if user is None:
            lockout.record_failure(request, username)
        else:
            lockout.record_success(request, username)
        return user
