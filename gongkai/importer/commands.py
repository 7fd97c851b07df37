"""`gongkai report parse FILE`, `gongkai report check FILE` and `gongkai report import DIR`.

parse prints what was read (and, with --json, the cells in the report-format.md shape with
provenance, unread cells and sections); check reads a file and runs every check its content allows;
import reads a folder of reports and prints one summary line per file.
"""

import json
import sys
import unicodedata
from pathlib import Path

from gongkai.formats.cells import CellsError, dumps, load_cells
from gongkai.formats.commands import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, report_subparsers

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".shtml", ".docx", ".pdf")


def register(subparsers) -> None:
    report = report_subparsers(subparsers)
    p = report.add_parser("parse", help="读取已发布的年度报告（txt、md、html、docx、pdf），列出读到的单元格")
    p.add_argument("file", metavar="报告文件")
    p.add_argument(
        "--json", action="store_true", help="以 JSON 输出：单元格、出处、未读入的单元格及原因、各部分正文"
    )
    p.set_defaults(func=parse_command)

    p = report.add_parser("import", help="读取文件夹中的全部年度报告，检查并列出汇总表")
    p.add_argument("folder", metavar="文件夹")
    p.add_argument("--json", action="store_true", help="以 JSON 列表输出每个文件的汇总")
    p.set_defaults(func=import_command)


def _fail(message: str) -> int:
    print(f"gongkai report：错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _summary_lines(parsed) -> list[str]:
    cells = parsed.cells
    lines = [
        f"{parsed.source}：{cells.agency or '（机关不明）'} {parsed.year or '（年度不明）'} 年报告，"
        f"按 {cells.format.version} 年格式读入 {parsed.cells_read}/{parsed.cells_total} 个单元格"
    ]
    for finding in parsed.findings:
        lines.append(finding.describe())
    for entry in parsed.unread:
        lines.append(f"未读入 {len(entry.cells)} 个单元格（{entry.cells[0]} 起）：{entry.reason}")
    return lines


def parse_command(args) -> int:
    from gongkai.importer import UnreadableReport, parse_file

    try:
        parsed = parse_file(args.file)
    except UnreadableReport as e:
        return _fail(str(e))
    if args.json:
        sys.stdout.write(dumps(parsed.to_dict()))
        return EXIT_OK
    for line in _summary_lines(parsed):
        print(line)
    for address, read in parsed.provenance.items():
        if read.text:
            print(f"  {address} = {read.text}（{read.where.describe()}）")
    print(f"各部分正文：{'、'.join(parsed.cells.sections) or '无'}")
    return EXIT_OK


def checks_for(parsed, previous=None) -> list:
    """Every check the content allows. A10 judges §六; a report cut off before §六 is not judged on it."""
    from gongkai.formats.checks import check_report

    findings = check_report(parsed.cells, previous)
    if "六" not in parsed.cells.sections:
        findings = [f for f in findings if f.rule != "A10"]
    return findings


def _previous(path: str | None):
    from gongkai.importer import parse_file

    if path is None:
        return None
    if path.lower().endswith(".json"):
        return load_cells(path)
    return parse_file(path).cells


def check_file_command(args) -> int:
    from gongkai.formats.checks import has_errors
    from gongkai.importer import UnreadableReport, parse_file

    try:
        parsed = parse_file(args.file)
        previous = _previous(args.previous)
        findings = checks_for(parsed, previous)
    except (UnreadableReport, CellsError, ValueError) as e:
        return _fail(str(e))
    if args.json:
        print(json.dumps([f.to_dict() for f in parsed.findings + findings], ensure_ascii=False, indent=2))
    else:
        for line in _summary_lines(parsed):
            print(line)
        for finding in findings:
            print(finding.describe())
        if not findings:
            print("读入的单元格和正文未发现勾稽关系或前后不一致的问题。")
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return lines


class _Progress:
    """A progress bar on stderr, redrawn in place; silent when stderr is not a terminal but for the last line."""

    def __init__(self, total: int, width: int = 30):
        self.total, self.width, self.done = max(total, 1), width, 0
        self.live = sys.stderr.isatty()

    def advance(self, name: str) -> None:
        self.done += 1
        if self.live or self.done == self.total:
            filled = self.width * self.done // self.total
            end = "\n" if self.done == self.total else ""
            sys.stderr.write(
                f"\r读取 [{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} {name[:30]:<30}{end}"
            )
            sys.stderr.flush()


def import_command(args) -> int:
    from gongkai.formats.checks import ERROR
    from gongkai.importer import UnreadableReport, parse_file

    folder = Path(args.folder)
    if not folder.is_dir():
        return _fail(f"找不到文件夹：{folder}")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    files = [p for p in files if not p.name.startswith(".")]
    if not files:
        return _fail(f"文件夹 {folder} 中没有年度报告文件（{'、'.join(SUFFIXES)}）")
    progress = _Progress(len(files))
    summaries = []
    for path in files:
        name = str(path.relative_to(folder))
        try:
            parsed = parse_file(path)
            findings = parsed.findings + checks_for(parsed)
            summaries.append(
                {
                    "file": name,
                    "agency": parsed.cells.agency,
                    "year": parsed.year,
                    "format": parsed.cells.format.version,
                    "cells_read": parsed.cells_read,
                    "cells_total": parsed.cells_total,
                    "findings": len(findings),
                    "errors": sum(f.severity == ERROR for f in findings),
                    "rules": sorted({f.rule for f in findings}),
                }
            )
        except UnreadableReport as e:
            summaries.append({"file": name, "error": str(e)})
        progress.advance(name)
    if args.json:
        print(json.dumps(summaries, ensure_ascii=False, indent=2))
        return EXIT_OK
    rows = []
    for s in summaries:
        if "error" in s:
            rows.append([s["file"], "无法读取", "", "", "", s["error"].split("：", 1)[-1]])
            continue
        found = f"{s['findings']}" + (f"（错误 {s['errors']}）" if s["errors"] else "")
        if s["rules"]:
            found += " " + "、".join(s["rules"])
        rows.append(
            [
                s["file"],
                s["agency"] or "（不明）",
                str(s["year"] or ""),
                s["format"],
                f"{s['cells_read']}/{s['cells_total']}",
                found,
            ]
        )
    for line in _table(["文件", "机关", "年度", "格式", "读入单元格", "发现"], rows):
        print(line)
    unreadable = sum("error" in s for s in summaries)
    print(f"共 {len(summaries)} 个文件，读入 {len(summaries) - unreadable} 个，无法读取 {unreadable} 个。")
    return EXIT_OK
