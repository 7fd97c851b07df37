"""Rows whose label differs from the template are still read where a reader would place them: a 2019 label
under 2021 columns (declared as a variant of the row), the 2019 single （六）其他处理 row in a 2021 table,
a misspelt label between the two rows it must sit between, a group label split by a page break. Each is
said in a finding; nothing is read into a row the file does not place it in, and no false alarm is raised."""

from gongkai.formats.render import render
from gongkai.importer import parse_bytes
from tests.importer.support import NARRATIVE, cell_sets

OTHER_ROWS = ("other_no_correction", "other_unpaid_fee", "other_misc")


def markdown(version="2021", cell_set="busy"):
    cells = cell_sets(version)[cell_set]
    return cells, render("md", cells, NARRATIVE).decode("utf-8")


def rules(parsed):
    return [f.rule for f in parsed.findings]


def test_the_2019_label_under_2021_columns_is_read_into_its_row():
    cells, text = markdown()
    text = text.replace("| 行政规范性文件 |", "| 规范性文件 |")
    parsed = parse_bytes(text.encode(), "r.md")
    assert parsed.cells.format.version == "2021"
    for column in ("made", "repealed", "in_force"):
        address = f"section2.art20_1.normative_documents.{column}"
        assert parsed.cells[address] == cells[address]
    assert parsed.unread == [] and parsed.extra_rows == [] and "import.extra_row" not in rules(parsed)


def single_other_row(text: str, values: list[int]) -> str:
    lines = [line for line in text.splitlines() if "| （六）其他处理 |" not in line]
    at = next(i for i, line in enumerate(lines) if "（七）总计" in line)
    row = "| 三、本年度办理结果 | （六）其他处理 |  | " + " | ".join(map(str, values)) + " |"
    return "\n".join(lines[:at] + [row] + lines[at:])


def test_a_single_other_handling_row_of_zeros_fills_the_three_2021_rows_with_zero():
    cells, text = markdown(cell_set="zeros")
    parsed = parse_bytes(single_other_row(text, [0] * 7).encode(), "r.md")
    assert all(parsed.cells[f"section3.{row}.total"] == 0 for row in OTHER_ROWS)
    assert parsed.unread == []
    [finding] = [f for f in parsed.findings if f.rule == "import.split_row"]
    assert "各行均按 0 读入" in finding.message


def test_a_single_other_handling_row_with_figures_is_placed_under_other_and_said_so():
    cells, text = markdown()
    values = [1, 0, 0, 2, 0, 0, 3]
    parsed = parse_bytes(single_other_row(text, values).encode(), "r.md")
    assert parsed.cells["section3.other_misc.total"] == 3
    assert parsed.provenance["section3.other_misc.total"].how == "inferred"
    unread = set(parsed.unread_cells)
    assert {f"section3.other_no_correction.{c.key}" for c in parsed.cells.format.section3.columns} <= unread
    assert parsed.cells["section3.other_unpaid_fee.total"] is None
    [finding] = [f for f in parsed.findings if f.rule == "import.split_row"]
    assert "3.其他" in finding.message and "请对照原件核对" in finding.message
    assert "import.extra_row" not in rules(parsed)


def test_a_misspelt_label_between_its_neighbours_is_read_and_named_as_written():
    cells, text = markdown()
    text = text.replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    parsed = parse_bytes(text.encode(), "r.md")
    for column in parsed.cells.format.section3.columns:
        address = f"section3.denied_law_forbidden.{column.key}"
        assert parsed.cells[address] == cells[address]
    [finding] = [f for f in parsed.findings if f.rule == "import.label"]
    assert "2.其他法律行政止公开" in finding.message and "1.属于国家秘密" in finding.message
    assert parsed.unread == []


def test_an_unknown_row_with_its_own_label_is_not_taken_for_a_missing_one():
    cells, text = markdown()
    text = text.replace("2.其他法律行政法规禁止公开", "某某专项清理事项")
    parsed = parse_bytes(text.encode(), "r.md")
    assert parsed.cells["section3.denied_law_forbidden.total"] is None
    assert "section3.denied_law_forbidden.total" in parsed.unread_cells
    assert "import.label" not in rules(parsed)


def test_a_group_label_split_by_a_page_break_is_no_extra_row():
    cells, text = markdown()
    text = text.replace("| （四）无法提供 | 1.", "| （四）无 | 1.").replace(
        "| （四）无法提供 | 2.", "| 法提供 | 2."
    )
    parsed = parse_bytes(text.encode(), "r.md")
    assert parsed.extra_rows == [] and "import.extra_row" not in rules(parsed)
    assert (
        parsed.cells["section3.unable_needs_creation.total"] == cells["section3.unable_needs_creation.total"]
    )


def test_a_row_missing_from_a_web_page_is_not_blamed_on_a_page_break():
    cells = cell_sets("2021")["busy"]
    page = render("html", cells, NARRATIVE).decode("utf-8")
    start = page.index("4.保护第三方合法权益")
    row_start = page.rindex("<tr", 0, start)
    row_end = page.index("</tr>", start) + len("</tr>")
    parsed = parse_bytes((page[:row_start] + page[row_end:]).encode(), "r.html")
    [entry] = [e for e in parsed.unread if "section3.denied_third_party.total" in e.cells]
    assert "分页" not in entry.reason and "缺失" in entry.reason


def test_a_section4_without_a_recognisable_table_says_what_follows_its_heading():
    cells, text = markdown()
    start, end = text.index("## 四、"), text.index("## 五、")
    text = (
        text[:start] + "## 四、政府信息公开行政复议、行政诉讼情况\n\n本年度复议情况见附件。\n\n" + text[end:]
    )
    parsed = parse_bytes(text.encode(), "r.md")
    [entry] = [e for e in parsed.unread if "section4.review.total" in e.cells]
    assert "找到了第四部分的标题" in entry.reason and "本年度复议情况见附件" in entry.reason
