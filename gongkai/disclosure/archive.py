"""The yearly archive package (《条例》第二十五条): everything an agency published in a year, for transfer
to the archives and public libraries.

One ZIP: items.json and items.csv (metadata), bodies/<索引号>.html, attachments/<索引号>/…, and
manifest.json plus SHA256SUMS with the checksum of every other file, so the receiver can verify it.
"""

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass

from django.utils import timezone
from django.utils.html import escape

from gongkai.disclosure.models import DisclosureAttribute, Item, ItemStatus
from gongkai.spreadsheets import csv_writer

FIELDS = [
    ("index_number", "索引号"),
    ("title", "标题"),
    ("document_number", "文号"),
    ("formed_on", "成文日期"),
    ("published_at", "发布日期"),
    ("publisher", "发布机构"),
    ("category", "目录类目"),
    ("topic", "主题分类"),
    ("genre", "体裁"),
    ("kind", "文件类型"),
    ("validity", "有效性"),
    ("valid_from", "生效日期"),
    ("invalid_from", "失效/废止日期"),
    ("keywords", "关键词"),
    ("summary", "内容概述"),
    ("interprets", "解读的政策文件索引号"),
    ("body_file", "正文文件"),
    ("attachments", "附件"),
]


@dataclass
class ArchiveSummary:
    items: int
    files: int


def archived_items(agency, year: int):
    """What the package holds: the agency's 主动公开 items published in `year` and still published."""
    return (
        Item.objects.filter(
            agency=agency,
            index_year=year,
            status=ItemStatus.PUBLISHED,
            attribute=DisclosureAttribute.PROACTIVE,
        )
        .select_related("category", "interprets")
        .prefetch_related("attachments")
        .order_by("index_seq")
    )


def safe_name(index_number: str) -> str:
    # 索引号 contains "/", which a ZIP reads as a folder.
    return index_number.replace("/", "_")


def _date(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def _body_html(item: Item) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(item.title)}</title></head><body>\n"
        f"<h1>{escape(item.title)}</h1>\n<p>索引号：{escape(item.index_number)}　"
        f"文号：{escape(item.document_number or '无')}　发布机构：{escape(item.publisher)}</p>\n"
        f"{item.body}\n</body></html>\n"
    )


def build_archive(agency, year: int, out) -> ArchiveSummary:
    """Write the package of `agency` for `year` to `out` (a path or a binary file object)."""
    files: list[tuple[str, bytes]] = []
    records = []
    for item in archived_items(agency, year):
        stem = safe_name(item.index_number)
        body_path = f"bodies/{stem}.html"
        files.append((body_path, _body_html(item).encode("utf-8")))
        attachment_paths = []
        for n, attachment in enumerate(item.attachments.all(), start=1):
            path = f"attachments/{stem}/{n:02d}-{attachment.original_name}"
            with attachment.file.open("rb") as fh:
                files.append((path, fh.read()))
            attachment_paths.append(path)
        records.append(
            {
                "index_number": item.index_number,
                "title": item.title,
                "document_number": item.document_number,
                "formed_on": _date(item.formed_on),
                "published_at": _date(item.published_at),
                "publisher": item.publisher,
                "category": item.category.name if item.category else "",
                "topic": item.topic,
                "genre": item.genre,
                "kind": item.get_kind_display(),
                "validity": item.get_validity_display(),
                "valid_from": _date(item.valid_from),
                "invalid_from": _date(item.invalid_from),
                "keywords": item.keywords,
                "summary": item.summary,
                "interprets": item.interprets.index_number if item.interprets else "",
                "body_file": body_path,
                "attachments": attachment_paths,
            }
        )

    files.append(("items.json", json.dumps(records, ensure_ascii=False, indent=2).encode("utf-8")))
    text = io.StringIO()
    writer = csv_writer(text)
    writer.writerow([label for _, label in FIELDS])
    for record in records:
        writer.writerow(
            ["；".join(record[key]) if key == "attachments" else record[key] for key, _ in FIELDS]
        )
    # The BOM lets spreadsheet programs on Chinese Windows read the CSV as UTF-8.
    files.append(("items.csv", ("\ufeff" + text.getvalue()).encode("utf-8")))

    checksums = [
        {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)} for path, data in files
    ]
    manifest = {
        "agency": agency.name,
        "agency_code": agency.code,
        "uscc": agency.uscc,
        "year": year,
        "items": len(records),
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "files": checksums,
    }
    files.append(("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")))
    files.append(("SHA256SUMS", "".join(f"{c['sha256']}  {c['path']}\n" for c in checksums).encode("utf-8")))

    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for path, data in files:
            package.writestr(path, data)
    return ArchiveSummary(items=len(records), files=len(files))
