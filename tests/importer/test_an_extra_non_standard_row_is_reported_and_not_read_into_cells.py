"""A §二 row the national format does not have (037: 其他主动公开文件) is reported, not read into a cell,
and does not spill into the rows around it."""

from gongkai.importer import parse_file
from tests.importer.support import FIXTURES


def test_the_extra_row_is_a_finding_with_its_numbers():
    parsed = parse_file(FIXTURES / "037_xiaogan_szfbgs_2020.txt")
    [row] = parsed.extra_rows
    assert row.label == "其他主动公开文件" and row.values == ["56", "45"]
    assert row.where.line == 22 and row.after == "第二十条第（一）项"
    [finding] = [f for f in parsed.findings if f.rule == "import.extra_row"]
    assert "其他主动公开文件" in finding.message and "56" in finding.message
    assert [
        parsed.cells[f"section2.art20_1.normative_documents.{c}"]
        for c in ("made", "published", "total_public")
    ] == [
        11,
        11,
        119,
    ]
    assert 56 not in parsed.cells.values.values()
