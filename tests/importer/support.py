"""Shared helpers for the importer tests: where the fixtures are, and what their expected JSON says,
keyed by gongkai's addresses.

The fixtures' expected files are keyed by the labels as the reports wrote them (traditional
characters, damaged headers). The label → address mapping is made here once, from the format
declaration: rows by their label (compared in the importer's normal form), columns by position.
"""

import json
import os
from decimal import Decimal
from pathlib import Path

from gongkai.formats import get_format
from gongkai.formats.cells import ReportCells
from gongkai.formats.declaration import Kind
from gongkai.importer.text import normalize
from tests.formats.conftest import balanced_cells

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GONGKAI_SHARED") or REPO.parent / "shared")
FIXTURES = SHARED / "fixtures" / "reports"
SEED = SHARED / "seed" / "000_870c2c3b9e9a44bb.txt"

BLANK = ""  # expected: a cell left blank in the published table
UNREAD = None  # expected: a cell not visible in the excerpt, or whose column cannot be placed


def fixture_reports() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt"))


def expected_files() -> list[Path]:
    return sorted(FIXTURES.glob("*_expected.json"))


def report_of(expected: Path) -> Path:
    return FIXTURES / json.loads(expected.read_text(encoding="utf-8"))["report_file"]


def expected_format(expected: dict) -> str:
    return expected["format"].split()[0]  # "2019 (template used in a 2021 report)"


# Where gongkai reads more than the fixture's reader recorded, on purpose: 047's last row is cut after six
# cells, each under its column (“7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 |”). The fixture records the row as
# not received; a cut pipe-table row keeps the cells it shows, and only its 总计 is unread.
READ_IN_PLACE = {
    "047_longgang_bm_2024.txt": {
        f"section3.denied_enforcement_file.{column}": "0"
        for column in ("natural_person", "commercial", "research", "social", "legal_service", "other_org")
    },
}


def expected_cells(expected: dict) -> tuple[dict[str, object], list[str]]:
    """address → expected text ("" blank, "/" as written, "403") or None; and the rows the format lacks."""
    fmt = get_format(expected_format(expected))
    out: dict[str, object] = {}
    extra = []
    s2_rows = {normalize(label): values for label, values in expected["section2"].items()}
    known = set()
    for block in fmt.section2.blocks:
        for row in block.rows:
            values = s2_rows.get(normalize(row.label))
            known.add(normalize(row.label))
            if values is None:
                continue
            assert len(values) == len(block.columns), row.label
            for column, value in zip(block.columns, values.values(), strict=True):
                out[f"section2.{block.key}.{row.key}.{column.key}"] = value
    extra = [label for label in expected["section2"] if normalize(label) not in known]
    s3 = fmt.section3
    by_label = {normalize(path.split("/")[-1]): values for path, values in expected["section3"].items()}
    for row in s3.rows:
        values = by_label[normalize(row.label)]
        for i, column in enumerate(s3.columns):
            out[f"section3.{row.key}.{column.key}"] = None if values is None else values[i]
    s4 = fmt.section4
    addresses = [f"section4.{b.key}.{c.key}" for b in s4.blocks for c in s4.columns]
    for address, value in zip(addresses, expected["section4"], strict=True):
        out[address] = value
    out.update(READ_IN_PLACE.get(expected["report_file"], {}))
    return out, extra


def as_value(text: object, kind: Kind):
    """An expected cell's text as the number gongkai stores (int, or Decimal for amounts)."""
    if isinstance(text, int):
        return Decimal(text) if kind is Kind.AMOUNT else text
    number = Decimal(str(text))
    return number if kind is Kind.AMOUNT else int(number)


def cell_sets(version: str) -> dict[str, ReportCells]:
    """Reports to render and read back: busy, all zero, and one with decimals, signs, blanks and “/”."""
    busy = balanced_cells(version)
    zeros = ReportCells.blank(get_format(version), "乐清市测试局", busy.year)
    for address in zeros.values:
        zeros[address] = Decimal(0) if dict(zeros.format.cells())[address].kind is Kind.AMOUNT else 0
    mixed = balanced_cells(version, agency="浙江省某某县人民政府办公室")
    for address, column in mixed.format.cells():
        if column.kind is Kind.AMOUNT:
            mixed[address] = Decimal("190.457379")
        elif column.kind is Kind.SIGNED:
            mixed[address] = -2
    mixed["section3.granted.research"] = None
    mixed["section3.denied_state_secret.total"] = None
    mixed["section3.carried_forward.social"] = None
    mixed.cell_text["section3.carried_forward.social"] = "/"
    mixed["section4.review.pending"] = None
    mixed.cell_text["section4.review.pending"] = "—"
    mixed["section2.art20_1.regulations.made"] = None
    mixed.cell_text["section2.art20_1.regulations.made"] = "/"
    return {"busy": busy, "zeros": zeros, "mixed": mixed}


NARRATIVE = {
    "一": "本年度主动公开政府信息 120 条。\n全年共收到政府信息公开申请 15 件。",
    "五": "存在的主要问题：公开内容还需丰富。",
    "六": "本年度未收取信息处理费。",
}
