"""The JSON documents the API answers with, built from model rows. Each lists its fields explicitly: a new
model field (such as an applicant's or drafter's name) never leaks out by being added to a model."""

import html
import re

import nh3
from django.urls import reverse

from gongkai.disclosure.sanitize import sanitise_body
from gongkai.formats.declaration import SECTION_NUMBERS
from gongkai.portal.attachments import public_attachments, public_body
from gongkai.portal.catalogue import item_url


def agency_summary(agency, children: list[str], link) -> dict:
    return {
        "code": agency.code,
        "name": agency.name,
        "parent": agency.parent.code if agency.parent_id else None,
        "level": agency.level,
        "level_label": agency.get_level_display(),
        "kind": agency.kind,
        "kind_label": agency.get_kind_display(),
        "children": children,
        "url": link(reverse("api:agency", args=[agency.code])),
    }


def agency_detail(agency, children: list[str], link) -> dict:
    out = agency_summary(agency, children, link)
    out["uscc"] = agency.uscc
    # The contact block the portal shows on the agency page (an office, not a person).
    out["contact"] = {
        "disclosure_office": agency.disclosure_office,
        "address": agency.address,
        "postcode": agency.postcode,
        "office_hours": agency.office_hours,
        "telephone": agency.telephone,
        "fax": agency.fax,
        "email": agency.email,
        "website": agency.website,
    }
    out["links"] = {
        "portal": link(reverse("portal:agency", args=[agency.code])),
        "items": link(reverse("api:items", args=[agency.code])),
        "reports": link(reverse("api:reports", args=[agency.code])),
    }
    return out


def item_summary(item, link) -> dict:
    return {
        "index_number": item.index_number,
        "title": item.title,
        "agency": item.agency.code,
        "category": {"code": item.category.code, "name": item.category.name} if item.category_id else None,
        "document_number": item.document_number,
        "formed_on": item.formed_on,
        "published_at": item.published_at,
        "updated_at": item.updated_at,
        "publisher": item.publisher,
        "kind": item.kind,
        "kind_label": item.get_kind_display(),
        "validity": item.validity,
        "validity_label": item.get_validity_display(),
        "url": link(reverse("api:item", args=[item.index_number])),
        "portal_url": link(item_url(item)),
    }


BLOCK_END = re.compile(r"</(p|div|h[1-6]|li|tr|table|blockquote)>|<br\s*/?>", re.IGNORECASE)


def body_text(body: str) -> str:
    """The body as plain text: block ends become line breaks, every tag goes, entities are decoded."""
    marked = BLOCK_END.sub("\n", sanitise_body(body))
    text = html.unescape(nh3.clean(marked, tags=set()))
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def item_detail(item, link) -> dict:
    out = item_summary(item, link)
    interprets = item.interprets if item.interprets_id and item.interprets.is_public else None
    attachments = public_attachments(item, item.agency.code)
    out.update(
        {
            "topic": item.topic,
            "genre": item.genre,
            "keywords": item.keywords,
            "summary": item.summary,
            "valid_from": item.valid_from,
            "invalid_from": item.invalid_from,
            "interprets": interprets.index_number if interprets else None,
            "attachments": [
                {
                    "name": a.name,
                    "url": link(a.url),
                    "content_type": a.content_type,
                    "type_label": a.type_label,
                    "size": a.size,
                    "sha256": a.sha256,
                }
                for a in attachments
            ],
            "body_html": public_body(sanitise_body(item.body), item, item.agency.code, attachments),
            "body_text": body_text(item.body),
        }
    )
    return out


def version_summary(version) -> dict:
    return {
        "number": version.number,
        "origin": version.origin,
        "origin_label": version.get_origin_display(),
        "published_at": version.published_at,
        "reason": version.reason,
    }


def download_links(code: str, year: int, link, *, aggregate: bool = False) -> dict:
    csv_name, xlsx_name = (
        ("api:aggregate_csv", "api:aggregate_xlsx") if aggregate else ("api:report_csv", "api:report_xlsx")
    )
    csv_url = link(reverse(csv_name, args=[code, year]))
    return {
        "csv": {n: f"{csv_url}?table={n}" for n in ("2", "3", "4")},
        "xlsx": link(reverse(xlsx_name, args=[code, year])),
    }


def report_summary(year: int, versions: list, code: str, link) -> dict:
    latest = versions[0]
    return {
        "year": year,
        "format_version": latest.format_version,
        "latest_version": latest.number,
        "published_at": latest.published_at,
        "first_published_at": versions[-1].published_at,
        "versions": [version_summary(v) for v in versions],
        "url": link(reverse("api:report", args=[code, year])),
        "portal_url": link(reverse("public_reports:page", args=[code, year])),
    }


def report_detail(version, cells, link) -> dict:
    report = version.report
    code = report.agency.code
    return {
        "agency": {"code": code, "name": report.agency.name},
        "year": report.year,
        "format_version": version.format_version,
        "version": version.number,
        "origin": version.origin,
        "origin_label": version.get_origin_display(),
        "published_at": version.published_at,
        "reason": version.reason,
        "versions": [v.number for v in report.versions.order_by("-number")],
        # The shape of docs/report-format.md, with its stable keys; null is a cell left blank in the published report.
        "cells": cells.to_dict(sections={}),
        "sections": {n: version.sections[n] for n in SECTION_NUMBERS if n in version.sections},
        "files": [
            {
                "kind": f.kind,
                "label": f.get_kind_display(),
                "size": f.size,
                "sha256": f.sha256,
                "url": link(reverse("public_reports:file", args=[code, report.year, version.number, f.kind])),
            }
            for f in version.files.all()
            if f.kind != "html"
        ],
        "downloads": download_links(code, report.year, link),
    }
