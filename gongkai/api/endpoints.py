"""Every /api/ address, declared once: the URL configuration (gongkai/api/urls.py), the OpenAPI document
(gongkai/api/openapi.py) and the human page /api/ are all built from this list, so they cannot drift.

A view is named here, not imported: the page /api/ and the OpenAPI document read this list, so the views
come after it (gongkai/api/urls.py joins the two)."""

from dataclasses import dataclass, field

from gongkai.api.params import FIRST_YEAR, LARGEST_INTEGER, LAST_YEAR

JSON = "application/json"
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HTML = "text/html"


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    schema: dict
    where: str = "query"  # or "path"
    required: bool = False


@dataclass(frozen=True)
class Endpoint:
    name: str  # URL name in the api namespace
    route: str  # Django route below /api/
    view: str  # the view's name in gongkai.api.views
    summary: str
    description: str
    example: str  # an address below /api/ that answers, for the page and the documentation
    params: tuple[Param, ...] = ()
    media_type: str = JSON
    schema: str | None = None  # the response's schema in components.schemas
    errors: tuple[int, ...] = (404,)
    tags: tuple[str, ...] = field(default=("开放数据",))

    @property
    def path(self) -> str:
        """The OpenAPI path: /api/agencies/{code}/ for the route agencies/<str:code>/."""
        out = self.route
        for p in self.params:
            if p.where == "path":
                for converter in ("str", "path", "int", "slug"):
                    out = out.replace(f"<{converter}:{p.name}>", "{" + p.name + "}")
        return "/api/" + out


# Agency and catalogue codes are slugs of at most 40 characters (the models' SlugFields).
SLUG = {"type": "string", "pattern": "^[-a-zA-Z0-9_]{1,40}$"}
CODE = Param("code", "机关简称代码，例如 yqtyjrswj（见 /api/agencies/）", SLUG, "path", True)
# Bounds as the views check them (gongkai.api.params), so that every value the schema allows is served.
YEAR_RANGE = {"minimum": FIRST_YEAR, "maximum": LAST_YEAR}
YEAR = Param("year", "报告年度（四位数字）", {"type": "integer", **YEAR_RANGE}, "path", True)
VERSION = Param(
    "version", "版本号；省略时为最新发布的版本", {"type": "integer", "minimum": 1, "maximum": LARGEST_INTEGER}
)
TABLE = Param(
    "table",
    "表格：2 为第二部分（主动公开），3 为第三部分（依申请公开），4 为第四部分（行政复议、行政诉讼）",
    {"type": "string", "enum": ["2", "3", "4"]},
)
TABLE_CSV = Param(TABLE.name, TABLE.description, TABLE.schema, required=True)
TABLE_XLSX = Param(TABLE.name, TABLE.description + "；省略时一个工作簿含三张表", TABLE.schema)

ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        "index", "", "index", "接口说明",
        "本页：开放数据接口的中文说明和示例。", "", media_type=HTML, errors=(),
    ),
    Endpoint(
        "openapi", "openapi.json", "openapi_document", "OpenAPI 3.1 文档",
        "本接口的机器可读说明（OpenAPI 3.1）。", "openapi.json", errors=(),
    ),
    Endpoint(
        "agencies", "agencies/", "agencies", "机关列表",
        "全部机关，按层级先后排列（上级在前）：代码、名称、上级机关代码、行政层级、下级机关代码。",
        "agencies/", schema="AgencyList", errors=(),
    ),
    Endpoint(
        "agency", "agencies/<str:code>/", "agency", "机关",
        "一个机关：名称、层级、上级与下级机关，以及政府信息公开工作机构的联系方式。",
        "agencies/{code}/", (CODE,), schema="Agency",
    ),
    Endpoint(
        "items", "agencies/<str:code>/items/", "items", "主动公开的政府信息",
        "机关已发布、主动公开的政府信息，新发布的在前，分页。草稿、审核中、已撤回和不主动公开的信息不会出现。",
        "agencies/{code}/items/?page=1&page_size=20",
        (
            CODE,
            Param("page", "页码，从 1 起", {"type": "integer", "minimum": 1, "maximum": LARGEST_INTEGER, "default": 1}),
            Param("page_size", "每页条数，1 至 100", {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}),
            Param("year", "发布年度", {"type": "integer", **YEAR_RANGE}),
            Param("category", "目录类目代码（含其下级类目）", SLUG),
            Param(
                "updated_since",
                "只列出此后更新的：日期（北京时间当日零时起）或 ISO 8601 时间",
                {"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}]},
            ),
        ),
        schema="ItemPage", errors=(400, 404),
    ),
    Endpoint(
        "item", "items/<path:index_number>/", "item", "一条政府信息",
        "按索引号取一条已发布、主动公开的政府信息：元数据、正文（HTML 与纯文本）和附件清单。",
        "items/{index_number}/",
        (Param("index_number", "索引号，例如 005275134/2026-00001（斜杠原样保留）", {"type": "string"}, "path", True),),
        schema="Item",
    ),
    Endpoint(
        "reports", "agencies/<str:code>/reports/", "reports", "年度报告列表",
        "机关已发布的政府信息公开工作年度报告：年度、格式版本、各版本的发布时间、来源（本系统生成或导入）和更正理由。",
        "agencies/{code}/reports/", (CODE,), schema="ReportList",
    ),
    Endpoint(
        "report", "agencies/<str:code>/reports/<str:year>/", "report", "一份年度报告",
        "某年度最新发布版本的单元格（report-format.md 的结构与键名，未填的为 null）、各部分正文、版本号和来源。",
        "agencies/{code}/reports/{year}/", (CODE, YEAR, VERSION), schema="Report", errors=(400, 404),
    ),
    Endpoint(
        "report_csv", "agencies/<str:code>/reports/<str:year>.csv", "report_csv", "年度报告表格（CSV）",
        "第二、三或四部分的表格，UTF-8（带 BOM），行列标签与国家格式一致。",
        "agencies/{code}/reports/{year}.csv?table=3", (CODE, YEAR, TABLE_CSV, VERSION),
        media_type=CSV, errors=(400, 404),
    ),
    Endpoint(
        "report_xlsx", "agencies/<str:code>/reports/<str:year>.xlsx", "report_xlsx", "年度报告表格（XLSX）",
        "第二、三或四部分的表格（Excel 工作簿，合并单元格与国家格式一致）。",
        "agencies/{code}/reports/{year}.xlsx?table=2", (CODE, YEAR, TABLE_XLSX, VERSION),
        media_type=XLSX, errors=(400, 404),
    ),
    Endpoint(
        "aggregate", "agencies/<str:code>/reports/<str:year>/aggregate/", "aggregate", "汇总",
        "机关及其全部下级机关已发布报告的第二至四部分逐项相加，并说明覆盖情况：哪些机关已发布、哪些没有，"
        "每个单元格有几个机关填报、哪些机关未填（未填的不按 0 计）。",
        "agencies/{code}/reports/{year}/aggregate/", (CODE, YEAR), schema="Aggregate",
    ),
    Endpoint(
        "aggregate_csv", "agencies/<str:code>/reports/<str:year>/aggregate.csv", "aggregate_csv",
        "汇总表格（CSV）", "汇总的第二、三或四部分表格，UTF-8（带 BOM）。",
        "agencies/{code}/reports/{year}/aggregate.csv?table=3", (CODE, YEAR, TABLE_CSV),
        media_type=CSV, errors=(400, 404),
    ),
    Endpoint(
        "aggregate_xlsx", "agencies/<str:code>/reports/<str:year>/aggregate.xlsx", "aggregate_xlsx",
        "汇总表格（XLSX）", "汇总的第二、三或四部分表格（Excel 工作簿）。",
        "agencies/{code}/reports/{year}/aggregate.xlsx", (CODE, YEAR, TABLE_XLSX),
        media_type=XLSX, errors=(400, 404),
    ),
)  # fmt: skip


def endpoint(name: str) -> Endpoint:
    return next(e for e in ENDPOINTS if e.name == name)
