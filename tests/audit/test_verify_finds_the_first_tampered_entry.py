import pytest

from gongkai import audit
from gongkai.audit.chain import entry_hash
from gongkai.audit.models import AuditEntry


@pytest.mark.django_db
def test_an_intact_chain_verifies(chain, cli):
    assert audit.verify().ok
    assert cli("audit", "verify") == (0, "审计链完整（5 条）\n")


@pytest.mark.django_db
def test_an_empty_log_verifies(cli):
    assert cli("audit", "verify") == (0, "审计链完整（0 条）\n")


@pytest.mark.django_db
def test_content_changed_in_the_database_is_found(chain, raw_sql, cli):
    raw_sql("UPDATE audit_auditentry SET details = %s WHERE sequence = 3", ['{"step": 99}'])
    result = audit.verify()
    assert (result.problem.sequence, result.problem.kind) == (3, "modified")
    assert result.count == 2
    assert cli("audit", "verify") == (1, "第 3 条审计记录的内容被修改（哈希值不符）\n")


@pytest.mark.django_db
def test_the_first_of_several_changes_is_reported(chain, raw_sql):
    raw_sql("UPDATE audit_auditentry SET action = 'x' WHERE sequence IN (2, 4)")
    assert audit.verify().problem.sequence == 2


@pytest.mark.django_db
def test_a_deleted_entry_is_found(chain, raw_sql):
    raw_sql("DELETE FROM audit_auditentry WHERE sequence = 2")
    problem = audit.verify().problem
    assert (problem.sequence, problem.kind, problem.message) == (
        2,
        "deleted",
        "第 2 条审计记录缺失（被删除）",
    )


@pytest.mark.django_db
def test_deleting_the_newest_entries_is_found(chain, raw_sql):
    raw_sql("DELETE FROM audit_auditentry WHERE sequence >= 4")
    problem = audit.verify().problem
    assert (problem.sequence, problem.kind) == (4, "deleted")
    assert "第 4–5 条" in problem.message


@pytest.mark.django_db
def test_a_deleted_entry_with_the_later_ones_renumbered_is_found(chain, raw_sql):
    raw_sql("DELETE FROM audit_auditentry WHERE sequence = 3")
    raw_sql("UPDATE audit_auditentry SET sequence = sequence - 1 WHERE sequence = 4")
    raw_sql("UPDATE audit_auditentry SET sequence = sequence - 1 WHERE sequence = 5")
    problem = audit.verify().problem
    assert (problem.sequence, problem.kind) == (3, "deleted")


@pytest.mark.django_db
def test_an_entry_added_behind_the_logs_back_is_found_even_with_a_correct_hash(chain):
    forged = AuditEntry(
        sequence=6,
        created_at=chain[-1].created_at,
        actor_name="系统",
        action="forged",
        details={},
        prev_hash=chain[-1].hash,
    )
    forged.hash = entry_hash(forged)
    AuditEntry.objects.bulk_create([forged])
    problem = audit.verify().problem
    assert (problem.sequence, problem.kind) == (6, "inserted")


@pytest.mark.django_db
def test_an_entry_inserted_in_the_middle_is_found(chain, raw_sql):
    # Make room at 3 by renumbering 3–5 to 4–6 (highest first, to keep the numbers unique), then insert a
    # well-formed entry linked to entry 2.
    for n in (5, 4, 3):
        raw_sql("UPDATE audit_auditentry SET sequence = %s WHERE sequence = %s", [n + 1, n])
    raw_sql("UPDATE audit_audithead SET last_sequence = 6")
    forged = AuditEntry(
        sequence=3,
        created_at=chain[1].created_at,
        actor_name="系统",
        action="forged",
        prev_hash=chain[1].hash,
    )
    forged.hash = entry_hash(forged)
    AuditEntry.objects.bulk_create([forged])
    problem = audit.verify().problem
    assert (problem.sequence, problem.kind) == (3, "inserted")
