"""Audit entries for logging in and out; who entered the system and when is part of the trail."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from gongkai import audit


def _client(request) -> dict:
    if request is None:
        return {}
    return {
        "ip": request.META.get("REMOTE_ADDR", ""),
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
    }


@receiver(user_logged_in, dispatch_uid="gongkai.agencies.audit_login")
def audit_login(sender, request, user, **kwargs):
    audit.record("auth.login", actor=user, agency=None, target=user, details=_client(request))


@receiver(user_logged_out, dispatch_uid="gongkai.agencies.audit_logout")
def audit_logout(sender, request, user, **kwargs):
    # `user` is None when an anonymous visitor posts to log-out: nothing happened worth recording.
    if user is not None:
        audit.record("auth.logout", actor=user, agency=None, target=user, details=_client(request))


@receiver(user_login_failed, dispatch_uid="gongkai.agencies.audit_login_failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    if getattr(request, "login_refusal", None):
        return  # refused before the password was checked: counted per minute (gongkai.security.denials)
    # Only the user name is kept; Django already replaces the password in `credentials` by stars.
    details = {"username": str(credentials.get("username", ""))[:150], **_client(request)}
    audit.record("auth.login_failed", actor=None, agency=None, target=None, details=details)
