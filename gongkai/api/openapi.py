"""The OpenAPI 3.1 document of /api/, built from gongkai.api.endpoints (paths, parameters, responses) and
from the report format declarations (the cells' keys), so it describes exactly what the views serve."""

from gongkai.api.endpoints import ENDPOINTS, JSON, Endpoint
from gongkai.formats.declaration import Kind, ReportFormat
from gongkai.formats.registry import all_formats

STATUS_TEXT = {400: "参数有误", 404: "没有该机关、年度或数据", 429: "请求过于频繁（见 Retry-After）"}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _string(description: str = "", **extra) -> dict:
    return {"type": "string", **({"description": description} if description else {}), **extra}


def _nullable(schema: dict) -> dict:
    return {**schema, "type": [schema["type"], "null"]}


def _object(properties: dict, description: str = "") -> dict:
    out = {"type": "object", "properties": properties, "required": list(properties)}
    if description:
        out["description"] = description
    return out


def _cell_schema(kind: Kind, label: str) -> dict:
    base = {"type": ["number", "null"]} if kind is Kind.AMOUNT else {"type": ["integer", "null"]}
    if kind is Kind.COUNT:
        base["minimum"] = 0
    return {**base, "description": label}


def cells_schema(fmt: ReportFormat) -> dict:
    """The shape of docs/report-format.md for one format version, walked from its declaration."""
    s2 = {
        block.key: _object(
            {
                row.key: _object({c.key: _cell_schema(c.kind, c.label) for c in block.columns}, row.label)
                for row in block.rows
            },
            block.caption,
        )
        for block in fmt.section2.blocks
    }
    s3_columns = {c.key: _cell_schema(c.kind, c.label) for c in fmt.section3.columns}
    s3 = {row.key: _object(s3_columns, row.label) for row in fmt.section3.rows}
    s4 = {
        block.key: _object(
            {c.key: _cell_schema(c.kind, c.label) for c in fmt.section4.columns},
            block.heading,
        )
        for block in fmt.section4.blocks
    }
    schema = _object(
        {
            "format_version": {"const": fmt.version},
            "agency": _string("机关名称"),
            "year": {"type": "integer"},
            "section2": _object(s2, fmt.numbered_title("二")),
            "section3": _object(s3, fmt.numbered_title("三")),
            "section4": _object(s4, fmt.numbered_title("四")),
        },
        f"{fmt.notice}格式的单元格",
    )
    schema["properties"]["cell_text"] = {
        "type": "object",
        "additionalProperties": {"type": "string"},
        "description": "导入的报告中不是数字的单元格原文（如“/”），键为单元格地址",
    }
    return schema


def _schemas() -> dict:
    formats = all_formats()
    cells = {f"ReportCells{f.version}": cells_schema(f) for f in formats}
    any_cells = {"oneOf": [_ref(name) for name in cells]}
    agency_summary = _object(
        {
            "code": _string("机关简称代码"),
            "name": _string("机关名称"),
            "parent": _nullable(_string("上级机关代码")),
            "level": _string("行政层级", enum=["province", "city", "county", "township"]),
            "level_label": _string(),
            "kind": _string("机关类型", enum=["government", "department"]),
            "kind_label": _string(),
            "children": {"type": "array", "items": _string(), "description": "下级机关代码"},
            "url": _string(format="uri"),
        }
    )
    item_summary = _object(
        {
            "index_number": _string("索引号"),
            "title": _string("标题"),
            "agency": _string("机关代码"),
            "category": {"type": ["object", "null"], "properties": {"code": _string(), "name": _string()}},
            "document_number": _string("文号"),
            "formed_on": _string("成文日期", format="date"),
            "published_at": _string("发布时间", format="date-time"),
            "updated_at": _string("更新时间", format="date-time"),
            "publisher": _string("发布机构"),
            "kind": _string(),
            "kind_label": _string(),
            "validity": _string(),
            "validity_label": _string("有效性"),
            "url": _string(format="uri"),
            "portal_url": _string(format="uri"),
        }
    )
    item = {
        "allOf": [
            _ref("ItemSummary"),
            _object(
                {
                    "topic": _string("主题分类"),
                    "genre": _string("体裁"),
                    "keywords": _string("关键词"),
                    "summary": _string("内容概述"),
                    "valid_from": _nullable(_string("生效日期", format="date")),
                    "invalid_from": _nullable(_string("失效/废止日期", format="date")),
                    "interprets": _nullable(_string("所解读政策文件的索引号")),
                    "attachments": {"type": "array", "items": _ref("Attachment")},
                    "body_html": _string("正文（已清理的 HTML）"),
                    "body_text": _string("正文（纯文本）"),
                }
            ),
        ]
    }
    version = _object(
        {
            "number": {"type": "integer"},
            "origin": _string("来源", enum=["generated", "imported"]),
            "origin_label": _string(),
            "published_at": _string(format="date-time"),
            "reason": _string("更正理由"),
        }
    )
    downloads = _object(
        {
            "csv": {"type": "object", "additionalProperties": _string(format="uri")},
            "xlsx": _string(format="uri"),
        }
    )
    sections = {
        "type": "object",
        "additionalProperties": {"type": "string"},
        "description": "各部分正文，键为 一 至 六",
    }
    return {
        "Error": _object({"error": _object({"status": {"type": "integer"}, "message": _string("中文说明")})}),
        **cells,
        "AgencySummary": agency_summary,
        "AgencyList": _object(
            {"count": {"type": "integer"}, "agencies": {"type": "array", "items": _ref("AgencySummary")}}
        ),
        "Agency": {
            "allOf": [
                _ref("AgencySummary"),
                _object(
                    {
                        "uscc": _string("统一社会信用代码"),
                        "contact": {"type": "object"},
                        "links": {"type": "object"},
                    }
                ),
            ]
        },
        "ItemSummary": item_summary,
        "ItemPage": _object(
            {
                "agency": _string(),
                "count": {"type": "integer"},
                "page": {"type": "integer"},
                "page_size": {"type": "integer"},
                "pages": {"type": "integer"},
                "items": {"type": "array", "items": _ref("ItemSummary")},
            }
        ),
        "Item": item,
        "Attachment": _object(
            {
                "name": _string("文件名"),
                "url": _string("下载地址（所属信息撤回后答复 410）", format="uri"),
                "content_type": _string("文件类型（MIME）"),
                "type_label": _string("文件类型"),
                "size": {"type": "integer", "minimum": 0, "description": "大小（字节）"},
                "sha256": _string("SHA-256 校验值（十六进制）", pattern="^[0-9a-f]{64}$"),
            },
            "附件",
        ),
        "ReportVersion": version,
        "ReportList": _object(
            {
                "agency": _string(),
                "reports": {
                    "type": "array",
                    "items": _object(
                        {
                            "year": {"type": "integer"},
                            "format_version": _string(),
                            "latest_version": {"type": "integer"},
                            "published_at": _string(format="date-time"),
                            "first_published_at": _string(format="date-time"),
                            "versions": {"type": "array", "items": _ref("ReportVersion")},
                            "url": _string(format="uri"),
                            "portal_url": _string(format="uri"),
                        }
                    ),
                },
            }
        ),
        "Report": _object(
            {
                "agency": _object({"code": _string(), "name": _string()}),
                "year": {"type": "integer"},
                "format_version": _string(),
                "version": {"type": "integer"},
                "origin": _string(enum=["generated", "imported"]),
                "origin_label": _string(),
                "published_at": _string(format="date-time"),
                "reason": _string(),
                "versions": {"type": "array", "items": {"type": "integer"}},
                "cells": any_cells,
                "sections": sections,
                "files": {"type": "array", "items": {"type": "object"}},
                "downloads": downloads,
            }
        ),
        "Aggregate": _object(
            {
                "agency": _object({"code": _string(), "name": _string()}),
                "year": {"type": "integer"},
                "format_version": _string(),
                "published_only": {"const": True},
                "cells": any_cells,
                "coverage": _object(
                    {
                        "agencies": {"type": "integer", "description": "汇总范围内的机关数"},
                        "with_report": {"type": "array", "items": _string()},
                        "without_report": {"type": "array", "items": _string()},
                        "not_counted": {"type": "array", "items": _string()},
                        "contributions": {"type": "array", "items": {"type": "object"}},
                        "cells": {
                            "type": "object",
                            "description": "单元格地址 → 填报的机关数与未填的机关代码",
                            "additionalProperties": _object(
                                {
                                    "reported": {"type": "integer"},
                                    "blank": {"type": "array", "items": _string()},
                                }
                            ),
                        },
                    }
                ),
                "url": _string(format="uri"),
                "downloads": downloads,
            }
        ),
    }


def _operation(e: Endpoint) -> dict:
    content = {e.media_type: {"schema": _ref(e.schema)} if e.schema else {}}
    responses = {"200": {"description": e.summary, "content": content}}
    error = {JSON: {"schema": _ref("Error")}}
    for status in (*e.errors, 429):
        responses[str(status)] = {"description": STATUS_TEXT[status], "content": error}
    return {
        "operationId": e.name,
        "summary": e.summary,
        "description": e.description,
        "tags": list(e.tags),
        "parameters": [
            {
                "name": p.name,
                "in": p.where,
                "required": p.required,
                "description": p.description,
                "schema": p.schema,
            }
            for p in e.params
        ],
        "responses": responses,
    }


def document(server: str = "") -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "政府信息公开开放数据接口",
            "version": "1",
            "description": (
                "只读、无需登录：机关、已发布的主动公开政府信息、已发布的政府信息公开工作年度报告及其汇总。"
                "单元格的键名见年度报告格式说明（report-format.md）。错误以 JSON 返回中文说明。"
            ),
        },
        "servers": [{"url": server or "/"}],
        "paths": {e.path: {"get": _operation(e)} for e in ENDPOINTS},
        "components": {"schemas": _schemas()},
    }
