"""Failed log-ins per account name. Kept in the database, not the cache, so that a lockout holds across
app servers and restarts, and an administrator can see and lift it."""

from django.db import models


class LoginLock(models.Model):
    # The name as typed: an unknown name is counted like a real one, so a lockout never tells an attacker
    # which accounts exist.
    username = models.CharField("用户名", max_length=150, unique=True)
    failures = models.PositiveIntegerField("连续失败次数", default=0)
    last_failure_at = models.DateTimeField("最近失败时间", null=True, blank=True)
    locked_until = models.DateTimeField("锁定至", null=True, blank=True)
    last_address = models.CharField("最近失败来源地址", max_length=64, blank=True)

    class Meta:
        verbose_name = "登录失败与锁定"
        verbose_name_plural = "登录失败与锁定"
        ordering = ["-last_failure_at"]

    def __str__(self) -> str:
        return self.username


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
