"""The `gongkai report render` and `gongkai report check` sub-commands: render a report from cells, check
its arithmetic. A report file given to check is read first (report_files.py).
"""

import json
import sys
from pathlib import Path

from gongkai.cli.output import write_result
from gongkai.cli.report_group import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, report_subparsers
from gongkai.formats.cells import CellsError, load_cells
from gongkai.formats.render import RENDERERS


def register(subparsers) -> None:
    report = report_subparsers(subparsers)

    p = report.add_parser("render", help="由单元格文件生成年度报告（html、docx、xlsx、pdf、json、md）")
    p.add_argument(
        "--cells", required=True, metavar="文件", help="单元格 JSON 文件（report-format.md 的结构）"
    )
    p.add_argument("--format", required=True, choices=sorted(RENDERERS), help="输出格式")
    p.add_argument(
        "-o", "--output", required=True, metavar="文件", help="输出文件；“-”表示标准输出（仅文本格式）"
    )
    p.add_argument("--narrative", metavar="文件", help="正文 JSON 文件：以“一”至“六”为键的各部分文字")
    p.add_argument("--contact", metavar="文件", help="联系信息 JSON 文件（office、address、phone、email 等）")
    p.set_defaults(func=render_command)

    p = report.add_parser("check", help="检查年度报告（规则 A1–A10：勾稽关系，正文与表格是否一致）")
    p.add_argument(
        "file",
        nargs="?",
        metavar="报告文件",
        help="已发布的年度报告（txt、md、html、docx、pdf）：先读取，再检查",
    )
    p.add_argument("--cells", metavar="文件", help="单元格 JSON 文件（与报告文件二选一）")
    p.add_argument(
        "--previous", metavar="文件", help="同一机关上一年度的单元格文件或报告文件（用于规则 A6、A7）"
    )
    p.add_argument("--json", action="store_true", help="以 JSON 列表输出检查结果")
    p.set_defaults(func=check_command)


def _fail(message: str) -> int:
    print(f"gongkai report：错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _read_json_object(path: str, what: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CellsError(f"找不到{what}文件：{path}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise CellsError(f"无法读取{what}文件 {path}：{e}") from None
    except json.JSONDecodeError as e:
        raise CellsError(
            f"{what}文件 {path} 不是有效的 JSON（第 {e.lineno} 行第 {e.colno} 列）：{e.msg}"
        ) from None
    if not isinstance(data, dict):
        raise CellsError(f"{what}文件 {path} 的顶层必须是 JSON 对象")
    return data


def render_command(args) -> int:
    from gongkai.formats.render import render

    try:
        cells = load_cells(args.cells)
        narrative = _read_json_object(args.narrative, "正文") if args.narrative else None
        contact = _read_json_object(args.contact, "联系信息") if args.contact else None
        content = render(args.format, cells, narrative, contact)
    except (CellsError, ValueError) as e:
        return _fail(str(e))
    if args.output == "-" and args.format in ("docx", "xlsx", "pdf"):
        return _fail(f"{args.format} 是二进制格式，请用 -o 指定输出文件")
    return write_result(content, args.output, _fail)


def check_command(args) -> int:
    from gongkai.formats.checks import check_report, has_errors

    if (args.file is None) == (args.cells is None):
        return _fail("请给出一个报告文件，或用 --cells 指定单元格文件（二者选一）")
    if args.file is not None:
        from gongkai.cli.report_files import check_file_command  # reading files is the importer's part

        return check_file_command(args)
    try:
        cells = load_cells(args.cells)
        previous = load_cells(args.previous) if args.previous else None
        findings = check_report(cells, previous)
    except (CellsError, ValueError) as e:
        return _fail(str(e))
    if args.json:
        print(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
    elif findings:
        for finding in findings:
            print(finding.describe())
    else:
        print(f"{cells.agency}{cells.year}年报告：未发现勾稽关系问题。")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK
