"""The published aggregate of an agency's subtree, as the API shows it: gongkai.supervision.aggregate
(published versions only — never a draft), with the agencies and cells of its coverage."""

from django.urls import reverse

from gongkai.api.documents import download_links
from gongkai.api.responses import not_found
from gongkai.supervision.aggregate import Aggregate, aggregate


def published_aggregate(root, year: int) -> Aggregate:
    try:
        total = aggregate(root, year, published_only=True)
    except ValueError as e:  # a year no report format covers
        raise not_found(str(e)) from None
    if not total.with_report:
        raise not_found(f"{root.name}及其下级机关均未发布{year}年度的政府信息公开工作年度报告。")
    # The tables and file names say it is a total, not the root agency's own report.
    total.cells.agency = f"{root.name}及下级机关（汇总）"
    return total


def aggregate_document(root, total: Aggregate, link) -> dict:
    cells = total.to_dict()
    coverage = cells.pop("coverage")
    return {
        "agency": {"code": root.code, "name": root.name},
        "year": total.year,
        "format_version": total.format.version,
        "published_only": True,
        "cells": cells,
        "coverage": {
            "agencies": len(total.agencies),
            "with_report": [a.code for a in total.with_report],
            "without_report": coverage["without_report"],
            "not_counted": [a.code for a in total.not_counted],
            "contributions": coverage["agencies"],
            # address → how many agencies reported the cell and which left it blank
            "cells": coverage["cells"],
        },
        "url": link(reverse("api:aggregate", args=[root.code, total.year])),
        "downloads": download_links(root.code, total.year, link, aggregate=True),
    }
