"""Appending to and verifying the audit hash chain.

Each entry's hash is SHA-256 over a canonical JSON of its fields and the previous entry's hash, so changing,
inserting or removing an entry breaks the chain from that point. Appends lock the head row
(`select_for_update`) inside a transaction, so that two writers never take the same sequence number or
previous hash; on SQLite the IMMEDIATE transaction mode of the settings already makes writers queue.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from .models import AuditEntry, AuditHead

SYSTEM_ACTOR = "系统"


def record(action: str, *, actor=None, agency=None, target=None, details=None) -> AuditEntry:
    """Append one entry and return it.

    actor: a User, or None for the system. agency: an object with `.pk`, an int, or None.
    target: a model instance or None. details: anything JSON-serialisable with Django's encoder (dates,
    decimals and UUIDs become strings before hashing, so the stored value hashes the same when read back).
    """
    fields = {
        "action": action,
        "actor_id": getattr(actor, "pk", None),
        "actor_name": _actor_name(actor),
        "agency_id": agency if agency is None or isinstance(agency, int) else agency.pk,
        "target_model": target._meta.label_lower if target is not None else "",
        "target_id": str(target.pk) if target is not None and target.pk is not None else "",
        "target_text": str(target)[:200] if target is not None else "",
        "details": json.loads(json.dumps(details or {}, cls=DjangoJSONEncoder)),
    }
    with transaction.atomic():
        head = _locked_head()
        entry = AuditEntry(
            sequence=head.last_sequence + 1,
            created_at=timezone.now(),
            prev_hash=head.last_hash,
            **fields,
        )
        entry.hash = entry_hash(entry)
        entry.save()
        head.last_sequence = entry.sequence
        head.last_hash = entry.hash
        head.save(update_fields=["last_sequence", "last_hash"])
    return entry


def entry_hash(entry: AuditEntry, *, sequence: int | None = None) -> str:
    """SHA-256 (hex) of the entry's canonical serialisation; `sequence` overrides the stored number."""
    content = {
        "sequence": entry.sequence if sequence is None else sequence,
        "created_at": entry.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": entry.actor_id,
        "actor_name": entry.actor_name,
        "agency_id": entry.agency_id,
        "action": entry.action,
        "target_model": entry.target_model,
        "target_id": entry.target_id,
        "target_text": entry.target_text,
        "details": entry.details,
        "prev_hash": entry.prev_hash,
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Problem:
    sequence: int
    kind: str  # "modified", "inserted" or "deleted"
    message: str


@dataclass(frozen=True)
class Verification:
    count: int
    problem: Problem | None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def message(self) -> str:
        return f"审计链完整（{self.count} 条）" if self.ok else self.problem.message


def verify() -> Verification:
    """Walk the chain from the first entry and report the first problem found."""
    head = AuditHead.objects.filter(pk=1).first()
    expected, prev_hash, count = 1, "", 0
    for entry in AuditEntry.objects.order_by("sequence").iterator(chunk_size=2000):
        problem = _check(entry, expected, prev_hash, head)
        if problem:
            return Verification(count, problem)
        expected, prev_hash, count = entry.sequence + 1, entry.hash, count + 1
    last = expected - 1
    if head is not None and head.last_sequence > last:
        missing = _range(last + 1, head.last_sequence)
        return Verification(count, Problem(last + 1, "deleted", f"审计链末尾的{missing}审计记录被删除"))
    if head is None and count:
        return Verification(count, Problem(1, "deleted", "审计链头记录被删除，无法确认链尾是否完整"))
    if head is not None and head.last_hash != prev_hash:
        return Verification(count, Problem(last, "modified", f"第 {last} 条审计记录与链头记录不符（被替换）"))
    return Verification(count, None)


def _check(entry: AuditEntry, expected: int, prev_hash: str, head: AuditHead | None) -> Problem | None:
    n = entry.sequence
    if n > expected:
        return Problem(expected, "deleted", f"{_range(expected, n - 1)}审计记录缺失（被删除）")
    if head is not None and n > head.last_sequence:
        return Problem(n, "inserted", f"第 {n} 条审计记录不是经审计日志写入的（插入的记录）")
    if entry_hash(entry) != entry.hash:
        # An entry renumbered to make room for an inserted one (or to close a gap) still hashes under its
        # original number; telling the reader that is more useful than "modified".
        if n > 1 and entry_hash(entry, sequence=n - 1) == entry.hash:
            return Problem(n - 1, "inserted", f"第 {n - 1} 条审计记录是插入的记录（其后各条的序号被改动）")
        if entry_hash(entry, sequence=n + 1) == entry.hash:
            return Problem(n, "deleted", f"第 {n} 条之前有审计记录被删除（其后各条的序号被改动）")
        return Problem(n, "modified", f"第 {n} 条审计记录的内容被修改（哈希值不符）")
    if entry.prev_hash != prev_hash:
        if n == 1:
            return Problem(1, "inserted", "第 1 条审计记录不是原记录（被替换或插入）")
        return Problem(
            n - 1, "inserted", f"第 {n - 1} 条审计记录不是原记录（被替换或插入），第 {n} 条与之不衔接"
        )
    return None


def _range(first: int, last: int) -> str:
    return f"第 {first} 条" if first == last else f"第 {first}–{last} 条"


def _locked_head() -> AuditHead:
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        # First append ever (or after a test flush): start the head at the end of any existing entries.
        # ignore_conflicts lets a concurrent first append win the race without an error; we then lock it.
        last = AuditEntry.objects.order_by("-sequence").first()
        AuditHead.objects.bulk_create(
            [
                AuditHead(
                    pk=1, last_sequence=last.sequence if last else 0, last_hash=last.hash if last else ""
                )
            ],
            ignore_conflicts=True,
        )
        head = AuditHead.objects.select_for_update().get(pk=1)
    return head


def _actor_name(actor) -> str:
    if actor is None:
        return SYSTEM_ACTOR
    if hasattr(actor, "get_username"):
        return (actor.get_full_name() or actor.get_username())[:150]
    return str(actor)[:150]
