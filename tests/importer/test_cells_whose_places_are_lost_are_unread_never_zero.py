"""Blank cells: kept blank where the file shows them, placeholders (“/”) kept as written, and cells whose
columns cannot be placed left unread — never read as 0."""

from gongkai.importer import parse_file
from tests.importer.support import FIXTURES


def test_collapsed_blanks_leave_a_single_number_unplaced():
    parsed = parse_file(FIXTURES / "048_yueyang_nanhu_bm_2019.txt")
    row = "section3.partially_granted"
    entries = [e for e in parsed.unread if f"{row}.total" in e.cells]
    assert entries and "无法确定" in entries[0].reason
    assert all(parsed.cells[a] is None for a in parsed.cells.values if a.startswith(row + "."))


def test_two_equal_numbers_in_a_collapsed_row_are_read_as_inferred_and_flagged():
    parsed = parse_file(FIXTURES / "048_yueyang_nanhu_bm_2019.txt")
    assert parsed.cells["section3.new_received.natural_person"] == 3
    assert parsed.cells["section3.new_received.total"] == 3
    assert parsed.provenance["section3.new_received.total"].how == "inferred"
    assert parsed.cells["section3.new_received.commercial"] is None
    inferred = [f for f in parsed.findings if f.rule == "import.inferred"]
    assert len(inferred) == 3 and all(f.severity == "warning" for f in inferred)


def test_a_slash_is_no_number_but_its_text_is_kept():
    parsed = parse_file(FIXTURES / "049_qu_tjj_2023.txt")
    for column in ("made", "repealed", "in_force"):
        address = f"section2.art20_1.regulations.{column}"
        assert parsed.cells[address] is None and parsed.cells.cell_text[address] == "/"
    assert parsed.to_dict()["cell_text"]["section2.art20_1.regulations.made"] == "/"


def test_blank_lines_mark_empty_cells_in_flattened_tables():
    parsed = parse_file(FIXTURES / "010_lucheng_zrzygh_2022.txt")
    row = [parsed.cells[f"section3.new_received.{c.key}"] for c in parsed.cells.format.section3.columns]
    assert row == [103, 3, None, None, 1, None, 107]
    assert parsed.provenance["section3.new_received.research"].text == ""


def test_a_row_cut_off_by_the_end_of_the_text_keeps_its_cells_in_place_and_the_rest_is_unread():
    parsed = parse_file(FIXTURES / "047_longgang_bm_2024.txt")
    [entry] = [e for e in parsed.unread if "section3.denied_enforcement_file.total" in e.cells]
    assert "末尾中断" in entry.reason and "只有前 6 列" in entry.reason
    assert entry.cells == ["section3.denied_enforcement_file.total"]
    # Each of the six cells the excerpt shows sits under its column: they are read, in place.
    assert parsed.cells["section3.denied_enforcement_file.natural_person"] == 0
    assert parsed.provenance["section3.denied_enforcement_file.other_org"].how == "position"
