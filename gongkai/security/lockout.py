"""Log-in throttling: an account is locked after settings.LOGIN_MAX_FAILURES failures in a row, for
settings.LOGIN_LOCKOUT_MINUTES; a client address is refused after settings.LOGIN_ADDRESS_LIMIT failures
in an hour, whatever names it tries. A success resets the account's count; an administrator may unlock.

refusal(request, username) -> str | None     why this attempt is refused before checking the password
record_failure(request, username)             count a failed attempt (locks and audits at the limit)
record_success(username)                      reset the count
unlock(lock, actor)                           lift a lockout (audited)
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai import audit

from . import ratelimit
from .models import LoginLock

ADDRESS_BUCKET = "login-failures"


def _name(username) -> str:
    return str(username or "").strip()[:150]


def locked_until(username) -> "timezone.datetime | None":
    lock = LoginLock.objects.filter(username__iexact=_name(username)).first()
    if lock and lock.locked_until and lock.locked_until > timezone.now():
        return lock.locked_until
    return None


def refusal(request, username) -> str | None:
    if not ratelimit.allowed(request, ADDRESS_BUCKET, settings.LOGIN_ADDRESS_LIMIT):
        return "来自您所在网络地址的登录失败次数过多，请一小时后再试。"
    until = locked_until(username)
    if until:
        return (
            f"该账号因连续 {settings.LOGIN_MAX_FAILURES} 次登录失败已被锁定，"
            f"请于 {timezone.localtime(until):%H:%M} 后再试，或请本机关系统管理员解锁。"
        )
    return None


def record_failure(request, username) -> LoginLock:
    name = _name(username)
    ratelimit.hit(request, ADDRESS_BUCKET)
    now = timezone.now()
    with transaction.atomic():
        lock, _ = LoginLock.objects.select_for_update().get_or_create(username=name)
        if lock.locked_until and lock.locked_until <= now:
            lock.failures, lock.locked_until = 0, None  # an expired lock starts a new count
        lock.failures += 1
        lock.last_failure_at = now
        lock.last_address = ratelimit.client_address(request)[:64]
        newly_locked = lock.failures >= settings.LOGIN_MAX_FAILURES and lock.locked_until is None
        if newly_locked:
            lock.locked_until = now + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
        lock.save()
        if newly_locked:
            audit.record(
                "auth.lockout",
                details={
                    "username": name,
                    "failures": lock.failures,
                    "until": lock.locked_until,
                    "ip": lock.last_address,
                },
            )
    return lock


def record_success(username) -> None:
    LoginLock.objects.filter(username__iexact=_name(username)).update(
        failures=0, locked_until=None, last_failure_at=None
    )


def unlock(lock: LoginLock, actor) -> None:
    with transaction.atomic():
        was_locked = bool(lock.locked_until and lock.locked_until > timezone.now())
        LoginLock.objects.filter(pk=lock.pk).update(failures=0, locked_until=None)
        audit.record(
            "auth.unlock",
            actor=actor,
            target=lock,
            details={"username": lock.username, "was_locked": was_locked},
        )
