"""The append-only audit trail: a hash chain of entries, plus one head row that serialises appends.

Actor and agency are plain fields, not foreign keys: the log must outlive the users and agencies it names,
and a deletion elsewhere must never cascade into it.
"""

from django.db import models


class ImmutableEntryError(Exception):
    """Raised on any attempt to change or delete an audit entry through the ORM."""

    def __init__(self):
        super().__init__("审计日志只能追加，不能修改或删除")


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableEntryError

    def delete(self):
        raise ImmutableEntryError


class AuditEntry(models.Model):
    sequence = models.PositiveBigIntegerField("序号", unique=True)
    created_at = models.DateTimeField("时间")
    actor_id = models.BigIntegerField("操作人编号", null=True, blank=True)
    actor_name = models.CharField("操作人", max_length=150)
    agency_id = models.BigIntegerField("机关编号", null=True, blank=True, db_index=True)
    action = models.CharField("操作", max_length=100, db_index=True)
    target_model = models.CharField("对象类型", max_length=100, blank=True)
    target_id = models.CharField("对象编号", max_length=64, blank=True)
    target_text = models.CharField("对象", max_length=200, blank=True)
    details = models.JSONField("详情", default=dict, blank=True)
    prev_hash = models.CharField("前一条哈希值", max_length=64, blank=True)
    hash = models.CharField("哈希值", max_length=64)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "审计记录"
        verbose_name_plural = "审计记录"
        ordering = ["sequence"]

    def __str__(self):
        return f"#{self.sequence} {self.action} {self.target_text}".strip()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableEntryError
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableEntryError


class AuditHead(models.Model):
    """The single row that every append locks; it also remembers the end of the chain, so that deleting
    the newest entries or adding entries behind the log's back is detected by verify()."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_sequence = models.PositiveBigIntegerField("最后序号", default=0)
    last_hash = models.CharField("最后哈希值", max_length=64, blank=True)

    class Meta:
        verbose_name = "审计链头"
        verbose_name_plural = "审计链头"

    def __str__(self):
        return f"审计链头（第 {self.last_sequence} 条）"
