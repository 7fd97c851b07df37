"""`gongkai statistics import --agency CODE FILE`: matter lists and statistic entries from CSV or XLSX.

Every row is checked first; with any bad row nothing is saved and each problem is printed with its row.
"""

import sys
from pathlib import Path

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "statistics", help="第二十条统计：导入事项清单与统计数据", description="第二十条统计数据。"
    )
    sub = parser.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(parser))
    parser.set_defaults(func=lambda args: _usage(parser))

    p = sub.add_parser("import", help="从 CSV 或 XLSX 文件导入（有任何一行出错则全部不保存）")
    p.add_argument("--agency", required=True, metavar="机关", help="机关代码或全称")
    p.add_argument("file", metavar="文件", help=".csv 或 .xlsx 文件，第1行为表头")
    p.set_defaults(func=import_command)


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_BAD_INPUT


def _fail(message: str) -> int:
    print(f"gongkai statistics import：错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def import_command(args) -> int:
    from gongkai.agencies.lookup import find_agency
    from gongkai.statistics.importing import import_statistics

    agency = find_agency(args.agency)
    if agency is None:
        return _fail(f"找不到机关“{args.agency}”：请使用机关代码或机关全称。")
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as e:
        return _fail(f"无法读取文件 {path}：{e.strerror or e}")
    result = import_statistics(agency, data, path.name)
    if not result.ok:
        print(f"{path.name}：发现 {len(result.errors)} 处错误，未保存任何记录。", file=sys.stderr)
        for error in result.errors:
            print(f"  {error.describe()}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"已为{agency.name}导入清单事项 {result.matters} 项、统计数据 {result.entries} 条。")
    return EXIT_OK
