"""On object storage, `gongkai backup` takes every object under media/ and private/ into the archive as stored
(an identity document stays encrypted), and `gongkai restore` makes the bucket hold exactly those again:
a deleted object comes back, one added since goes, and nothing else in the bucket is touched. A backup
taken on disk restores into a bucket — how an installation moves its files there. On both databases."""

import tarfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications.file_storage import MAGIC
from gongkai.applications.models import IdentityDocument
from gongkai.applications.services import add_identity_document
from gongkai.backups import read_manifest
from gongkai.cli import main
from gongkai.disclosure.attachments import add_attachment
from gongkai.storage import file_storages
from tests.applications.conftest import PNG
from tests.factories import make_application, make_item, make_personas

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def some_files(people):
    application, _ = make_application(people.agency)
    document = add_identity_document(application, SimpleUploadedFile("id.png", PNG), actor=people.registrar)
    item = make_item(people.agency, status="draft", drafter=people.registrar)
    attachment = add_attachment(item, SimpleUploadedFile("通知.pdf", PDF), people.registrar)
    return f"private/{document.file.name}", f"media/{attachment.file.name}"


def test_a_round_trip_gives_back_exactly_the_objects_of_the_backup(object_storage, tmp_path, capsys):
    people = make_personas()
    identity, attachment = some_files(people)
    object_storage.put("elsewhere/kept.txt", b"not gongkai's")  # the operator's own object in the bucket
    before = {
        key: object_storage.read(key)
        for key in object_storage.object_keys()
        if not key.startswith("elsewhere/")
    }

    archive = tmp_path / "backup.tar.gz"
    assert main(["backup", str(archive)]) == 0
    assert "取自对象存储桶" in capsys.readouterr().out
    manifest = read_manifest(archive)
    assert manifest["files"] == 2 and manifest["file_storage"] == "s3"
    with tarfile.open(archive) as opened:
        kept = opened.extractfile(f"files/{identity}").read()
    assert kept.startswith(MAGIC) and PNG not in kept  # the archive holds it encrypted, as the bucket does

    object_storage.delete(identity)
    object_storage.put("media/items/stray.pdf", PDF)
    assert main(["restore", str(archive), "--yes"]) == 0

    after = {
        key: object_storage.read(key)
        for key in object_storage.object_keys()
        if not key.startswith("elsewhere/")
    }
    assert after == before
    assert object_storage.read("elsewhere/kept.txt") == b"not gongkai's"
    with IdentityDocument.objects.get().file.open("rb") as restored:
        assert restored.read() == PNG


def test_a_backup_taken_on_disk_restores_into_the_bucket(settings, tmp_path, s3_server, request, capsys):
    settings.MEDIA_ROOT, settings.PRIVATE_FILES_ROOT = tmp_path / "media", tmp_path / "private"
    people = make_personas()
    identity, attachment = some_files(people)
    on_disk = {key: (tmp_path / key).read_bytes() for key in (identity, attachment)}
    archive = tmp_path / "from-disk.tar.gz"
    assert main(["backup", str(archive)]) == 0
    assert read_manifest(archive)["file_storage"] == "disk"

    bucket = request.getfixturevalue("object_storage")  # the same installation, now configured for a bucket
    settings.MEDIA_ROOT, settings.PRIVATE_FILES_ROOT = tmp_path / "media", tmp_path / "private"
    assert main(["restore", str(archive), "--yes"]) == 0
    assert "文件将恢复到对象存储桶" in capsys.readouterr().out
    assert {key: bucket.read(key) for key in bucket.object_keys()} == on_disk
    with IdentityDocument.objects.get().file.open("rb") as restored:
        assert restored.read() == PNG


def test_an_unreachable_bucket_stops_the_restore_before_anything_is_replaced(
    object_storage, settings, tmp_path, capsys
):
    people = make_personas()
    some_files(people)
    archive = tmp_path / "backup.tar.gz"
    assert main(["backup", str(archive)]) == 0
    make_item(people.agency, title="备份之后发布的信息")
    settings.STORAGES = file_storages(
        {**settings.STORAGES["private"]["OPTIONS"], "bucket_name": "no-such-bucket", "location": None}
    )
    assert main(["restore", str(archive), "--yes"]) == 2
    assert "无法访问对象存储，未恢复" in capsys.readouterr().err
    from gongkai.disclosure.models import Item

    assert Item.objects.filter(title="备份之后发布的信息").exists()
