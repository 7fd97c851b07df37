"""`gongkai supervision total` and `gongkai supervision overview`: the supervision pages from the command line.

gongkai supervision total --agency 机关 --year YYYY [--drafts] [--format json|csv|xlsx] [-o OUT]
    §二–§四 summed over the agency and every agency below it; JSON in the shape of docs/report-format.md with
    `coverage` (who reported, who is missing, blank cells)
gongkai supervision overview --agency 机关 --year YYYY
    one line per agency: overdue applications, late items, stale categories, the report's state
"""

import sys

from gongkai.cli.output import write_result
from gongkai.cli.report_group import EXIT_BAD_INPUT, EXIT_OK

FORMATS = ("json", "csv", "xlsx")


def register(subparsers) -> None:
    supervision = subparsers.add_parser("supervision", help="上级监督：下级机关概况与年度报告汇总")
    commands = supervision.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(supervision))
    supervision.set_defaults(func=lambda args: _usage(supervision))

    p = commands.add_parser("total", help="本级及全部下级机关年度报告第二至第四部分的合计")
    _agency_year(p)
    p.add_argument("--drafts", action="store_true", help="未发布报告的机关计入其草稿（由记录计算）")
    p.add_argument("--format", default="json", choices=FORMATS, help="输出格式，默认 json")
    p.add_argument(
        "-o", "--output", default="-", metavar="文件", help="输出文件；默认“-”即标准输出（xlsx 须指定文件）"
    )
    p.set_defaults(func=total_command)

    p = commands.add_parser("overview", help="各下级机关的超期申请、逾期发布信息、未更新栏目和年度报告状态")
    _agency_year(p)
    p.set_defaults(func=overview_command)


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_BAD_INPUT


def _agency_year(p) -> None:
    p.add_argument("--agency", required=True, metavar="机关", help="机关代码或全称，例如 yqszf")
    p.add_argument("--year", required=True, type=int, metavar="年度", help="报告年度，例如 2020")


def _fail(command: str, message: str) -> int:
    print(f"gongkai supervision {command}：错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _find(name_or_code: str):
    from gongkai.agencies.lookup import find_agency

    return find_agency(name_or_code)


def total_command(args) -> int:
    from gongkai.formats.cells import dumps
    from gongkai.supervision.aggregate import aggregate
    from gongkai.supervision.exports import cells_csv, cells_xlsx

    root = _find(args.agency)
    if root is None:
        return _fail("total", f"找不到机关“{args.agency}”：请使用机关代码或机关全称。")
    if args.format == "xlsx" and args.output == "-":
        return _fail("total", "xlsx 是二进制格式，请用 -o 指定输出文件")
    try:
        total = aggregate(root, args.year, published_only=not args.drafts)
    except ValueError as e:
        return _fail("total", str(e))
    if args.format == "json":
        content = dumps(total.to_dict()).encode("utf-8")
    elif args.format == "csv":
        content = cells_csv(total.cells, total)
    else:
        content = cells_xlsx(total.cells, total)
    return write_result(
        content,
        args.output,
        lambda message: _fail("total", message),
        encoding="utf-8-sig",
        saved=f"（{len(total.with_report)}/{len(total.agencies)} 个机关有报告）",
    )


def overview_command(args) -> int:
    from django.utils import timezone

    from gongkai.agencies.models import Agency
    from gongkai.supervision.overview import overview

    root = _find(args.agency)
    if root is None:
        return _fail("overview", f"找不到机关“{args.agency}”：请使用机关代码或机关全称。")
    agencies = Agency.objects.filter(pk__in=Agency.subtree_ids([root.pk]))
    print("机关\t超期未答复申请\t逾期发布信息\t未按期更新栏目\t年度报告")
    for row in overview(agencies, args.year, timezone.localdate()):
        name = "  " * row.depth + row.agency.name
        print(f"{name}\t{row.overdue}\t{row.late_items}\t{len(row.stale)}\t{'；'.join(row.report.labels)}")
    return EXIT_OK
