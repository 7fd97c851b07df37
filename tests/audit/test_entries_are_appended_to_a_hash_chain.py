import pytest
from django.contrib.auth import get_user_model

from gongkai import audit
from gongkai.audit.chain import entry_hash
from gongkai.audit.models import AuditEntry, ImmutableEntryError


@pytest.mark.django_db
def test_each_entry_links_to_the_previous_one(chain):
    assert [e.sequence for e in chain] == [1, 2, 3, 4, 5]
    assert chain[0].prev_hash == ""
    for before, after in zip(chain, chain[1:], strict=False):
        assert after.prev_hash == before.hash


@pytest.mark.django_db
def test_the_stored_entry_hashes_the_same_when_read_back():
    audit.record(
        "test.types",
        details={"when": "2026-01-30", "amount": 1.5, "名称": "测试", "nested": {"b": 1, "a": [1, 2]}},
    )
    stored = AuditEntry.objects.get()
    assert entry_hash(stored) == stored.hash


@pytest.mark.django_db
def test_the_actor_is_kept_as_id_and_name_snapshot_that_outlive_the_user():
    user = get_user_model().objects.create_user("zhang", first_name="三", last_name="张")
    audit.record("test.actor", actor=user, target=user)
    user_id = user.pk
    user.delete()
    entry = AuditEntry.objects.get()
    assert (entry.actor_id, entry.actor_name, entry.target_model, entry.target_id) == (
        user_id,
        entry.actor_name,
        "auth.user",
        str(user_id),
    )
    assert entry.actor_name  # a snapshot, whatever the name format
    assert audit.verify().ok


@pytest.mark.django_db
def test_the_system_is_the_actor_when_none_is_given():
    assert audit.record("test.system").actor_name == "系统"


@pytest.mark.django_db
def test_an_agency_may_be_given_as_object_or_id():
    class Agency:
        pk = 42

    assert audit.record("a", agency=Agency()).agency_id == 42
    assert audit.record("b", agency=43).agency_id == 43


@pytest.mark.django_db
def test_entries_cannot_be_changed_or_deleted_through_the_orm(chain):
    entry = AuditEntry.objects.get(sequence=2)
    entry.action = "forged"
    with pytest.raises(ImmutableEntryError):
        entry.save()
    with pytest.raises(ImmutableEntryError):
        entry.delete()
    with pytest.raises(ImmutableEntryError):
        AuditEntry.objects.filter(sequence=2).update(action="forged")
    with pytest.raises(ImmutableEntryError):
        AuditEntry.objects.all().delete()
    assert audit.verify().ok
