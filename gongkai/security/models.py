"""Failed log-ins per account name and client address, and the rate-limit counters. Kept in the database,
not a process's cache, so that a lockout holds across app servers and restarts, and an administrator can
see and lift it."""

from django.db import models


class LoginLock(models.Model):
    """One account name as typed, from one client address: its failures in a row, its lock, and when it
    last logged in from there (an address the account is known to use; see gongkai.security.lockout)."""

    # The name as typed: an unknown name is counted like a real one, so a lockout never tells an attacker
    # which accounts exist.
    username = models.CharField("用户名", max_length=150)
    address = models.CharField("来源地址", max_length=64, blank=True)
    failures = models.PositiveIntegerField("连续失败次数", default=0)
    last_failure_at = models.DateTimeField("最近失败时间", null=True, blank=True)
    locked_until = models.DateTimeField("锁定至", null=True, blank=True)
    last_success_at = models.DateTimeField("最近从此地址登录成功", null=True, blank=True)

    class Meta:
        verbose_name = "登录失败与锁定"
        verbose_name_plural = "登录失败与锁定"
        ordering = ["-last_failure_at"]
        constraints = [
            models.UniqueConstraint(fields=["username", "address"], name="login_lock_per_name_and_address"),
        ]

    def __str__(self) -> str:
        return f"{self.username}（{self.address}）"


class RateCounter(models.Model):
    """One rate-limit window (gongkai.security.ratelimit), shared by every server process through the
    database: counted with one atomic statement, so processes and servers never count apart."""

    key = models.CharField("计数键", max_length=100, primary_key=True)
    count = models.PositiveIntegerField("次数", default=0)
    window_ends = models.FloatField("窗口结束（Unix 时间）", db_index=True)

    class Meta:
        verbose_name = "频率限制计数"
        verbose_name_plural = "频率限制计数"
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.key}：{self.count}"


class DenialTally(models.Model):
    """Refusals of one kind to one actor (or anonymous address) within one minute, counted here and
    written to the audit trail as a single entry once the minute is over (gongkai.security.denials), so
    that a flood of refused requests cannot flood the chain."""

    minute = models.BigIntegerField("分钟（Unix 时间 ÷ 60）")
    kind = models.CharField("类别", max_length=40)
    actor_id = models.BigIntegerField("操作人编号", default=0)  # 0: not signed in
    actor_name = models.CharField("操作人", max_length=150, blank=True)
    address = models.CharField("来源地址", max_length=64, blank=True)
    count = models.PositiveIntegerField("次数", default=0)
    path = models.CharField("首次请求的地址", max_length=200, blank=True)
    detail = models.CharField("首次的说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "拒绝访问计数"
        verbose_name_plural = "拒绝访问计数"
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["minute", "kind", "actor_id", "address"], name="denial_tally_per_minute_kind_actor"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.actor_name or self.address} ×{self.count}"
