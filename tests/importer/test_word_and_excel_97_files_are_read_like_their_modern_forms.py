"""Agencies still publish reports as Word 97–2003 (.doc) and Excel 97–2003 (.xls) files, WPS's included: they are
read to the same cells and text as the .docx and .xlsx they were saved from, whatever they are named, and a
damaged one is refused with a Chinese reason that says what it was meant to be."""

from pathlib import Path

import pytest

from gongkai.importer import parse_bytes
from gongkai.importer.parse import UnreadableReport
from gongkai.importer.readers.word97 import read_doc
from tests.importer.support import NARRATIVE, cell_sets

LEGACY = Path(__file__).parents[1] / "data" / "legacy"


@pytest.mark.parametrize("version", ["2019", "2021"])
@pytest.mark.parametrize("name", ["年报.doc", "年报.txt", "年报"])
def test_a_word_97_report_reads_back_to_the_cells_and_text_it_was_saved_from(version, name):
    cells = cell_sets(version)["mixed"]
    parsed = parse_bytes((LEGACY / f"report-{version}-mixed.doc").read_bytes(), name)
    assert parsed.kind == "doc"
    assert (parsed.cells.agency, parsed.year, parsed.cells.format.version) == (
        cells.agency,
        cells.year,
        version,
    )
    assert {a: parsed.cells[a] for a in cells.values} == cells.values
    assert parsed.cells.cell_text == cells.cell_text
    assert parsed.unread == [] and parsed.findings == []
    assert {n: t for n, t in parsed.cells.sections.items() if t} == NARRATIVE


@pytest.mark.parametrize("version", ["2019", "2021"])
@pytest.mark.parametrize("name", ["年报.xls", "年报.xlsx", "年报"])
def test_an_excel_97_report_reads_back_to_the_cells_it_was_saved_from(version, name):
    cells = cell_sets(version)["mixed"]
    parsed = parse_bytes((LEGACY / f"report-{version}-mixed.xls").read_bytes(), name)
    assert parsed.kind == "xls"
    assert (parsed.cells.agency, parsed.year, parsed.cells.format.version) == (
        cells.agency,
        cells.year,
        version,
    )
    assert {a: parsed.cells[a] for a in cells.values} == cells.values
    assert all(type(parsed.cells[a]) is type(v) for a, v in cells.values.items())
    assert parsed.unread == []


def test_merged_cells_of_a_word_97_table_are_read_once_not_as_blank_cells():
    rows = [
        line for line in read_doc((LEGACY / "report-2021-mixed.doc").read_bytes()).lines if line.structured
    ]
    # The §三 header's merged 申请人情况 columns and its row labels: no blank cell before a row's label.
    labelled = [line for line in rows if line.tokens[0].text.startswith(("2.", "3.", "4."))]
    assert labelled and all(line.tokens[0].kind == "cell" for line in labelled)


@pytest.mark.parametrize(("ext", "what"), [("doc", "Word 97–2003（.doc）"), ("xls", "Excel 97–2003（.xls）")])
def test_a_cut_off_old_office_file_is_refused_with_what_it_was_meant_to_be(ext, what):
    data = (LEGACY / f"report-2021-mixed.{ext}").read_bytes()
    with pytest.raises(UnreadableReport) as refused:
        parse_bytes(data[: len(data) // 3], f"年报.{ext}")
    message = str(refused.value)
    assert what in message and "另存为 .docx" in message
    assert "Error" not in message and "Traceback" not in message
