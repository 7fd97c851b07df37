"""Rule A9 reads the text as a reader does: a clause after “；” keeps its sentence's subject, a figure given for
several categories together is compared with their sum, a blank 总计 is its row's sum, “均获维持” is a claim
about the §四 table, and 收到 may count last year's carried-over applications too. A10 accepts any words
that say no fee was charged. A blank 总计 beside a row that counts something is a warning of its own."""

from gongkai.formats.checks import check_a9, check_a10, check_cells


def a9(cells, text):
    cells.sections = {"一": text}
    return [f for f in check_a9(cells) if f.rule == "A9"]


def total(cells, key):
    return cells[f"section3.{key}.total"]


def test_a_figure_for_two_categories_together_is_compared_with_their_sum(balanced):
    cells = balanced()
    both = total(cells, "granted") + total(cells, "partially_granted")
    assert a9(cells, f"本年度收到申请后，予以公开及部分公开{both}件。") == []
    [finding] = a9(cells, f"本年度收到申请后，予以公开及部分公开{both - 17}件。")
    assert finding.cells == ["section3.granted.total", "section3.partially_granted.total"]
    assert str(both) in finding.message and str(both - 17) in finding.message
    assert finding.where["quote"] == f"本年度收到申请后，予以公开及部分公开{both - 17}件"


def test_a_clause_after_a_semicolon_keeps_the_sentences_subject(balanced):
    cells = balanced()
    received = total(cells, "new_received")
    granted = total(cells, "granted")
    text = f"本年度共收到政府信息公开申请{received}件；予以公开{granted + 2}件，不予公开和无法提供合计{999}件"
    findings = a9(cells, text)
    assert sorted(f.cells[0] for f in findings) == [
        "section3.denied_state_secret.total",
        "section3.granted.total",
    ]
    assert all(f.where["quote"] == text for f in findings)
    assert any("（四）无法提供" in f.message for f in findings)


def test_a_blank_total_is_compared_through_its_rows_sum_naming_every_cell(balanced):
    cells = balanced()
    granted = total(cells, "granted")
    cells["section3.granted.total"] = None
    [finding] = a9(cells, f"共收到申请若干，其中予以公开{granted + 1}件。")
    applicants = [f"section3.granted.{c.key}" for c in cells.format.section3.applicant_columns]
    assert finding.cells == ["section3.granted.total", *applicants]
    assert "自然人" in finding.message and str(granted) in finding.message


def test_all_upheld_contradicts_pending_or_corrected_appeals(balanced):
    cells = balanced()
    for col in ("corrected", "pending"):
        cells[f"section4.review.{col}"] = 0
    cells["section4.review.total"] = cells["section4.review.upheld"] + cells["section4.review.other"]
    assert a9(cells, "本年度发生政府信息公开行政复议案件，均获维持。") == []
    cells["section4.review.pending"] = 1
    [finding] = a9(cells, "本年度发生政府信息公开行政复议案件，均获维持。")
    assert "section4.review.pending" in finding.cells and "尚未审结" in finding.message
    cells["section4.litigation_direct.corrected"] = 1
    findings = a9(cells, "行政诉讼案件均被维持。")
    assert [f.cells[0] for f in findings] == ["section4.litigation_direct.corrected"]


def test_received_may_count_the_carried_over_applications_too(balanced):
    cells = balanced()
    received, carried = total(cells, "new_received"), total(cells, "carried_over")
    assert carried > 0
    assert a9(cells, f"全年共收到政府信息公开申请{received}件。") == []
    assert a9(cells, f"全年共收到政府信息公开申请{received + carried}件。") == []
    [finding] = a9(cells, f"全年共收到政府信息公开申请{received + carried + 5}件。")
    assert finding.cells == ["section3.new_received.total", "section3.carried_over.total"]


def test_any_words_saying_no_fee_was_charged_satisfy_a10(balanced):
    cells = balanced("2021")
    cells["section3.other_unpaid_fee.total"] = 0
    for said in (
        "本年度未发生收费情况。",
        "本机关没有收取任何费用。",
        "依申请公开工作未产生费用。",
        "信息处理费：无。",
    ):
        cells.sections = {"一": "……", "六": said}
        assert check_a10(cells) == [], said
    cells.sections = {"一": "……", "六": "本机关无其他需要报告的事项。"}
    assert [f.rule for f in check_a10(cells)] == ["A10"]


def test_a_blank_total_beside_a_row_that_counts_something_is_a_warning(balanced):
    cells = balanced()
    cells["section3.granted.total"] = None
    [finding] = [f for f in check_cells(cells) if f.cells[0] == "section3.granted.total"]
    assert (finding.rule, finding.severity) == ("A3", "warning")
    assert "总计为空白" in finding.message
    cells["section4.review.total"] = None
    assert any(f.rule == "A5" and f.cells[0] == "section4.review.total" for f in check_cells(cells))
    blank_row = balanced()
    for col in blank_row.format.section3.columns:
        blank_row[f"section3.granted.{col.key}"] = None
    assert not [f for f in check_cells(blank_row) if "总计为空白" in f.message]
