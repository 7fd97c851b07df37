"""`gongkai report parse FILE`, `gongkai report check FILE` and `gongkai report import DIR`.

parse prints what was read (and, with --json, the cells in the shape of docs/report-format.md with
provenance, unread cells and sections); check reads a file and runs every check its content allows;
import reads a folder of reports and prints one summary line per file.
"""

import json
import sys
import unicodedata
from pathlib import Path

from gongkai.cli.report_group import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, report_subparsers
from gongkai.formats.cells import CellsError, dumps, load_cells


def register(subparsers) -> None:
    report = report_subparsers(subparsers)
    p = report.add_parser("parse", help="读取已发布的年度报告（txt、md、html、docx、pdf），列出读到的单元格")
    p.add_argument("file", metavar="报告文件")
    p.add_argument(
        "--json", action="store_true", help="以 JSON 输出：单元格、出处、未读入的单元格及原因、各部分正文"
    )
    p.set_defaults(func=parse_command)
    report.choices["check"].set_defaults(check_file=check_file_command)  # `report check FILE` reads it here

    p = report.add_parser("import", help="读取文件夹中的全部年度报告，检查并列出汇总表")
    p.add_argument("folder", metavar="文件夹")
    p.add_argument("--json", action="store_true", help="以 JSON 列表输出每个文件的汇总")
    p.add_argument(
        "--save", action="store_true", help="把读入的每份报告保存为其机关该年度的已发布报告（含原始文件）"
    )
    p.add_argument(
        "--agency",
        metavar="代码或名称",
        help="与 --save 一起：全部报告属于该机关（不指定时按各报告标题中的机关名称）",
    )
    p.add_argument(
        "--create-under",
        metavar="上级机关代码",
        help="与 --save 一起：标题中的机关不存在时，在该机关之下新建（外部机关）",
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="与 --save 一起：该年度已有发布的报告时，保存为新版本（原版本保留）",
    )
    p.add_argument("--reason", default="", metavar="理由", help="与 --replace 一起：替换的理由，随新版本保存")
    p.add_argument(
        "--accept-unread",
        action="store_true",
        help="与 --save 一起：读出的单元格不到一半的报告也保存（门户网站标明“部分数据未能读取”及未读取的格数）",
    )
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


class _Saver:
    """`report import --save`: which agency each report belongs to, and storing it through the import service."""

    def __init__(self, args):
        from gongkai.agencies.models import Agency

        self.replace, self.reason = args.replace, args.reason.strip()
        self.accept_unread = getattr(args, "accept_unread", False)
        self.fixed = self.parent = None
        if args.agency:
            self.fixed = self._agency(args.agency)
            if self.fixed is None:
                raise ValueError(f"找不到机关“{args.agency}”（按简称代码或名称查找）")
        if args.create_under:
            self.parent = Agency.objects.filter(code=args.create_under).first()
            if self.parent is None:
                raise ValueError(f"找不到上级机关“{args.create_under}”（--create-under 须为机关的简称代码）")
        if self.replace and not self.reason:
            raise ValueError("--replace 须同时用 --reason 说明替换的理由")

    @staticmethod
    def _agency(text: str):
        from gongkai.agencies.models import Agency

        return Agency.objects.filter(code=text).first() or Agency.objects.filter(name=text).first()

    def save(self, parsed, data: bytes) -> dict:
        """{"saved": …} or {"skipped": reason}."""
        from gongkai.importer.external import create_external_agency
        from gongkai.importer.pending import ImportRefused, published_version, store

        title = parsed.cells.agency
        agency = self.fixed or (self._agency(title) if title else None)
        try:
            if agency is None:
                if not title:
                    return {"skipped": "未能从文件中识别机关名称，请用 --agency 指定"}
                if self.parent is None:
                    return {"skipped": f"机关“{title}”不存在（可用 --agency 指定，或用 --create-under 新建）"}
                agency = create_external_agency(name=title, parent=self.parent, actor=None)
            if not parsed.year:
                return {"skipped": "未能从文件中识别报告年度"}
            previous = published_version(agency, parsed.year)
            if previous is not None and not self.replace:
                return {
                    "skipped": f"{parsed.year}年度已有发布的报告（第{previous.number}版）；替换请加 --replace --reason"
                }
            cells = parsed.cells
            cells.agency = agency.name
            try:
                reading = json.loads(dumps(parsed.to_dict()))
            except ValueError as e:  # an amount with more digits than a JSON number holds exactly
                return {"skipped": str(e)}
            notes = {"parser": parsed.kind, "cells": reading["provenance"], "unread": reading["unread"]}
            version = store(
                agency,
                cells,
                source=data,
                source_name=parsed.source,
                notes=notes,
                actor=None,
                reason=self.reason if previous is not None else "",
                confirmed_unread=self.accept_unread,
            )
        except ImportRefused as e:
            return {"skipped": str(e)}
        return {"saved": {"agency": agency.code, "year": parsed.year, "version": version.number}}


def _saved_cell(s: dict) -> str:
    if "saved" in s:
        return f"已保存第{s['saved']['version']}版（{s['saved']['agency']}）"
    return f"未保存：{s.get('skipped', '')}"


def import_command(args) -> int:
    from gongkai.formats.checks import ERROR
    from gongkai.importer import UnreadableReport, parse_file

    folder = Path(args.folder)
    if not folder.is_dir():
        return _fail(f"找不到文件夹：{folder}")
    options = [o for o in ("agency", "create_under", "replace") if getattr(args, o)] + (
        ["reason"] if args.reason else []
    )
    saver = None
    if args.save:
        try:
            saver = _Saver(args)
        except ValueError as e:
            return _fail(str(e))
    elif options:
        return _fail(f"--{options[0].replace('_', '-')} 须与 --save 一起使用")
    # Every file is tried, whatever its name: a report saved as .doc or without an extension is read by
    # its content, and a file that is no report gets its row with the reason.
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    if not files:
        return _fail(f"文件夹 {folder} 中没有文件")
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
            if saver is not None:
                summaries[-1].update(saver.save(parsed, path.read_bytes()))
        except UnreadableReport as e:
            summaries.append({"file": name, "error": str(e)})
            if saver is not None:
                summaries[-1]["skipped"] = "无法读取"
        progress.advance(name)
    if args.json:
        print(json.dumps(summaries, ensure_ascii=False, indent=2))
        return EXIT_OK
    rows = []
    for s in summaries:
        if "error" in s:
            rows.append([s["file"], "无法读取", "", "", "", s["error"].split("：", 1)[-1]])
            if saver is not None:
                rows[-1].append(_saved_cell(s))
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
        if saver is not None:
            rows[-1].append(_saved_cell(s))
    header = ["文件", "机关", "年度", "格式", "读入单元格", "发现"] + (["保存"] if saver is not None else [])
    for line in _table(header, rows):
        print(line)
    unreadable = sum("error" in s for s in summaries)
    print(f"共 {len(summaries)} 个文件，读入 {len(summaries) - unreadable} 个，无法读取 {unreadable} 个。")
    if saver is not None:
        saved = sum("saved" in s for s in summaries)
        print(f"保存 {saved} 份，未保存 {len(summaries) - saved} 份。")
    return EXIT_OK
