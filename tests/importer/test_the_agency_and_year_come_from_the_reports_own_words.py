"""Without a collector's header, the agency and year come from the report itself: its title, the opening
statement, the contact sentence, the 落款. Clauses (按照…《…》) are never taken for a name, a page header
glued to a line is stripped, “××市政府” stays whole, the title's year wins over a period sentence that
disagrees (and the disagreement is a finding), and a name that is only inferred is flagged with the
candidates — never presented as certain."""

import re

import pytest

from gongkai.formats.render import render
from gongkai.importer import parse_bytes
from gongkai.importer.readers.text import front_matter
from tests.importer.support import NARRATIVE, cell_sets, fixture_reports


def without_header(path) -> tuple[dict, bytes]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header, start = front_matter(lines)
    return header, "\n".join(lines[start:]).encode("utf-8")


def agency_notes(parsed) -> list[str]:
    return [f.message for f in parsed.findings if f.rule == "import.agency"]


@pytest.mark.parametrize("path", fixture_reports(), ids=lambda p: p.stem)
def test_every_fixture_without_its_header_gives_its_year_and_never_a_wrong_certain_agency(path):
    header, body = without_header(path)
    parsed = parse_bytes(body, path.name)
    assert parsed.year == int(header["report_year"])
    agency = re.sub(r"[（(].*[）)]$", "", header["agency"])
    named = "某" not in agency and "推断" not in header["agency"]
    if parsed.cells.agency and not agency_notes(parsed):
        assert agency.endswith(parsed.cells.agency)  # as the report writes it: 太平镇人民政府
    if named:
        assert parsed.cells.agency and agency.endswith(parsed.cells.agency)
    else:
        assert not parsed.cells.agency or agency_notes(parsed)


def report_text(title: str, *, before: str = "", after: str = "", year: int = 2022) -> bytes:
    cells = cell_sets("2021")["busy"]
    cells.year = year
    text = render("md", cells, NARRATIVE).decode("utf-8")
    first, rest = text.split("\n", 1)
    return f"{title}\n\n{before}\n\n{rest}\n\n{after}\n".encode()


def test_an_opening_clause_is_never_taken_for_the_agency():
    text = report_text(
        "按照乐清县人民政府办公室《关于做好2022年政府信息公开工作年度报告编制工作的通知》要求，特发布本报告。"
    )
    parsed = parse_bytes(text, "r.txt")
    assert parsed.cells.agency == ""


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        ("Page8-乐清市信访局2022年政府信息公开工作年度报告", "乐清市信访局"),
        ("第 1 页 共 8 页 乐清市信访局2022年政府信息公开工作年度报告", "乐清市信访局"),
        ("2022年上海市政府信息公开工作年度报告", "上海市政府"),
        ("乐清市人民政府办公室关于2022年度政府信息公开工作情况的报告", "乐清市人民政府办公室"),
    ],
)
def test_the_title_gives_the_agency_whole_without_a_glued_page_header(title, agency):
    parsed = parse_bytes(report_text(title), "r.txt")
    assert (parsed.cells.agency, parsed.year) == (agency, 2022)
    assert agency_notes(parsed) == []


def test_the_contact_sentence_and_the_signature_name_the_agency_when_the_title_does_not():
    text = report_text("政府信息公开工作年度报告", after="如对本报告有任何疑问，请与乐清市民政局办公室联系。")
    assert parse_bytes(text, "r.txt").cells.agency == "乐清市民政局"
    text = report_text("政府信息公开工作年度报告", after="乐清市民政局\n\n2023年1月20日")
    assert parse_bytes(text, "r.txt").cells.agency == "乐清市民政局"


def test_a_place_named_in_the_opening_is_taken_for_its_government_but_flagged():
    text = report_text("年度报告", before="现将北坡镇2022年政府信息公开工作年度报告予以公布。")
    parsed = parse_bytes(text, "r.txt")
    assert parsed.cells.agency == "北坡镇人民政府"
    [note] = agency_notes(parsed)
    assert "北坡镇人民政府" in note and "请核对" in note


def test_the_titles_year_wins_over_a_period_sentence_and_the_disagreement_is_a_finding():
    text = report_text(
        "乐清市民政局2021年政府信息公开工作年度报告",
        before="本报告统计期限自2020年1月1日至12月31日止。",
        year=2021,
    )
    parsed = parse_bytes(text, "r.txt")
    assert parsed.year == 2021
    [finding] = [f for f in parsed.findings if f.rule == "import.year"]
    assert "2020" in finding.message and "2021" in finding.message
