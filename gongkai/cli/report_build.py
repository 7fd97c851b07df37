"""`gongkai report build`: the annual report of one agency and year, computed from its records.

Registered beside `report render` and `report check` through gongkai.cli.report_group.report_subparsers.
"""

import sys

from gongkai.cli.output import write_result
from gongkai.cli.report_group import EXIT_BAD_INPUT, EXIT_OK, report_subparsers
from gongkai.formats.render import RENDERERS

BINARY_FORMATS = ("docx", "xlsx", "pdf")


def register(subparsers) -> None:
    report = report_subparsers(subparsers)
    p = report.add_parser("build", help="某机关某年度的年度报告：已发布的取最新发布版本，否则由记录生成草稿")
    p.add_argument(
        "--agency",
        required=True,
        metavar="机关",
        help="机关代码或全称，例如 yqtyjrswj 或 乐清市退役军人事务局",
    )
    p.add_argument("--year", required=True, type=int, metavar="年度", help="报告年度，例如 2020")
    p.add_argument("--format", default="json", choices=sorted(RENDERERS), help="输出格式，默认 json")
    p.add_argument(
        "-o", "--output", default="-", metavar="文件", help="输出文件；默认“-”即标准输出（仅文本格式）"
    )
    p.set_defaults(func=build_command)

    p = report.add_parser(
        "remind", help="向年度报告即将到期或已超期的机关的登记员和管理员发送提醒（后台任务）"
    )
    p.add_argument("--date", help="以该日期计算（YYYY-MM-DD，默认今天）")
    p.set_defaults(func=remind_command)


def _fail(message: str) -> int:
    print(f"gongkai report build：错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def report_for(agency, year: int):
    """The stored report, or an unsaved one with gongkai's draft (a build never writes to the database)."""
    from gongkai.formats import format_for_year
    from gongkai.reports.content import live_content
    from gongkai.reports.drafting import draft_sections
    from gongkai.reports.models import AnnualReport

    report = AnnualReport.objects.filter(agency=agency, year=year).first()
    if report is not None:
        return report
    fmt = format_for_year(year)
    report = AnnualReport(agency=agency, year=year, format_version=fmt.version)
    content = live_content(report)
    report.sections = draft_sections(agency, year, fmt, content.facts, content.values)
    return report


def build_content(agency, year: int):
    """The current state of the report: its latest published version, else the draft with its findings."""
    from gongkai.reports.checking import findings_for
    from gongkai.reports.content import live_content, version_content

    report = report_for(agency, year)
    version = report.latest_version() if report.pk else None
    if version is not None:
        return version_content(version)
    content = live_content(report)
    content.findings = findings_for(content, agency, year)
    return content


def build_command(args) -> int:
    from gongkai.agencies.lookup import find_agency
    from gongkai.formats.cells import dumps
    from gongkai.formats.render import render
    from gongkai.reports.charts import charts_by_section

    agency = find_agency(args.agency)
    if agency is None:
        return _fail(f"找不到机关“{args.agency}”：请使用机关代码或机关全称。")
    if args.format in BINARY_FORMATS and args.output == "-":
        return _fail(f"{args.format} 是二进制格式，请用 -o 指定输出文件")
    try:
        content = build_content(agency, args.year)
        if args.format == "json":
            content_bytes = dumps(content.document()).encode("utf-8")
        else:
            content_bytes = render(
                args.format,
                content.cells,
                content.sections,
                content.contact,
                charts=charts_by_section(content.charts),
            )
    except ValueError as e:
        return _fail(str(e))
    return write_result(content_bytes, args.output, _fail)


def remind_command(args) -> int:
    from datetime import date

    from gongkai.reports.tasks import enqueue_report_reminders

    as_of = None
    if args.date:
        try:
            as_of = date.fromisoformat(args.date)
        except ValueError:
            return _fail(f"日期无效：“{args.date}”（应为 YYYY-MM-DD）")
    count = enqueue_report_reminders(as_of)
    print(f"已排队 {count} 个机关的年度报告提醒任务。")
    return EXIT_OK
