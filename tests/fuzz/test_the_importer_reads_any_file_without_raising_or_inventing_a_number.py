"""The importer's parse, on arbitrary text, HTML and bytes and on published reports mangled the ways copied
reports are (lines deleted, duplicated or shuffled, spam inserted, digits replaced by “|” or “—”, the text
cut anywhere), either says in Chinese why the file is no report or returns cells that are numbers or null,
each number standing in the source as written, and a reason for every cell it could not read."""

import re
import unicodedata
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gongkai.formats.cells import ReportCells
from gongkai.importer import UnreadableReport, parse_bytes
from gongkai.importer.text import NUMBER, read_cell
from tests.factories import published_report_file
from tests.importer.support import FIXTURES

FUZZ = settings(max_examples=80, suppress_health_check=list(HealthCheck), deadline=None)
NAMES = st.sampled_from(
    ["report.txt", "report.md", "report.html", "report.pdf", "report.docx", "report", "r.doc"]
)
CORPUS = [p.read_text(encoding="utf-8") for p in sorted(Path(FIXTURES).glob("*.txt"))] + [
    published_report_file("乐清市测试局", 2022).decode("utf-8"),
    published_report_file("乐清市测试局", 2020).decode("utf-8"),
    published_report_file("乐清市测试局", 2022, output="html").decode("utf-8"),
]
_SPACES = re.compile(r"\s+")


def _compact(text: str) -> str:
    return unicodedata.normalize("NFKC", _SPACES.sub("", text))


def assert_honest(data: bytes, name: str) -> None:
    try:
        parsed = parse_bytes(data, name)
    except UnreadableReport as e:
        assert str(e).startswith(name) and re.search(r"[\u4e00-\u9fff]", str(e))
        return
    cells: ReportCells = parsed.cells
    source = _compact(data.decode("utf-8", errors="replace"))
    for address, value in cells.values.items():
        assert value is None or (type(value) in (int, Decimal)), (address, value)
        if value is None:
            continue
        read = parsed.provenance[address]  # a number always says where it came from …
        reading = read_cell(read.text)
        assert reading.what == NUMBER, (address, read.text)
        if not reading.unit:  # … and is the figure written there (a unit may turn 万元 into 元)
            assert abs(Decimal(value)) == abs(reading.number), (address, value, read.text)
        if name.endswith((".txt", ".md")):
            assert _compact(read.text) in source, (address, read.text)
    for entry in parsed.unread:
        assert entry.cells and entry.reason.strip(), entry
        assert all(cells.values.get(a) is None for a in entry.cells)


@FUZZ
@given(text=st.text(max_size=400), name=NAMES)
@example(text="", name="report.txt")
@example(text="规章 | 1 | 2 | 3", name="report.md")
def test_arbitrary_text(text, name):
    assert_honest(text.encode("utf-8"), name)


CELL_TEXT = st.one_of(
    st.integers(-5, 10**6).map(str),
    st.sampled_from(["/", "—", "", "无", "增3", "减2", "1.5万元", "12件", "１２", "3,456", "0.000001"]),
    st.text(max_size=8),
)
LABELS = st.sampled_from(
    ["规章", "规范性文件", "（一）予以公开", "自然人", "总计", "行政复议", "结果维持", "其他"]
)


@FUZZ
@given(
    rows=st.lists(st.tuples(LABELS, st.lists(CELL_TEXT, max_size=9)), max_size=12), tail=st.text(max_size=50)
)
def test_arbitrary_html_tables(rows, tail):
    body = "".join(
        f"<tr><td>{label}</td>{''.join(f'<td>{c}</td>' for c in cells)}</tr>" for label, cells in rows
    )
    html = f"<html><body><h1>乐清市测试局2022年政府信息公开工作年度报告</h1><table>{body}</table>{tail}</body></html>"
    assert_honest(html.encode("utf-8"), "report.html")


@FUZZ
@given(data=st.binary(max_size=600), name=NAMES)
@example(data=b"%PDF-1.4 broken", name="report.pdf")
@example(data=b"PK\x03\x04 broken", name="report.docx")
@example(data=b"<html>", name="report")  # a page with no text once crashed the table reader
def test_arbitrary_bytes(data, name):
    assert_honest(data, name)


def _mutate(lines: list[str], data) -> list[str]:
    for _ in range(data.draw(st.integers(1, 4))):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        what = data.draw(st.sampled_from(["delete", "duplicate", "shuffle", "spam", "digits", "cut"]))
        if what == "delete":
            del lines[i]
        elif what == "duplicate":
            lines.insert(i, lines[i])
        elif what == "shuffle":
            j = data.draw(st.integers(i, min(len(lines), i + 8)))
            part = lines[i:j]
            lines[i:j] = data.draw(st.permutations(part)) if part else part
        elif what == "spam":
            lines.insert(i, data.draw(st.text(max_size=40)) or "广告：免费领取")
        elif what == "digits":
            mark = data.draw(st.sampled_from(["|", "—"]))
            lines[i] = re.sub(r"\d", lambda m, mark=mark: data.draw(st.sampled_from([m[0], mark])), lines[i])
        else:
            text = "\n".join(lines)
            lines = text[: data.draw(st.integers(0, len(text)))].split("\n")
    return lines


@FUZZ
@given(report=st.sampled_from(range(len(CORPUS))), data=st.data())
def test_mutated_published_reports(report, data):
    lines = _mutate(CORPUS[report].split("\n"), data)
    name = "report.html" if CORPUS[report].lstrip().startswith("<") else "report.txt"
    assert_honest("\n".join(lines).encode("utf-8"), name)
