import datetime
import hashlib
import json
import zipfile

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.cli import main
from gongkai.disclosure import workflow
from gongkai.disclosure.archive import build_archive
from gongkai.disclosure.attachments import add_attachment

PDF_BYTES = b"%PDF-1.7\n%%EOF\n"


def published_in_2025(draft, publish, **fields):
    with time_machine.travel(datetime.datetime(2025, 6, 2, 10, tzinfo=datetime.UTC)):
        return publish(draft(formed_on=datetime.date(2025, 5, 30), **fields))


def test_every_file_in_the_package_matches_its_manifest_checksum(people, draft, publish, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = draft(formed_on=datetime.date(2025, 5, 30), title="带附件的通知", body="<p>正文</p>")
    add_attachment(item, SimpleUploadedFile("附件.pdf", PDF_BYTES), people.registrar)
    with time_machine.travel(datetime.datetime(2025, 6, 2, 10, tzinfo=datetime.UTC)):
        item = publish(item)
    published_in_2025(draft, publish, title="第二条通知")

    path = tmp_path / "archive.zip"
    build_archive(people.agency, 2025, path)

    with zipfile.ZipFile(path) as package:
        manifest = json.loads(package.read("manifest.json"))
        listed = {entry["path"] for entry in manifest["files"]}
        assert listed == set(package.namelist()) - {"manifest.json", "SHA256SUMS"}
        for entry in manifest["files"]:
            assert hashlib.sha256(package.read(entry["path"])).hexdigest() == entry["sha256"]
        sums = package.read("SHA256SUMS").decode()
        records = json.loads(package.read("items.json"))
        csv_text = package.read("items.csv").decode("utf-8-sig")
        stem = item.index_number.replace("/", "_")
        assert package.read(f"attachments/{stem}/01-附件.pdf") == PDF_BYTES
        assert "<p>正文</p>" in package.read(f"bodies/{stem}.html").decode()

    assert manifest["items"] == 2
    assert [r["title"] for r in records] == ["带附件的通知", "第二条通知"]
    assert item.index_number in csv_text and "索引号" in csv_text
    assert all(f"{e['sha256']}  {e['path']}" in sums for e in manifest["files"])


def test_drafts_withdrawn_items_and_other_years_stay_out(people, draft, publish, tmp_path):
    published_in_2025(draft, publish, title="留在包里")
    withdrawn = published_in_2025(draft, publish, title="已撤回")
    workflow.withdraw(withdrawn, people.leader, "内容有误。")
    draft(title="仍是草稿")

    path = tmp_path / "archive.zip"
    build_archive(people.agency, 2025, path)
    with zipfile.ZipFile(path) as package:
        titles = [r["title"] for r in json.loads(package.read("items.json"))]
    assert titles == ["留在包里"]

    build_archive(people.agency, 2024, path)
    with zipfile.ZipFile(path) as package:
        assert json.loads(package.read("items.json")) == []


def test_the_command_writes_the_package(people, draft, publish, tmp_path, capsys):
    published_in_2025(draft, publish)
    out = tmp_path / "yq-2025.zip"
    code = main(["disclosure", "archive", "--agency", people.agency.code, "--year", "2025", "-o", str(out)])
    assert code == 0 and "1 条信息" in capsys.readouterr().out
    assert zipfile.ZipFile(out).testzip() is None


def test_the_command_names_an_unknown_agency(db, tmp_path, capsys):
    code = main(
        ["disclosure", "archive", "--agency", "nosuch", "--year", "2025", "-o", str(tmp_path / "x.zip")]
    )
    assert code == 1 and "找不到" in capsys.readouterr().err


def test_the_download_button_is_for_leaders_and_administrators(people, draft, publish, client):
    published_in_2025(draft, publish)
    url = reverse("disclosure:archive")
    client.force_login(people.registrar)
    assert client.get(url).status_code == 403
    client.force_login(people.leader)
    response = client.get(url, {"download": "1", "agency": people.agency.code, "year": "2025"})
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
