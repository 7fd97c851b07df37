"""`gongkai backup` then `gongkai restore` gives back every row of every table and every uploaded file,
after the data was changed in between; the audit chain verifies afterwards. On both databases."""

import stat

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from gongkai.applications.models import Application, IdentityDocument
from gongkai.applications.services import add_identity_document
from gongkai.audit.models import AuditEntry
from gongkai.backups import BackupError, read_manifest, restore
from gongkai.cli import main
from gongkai.disclosure.models import Item
from tests.applications.conftest import PNG
from tests.factories import make_application, make_item, make_personas

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def file_roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    return settings


def snapshot() -> dict[str, list]:
    """Every row of every table, as sorted text, so tables without a key compare too."""
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            tables[table] = sorted(repr(tuple(row)) for row in cursor.fetchall())
    return tables


def files(settings) -> dict[str, bytes]:
    out = {}
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_FILES_ROOT):
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            out[str(path.relative_to(root.parent))] = path.read_bytes()
    return out


def test_a_round_trip_gives_back_every_row_and_file(tmp_path, file_roots, capsys):
    people = make_personas()
    application, _ = make_application(people.agency)
    add_identity_document(application, SimpleUploadedFile("id.png", PNG), actor=people.registrar)
    make_item(people.agency, title="关于退役军人优待证的通知")
    before, before_files = snapshot(), files(file_roots)
    assert sum(len(rows) for rows in before.values()) > 50 and before_files

    archive = tmp_path / "backup.tar.gz"
    assert main(["backup", str(archive)]) == 0
    assert read_manifest(archive)["tables"]["applications_application"] == 1
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600  # the backup is the operator's alone

    # Change things after the backup: a new case, a deleted item, a new file, a removed file.
    make_application(people.agency, applicant_name="李四")
    Item.objects.all().delete()
    (file_roots.MEDIA_ROOT / "stray.txt").parent.mkdir(parents=True, exist_ok=True)
    (file_roots.MEDIA_ROOT / "stray.txt").write_text("x")
    for path in file_roots.PRIVATE_FILES_ROOT.rglob("*.png"):
        path.unlink()
    assert snapshot() != before

    assert main(["restore", str(archive), "--yes"]) == 0
    assert "审计链完整" in capsys.readouterr().out

    assert snapshot() == before
    assert files(file_roots) == before_files
    assert Application.objects.get().applicant_name == "张三"  # the encrypted columns read back
    document = IdentityDocument.objects.get()
    with document.file.open("rb") as restored:  # the encrypted file reads back too
        assert restored.read() == PNG
    assert stat.S_IMODE((file_roots.PRIVATE_FILES_ROOT / document.file.name).stat().st_mode) == 0o600
    assert AuditEntry.objects.exists()


def test_a_damaged_or_foreign_file_is_refused_and_nothing_changes(tmp_path, capsys):
    make_personas()
    before = snapshot()
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a backup")
    assert main(["restore", str(junk), "--yes"]) == 2
    assert "不是 gongkai 备份文件" in capsys.readouterr().err
    with pytest.raises(BackupError):
        restore(junk)
    assert snapshot() == before


def test_restore_without_a_terminal_asks_for_yes(tmp_path, monkeypatch, capsys):
    import io

    make_personas()
    archive = tmp_path / "b.tar.gz"
    assert main(["backup", str(archive)]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["restore", str(archive)]) == 2
    assert "须确认" in capsys.readouterr().err
