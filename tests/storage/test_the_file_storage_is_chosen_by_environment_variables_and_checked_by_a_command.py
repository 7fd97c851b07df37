"""One setting decides where every file goes: without GONGKAI_S3_BUCKET the data folder, with it the bucket
(GONGKAI_S3_ENDPOINT_URL, GONGKAI_S3_REGION, GONGKAI_S3_ADDRESSING_STYLE, AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY) for both storages; a malformed value stops the start in Chinese. `gongkai files
check` tells the operator where files go and whether writing there works, leaving nothing behind."""

import json
import os
import subprocess
import sys

import pytest

from gongkai.cli import main
from gongkai.storage import file_storages

SHOW = (
    "import json, gongkai.settings as s; "
    "print(json.dumps({k: v for k, v in s.STORAGES.items() if k != 'staticfiles'}))"
)


def storages_for(**env) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GONGKAI_S3_", "AWS_"))}
    result = subprocess.run(
        [sys.executable, "-c", SHOW], env={**clean, **env}, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_without_a_bucket_files_stay_in_the_data_folder():
    configured = storages_for()
    assert configured["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert configured["private"]["BACKEND"] == "gongkai.storage.PrivateFolder"


def test_a_bucket_takes_both_storages_with_the_operators_endpoint_and_keys():
    configured = storages_for(
        GONGKAI_S3_BUCKET="gongkai-files",
        GONGKAI_S3_ENDPOINT_URL="https://oss-cn-hangzhou.aliyuncs.com",
        GONGKAI_S3_REGION="cn-hangzhou",
        GONGKAI_S3_ADDRESSING_STYLE="virtual",
        AWS_ACCESS_KEY_ID="key-id",
        AWS_SECRET_ACCESS_KEY="key-secret",
    )
    public, private = configured["default"], configured["private"]
    assert public["BACKEND"] == "gongkai.storage.s3.PublicObjects"
    assert private["BACKEND"] == "gongkai.storage.s3.PrivateObjects"
    assert (public["OPTIONS"]["location"], private["OPTIONS"]["location"]) == ("media", "private")
    for options in (public["OPTIONS"], private["OPTIONS"]):
        assert options["bucket_name"] == "gongkai-files"
        assert options["endpoint_url"] == "https://oss-cn-hangzhou.aliyuncs.com"
        assert (options["region_name"], options["addressing_style"]) == ("cn-hangzhou", "virtual")
        assert (options["access_key"], options["secret_key"]) == ("key-id", "key-secret")
        assert options["default_acl"] is None and options["file_overwrite"] is False


def test_a_malformed_addressing_style_is_refused_in_chinese():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(
        ImproperlyConfigured, match="GONGKAI_S3_ADDRESSING_STYLE 只能是 path、virtual 或 auto"
    ):
        file_storages({"bucket_name": "b", "addressing_style": "sideways"})


def test_the_check_command_writes_reads_and_deletes_in_both_places_of_the_bucket(object_storage, capsys):
    assert main(["files", "check"]) == 0
    out = capsys.readouterr().out
    assert f"对象存储桶 {object_storage.name}" in out
    assert (
        "公开文件（附件）：写入、读回、删除均正常" in out
        and "非公开文件（身份证明材料等）：写入、读回、删除均正常" in out
    )
    assert object_storage.object_keys() == []


def test_the_check_command_names_what_the_store_answered_when_the_bucket_is_missing(
    object_storage, settings, s3_server, capsys
):
    settings.STORAGES = file_storages(
        {
            "bucket_name": "never-made",
            "endpoint_url": s3_server,
            "region_name": "us-east-1",
            "access_key": "k",
            "secret_key": "s",
        }
    )
    assert main(["files", "check"]) == 2
    assert "对象存储拒绝了请求（NoSuchBucket" in capsys.readouterr().err
