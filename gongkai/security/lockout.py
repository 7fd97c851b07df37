"""Log-in throttling, applied by the authentication backend (gongkai.security.backends) to every log-in,
whatever page it comes from. Three limits, each refusing before the password is looked at:

- an account name, from one client address, is locked after settings.LOGIN_MAX_FAILURES failures in a row,
  for settings.LOGIN_LOCKOUT_MINUTES (an administrator may unlock sooner). The lock binds that address
  only: someone elsewhere who types a colleague's name five times locks themselves out, not the colleague.
- a client address is refused after settings.LOGIN_ADDRESS_LIMIT failures in an hour, whatever names it
  tries (password spraying).
- an account that failed settings.LOGIN_ACCOUNT_LIMIT times in an hour, from any addresses (a guessing run
  spread over many), accepts log-ins only from addresses it has logged in from before; its owner at the
  usual office keeps working, the guessing stops.

A success resets the count of that name and address and remembers the address as known.

refusal(request, username) -> Refusal | None   why this attempt is refused before checking the password
record_failure(request, username)              count a failed attempt (locks and audits at the limit)
record_success(request, username)              reset the count, remember the address
unlock(lock, actor)                            lift a lockout (audited)
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai import audit

from . import ratelimit
from .models import LoginLock

ADDRESS_BUCKET = "login-failures"
ACCOUNT_BUCKET = "login-account-failures"
KNOWN_ADDRESS_DAYS = 180


@dataclass(frozen=True)
class Refusal:
    reason: str  # "address", "locked" or "account": what the audit records
    message: str  # what the person is told


def _name(username) -> str:
    return str(username or "").strip()[:150]


def _address(request) -> str:
    return ratelimit.client_address(request)[:64]


def _lock(username, address) -> LoginLock | None:
    return LoginLock.objects.filter(username=_name(username), address=address).first()


def locked_until(username, address) -> "timezone.datetime | None":
    lock = _lock(username, address)
    if lock and lock.locked_until and lock.locked_until > timezone.now():
        return lock.locked_until
    return None


def _known_address(username, address) -> bool:
    since = timezone.now() - timedelta(days=KNOWN_ADDRESS_DAYS)
    return LoginLock.objects.filter(
        username=_name(username), address=address, last_success_at__gte=since
    ).exists()


def refusal(request, username) -> Refusal | None:
    name, address = _name(username), _address(request)
    if not ratelimit.allowed(request, ADDRESS_BUCKET, settings.LOGIN_ADDRESS_LIMIT):
        return Refusal("address", "来自您所在网络地址的登录失败次数过多，请一小时后再试。")
    until = locked_until(name, address)
    if until:
        return Refusal(
            "locked",
            f"该账号在您所在的网络地址连续 {settings.LOGIN_MAX_FAILURES} 次登录失败，已被锁定，"
            f"请于 {timezone.localtime(until):%H:%M} 后再试，或请本机关系统管理员解锁。",
        )
    over = not ratelimit.allowed(request, ACCOUNT_BUCKET, settings.LOGIN_ACCOUNT_LIMIT, key=name.lower())
    if over and not _known_address(name, address):
        return Refusal(
            "account",
            "该账号近一小时登录失败次数过多，为保护账号，暂时只允许从曾经成功登录过的网络地址登录。"
            "请稍后再试，或请本机关系统管理员协助。",
        )
    return None


def _locked_row(name: str, address: str) -> LoginLock:
    try:
        with transaction.atomic():
            return LoginLock.objects.select_for_update().get_or_create(username=name, address=address)[0]
    except IntegrityError:  # created by a concurrent failure a moment ago
        return LoginLock.objects.select_for_update().get(username=name, address=address)


def record_failure(request, username) -> LoginLock:
    name, address = _name(username), _address(request)
    ratelimit.hit(request, ADDRESS_BUCKET)
    ratelimit.hit(request, ACCOUNT_BUCKET, key=name.lower())
    now = timezone.now()
    with transaction.atomic():
        lock = _locked_row(name, address)
        if lock.locked_until and lock.locked_until <= now:
            lock.failures, lock.locked_until = 0, None  # an expired lock starts a new count
        lock.failures += 1
        lock.last_failure_at = now
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
                    "ip": address,
                },
            )
    return lock


def record_success(request, username) -> None:
    name, address = _name(username), _address(request)
    with transaction.atomic():
        lock = _locked_row(name, address)
        lock.failures, lock.locked_until, lock.last_success_at = 0, None, timezone.now()
        lock.save()


def unlock(lock: LoginLock, actor) -> None:
    with transaction.atomic():
        was_locked = bool(lock.locked_until and lock.locked_until > timezone.now())
        LoginLock.objects.filter(pk=lock.pk).update(failures=0, locked_until=None)
        audit.record(
            "auth.unlock",
            actor=actor,
            target=lock,
            details={"username": lock.username, "address": lock.address, "was_locked": was_locked},
        )
