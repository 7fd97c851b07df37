"""The seed (a 2020 report extracted from its PDF): what it shows is read, what its page break lost is
listed as unread with the lines around the gap, and nothing lost is read as 0."""

import pytest

from gongkai.importer import parse_file
from tests.importer.support import SEED

LOST_ROWS = [
    "section2.art20_6.penalty",
    "section2.art20_6.coercion",
    "section2.art20_8.fees",
    "section2.art20_9.procurement",
    "section3.new_received",
    "section3.carried_over",
    "section3.granted",
    "section3.partially_granted",
    "section3.denied_state_secret",
    "section3.denied_law_forbidden",
]


@pytest.fixture(scope="module")
def seed():
    return parse_file(SEED)


def test_the_agency_year_and_template_come_from_the_title_and_labels(seed):
    assert (seed.cells.agency, seed.year, seed.cells.format.version) == ("乐清市退役军人事务局", 2020, "2019")
    assert not [f for f in seed.findings if f.rule == "import.template"]


def test_other_services_read_71_increase_5_and_9016_decisions(seed):
    base = "section2.art20_5.other_services"
    assert [seed.cells[f"{base}.{c}"] for c in ("prev_items", "change", "decisions")] == [71, 5, 9016]
    assert seed.provenance[f"{base}.change"].text == "增 5"
    assert seed.provenance[f"{base}.decisions"].where.line == 48


def test_the_rows_that_survive_are_read(seed):
    fmt = seed.cells.format
    assert all(seed.cells[f"section2.art20_1.{r}.{c}"] == 0 for r in ("regulations", "normative_documents")
               for c in ("made", "published", "total_public"))  # fmt: skip
    surviving = [r.key for r in fmt.section3.rows][6:]  # from 3.危及“三安全一稳定” to 四、结转下年度继续办理
    assert surviving[0] == "denied_security_stability" and surviving[-1] == "carried_forward"
    for row in surviving:
        for column in fmt.section3.columns:
            assert seed.cells[f"section3.{row}.{column.key}"] == 0, row
    # “5. 要求行政机关确认” wraps onto a second line in the PDF text; the start of the label is enough.
    assert seed.provenance["section3.rejected_confirmation.total"].where.line == 65


def test_the_rows_lost_at_the_page_break_are_unread_with_the_gap_named(seed):
    unread = {address: entry for entry in seed.unread for address in entry.cells}
    for row in LOST_ROWS:
        columns = [a for a in seed.cells.values if a.startswith(row + ".")]
        assert columns
        for address in columns:
            assert seed.cells[address] is None, address
            assert address in unread, address
            assert address not in seed.provenance
    reason = unread["section3.new_received.total"].reason
    assert "第 50 行" in reason and "第 52 行" in reason and "缺失" in reason


def test_the_section4_row_it_cannot_place_is_unread_not_guessed(seed):
    unread = {address: entry for entry in seed.unread for address in entry.cells}
    for block in ("review", "litigation_direct", "litigation_after_review"):
        assert seed.cells[f"section4.{block}.total"] is None
        assert "无法确定" in unread[f"section4.{block}.total"].reason


def test_every_cell_is_either_read_or_unread_with_a_reason(seed):
    unread = seed.unread_cells
    assert len(unread) == len(set(unread))
    assert set(unread).isdisjoint(seed.provenance)
    assert set(unread) | set(seed.provenance) == set(seed.cells.values)


def test_the_sections_are_kept_as_text_and_numbering_restarts_are_not_headings(seed):
    sections = seed.cells.sections
    assert set(sections) == {"一", "二", "四", "五", "六"}  # 三's heading was lost with the page break
    assert "一、夯实基础" in sections["一"] and "均为 0" in sections["一"]
    assert sections["六"] == "本单位无其他报告事项。"
    assert "0577-61882068" in seed.preamble
