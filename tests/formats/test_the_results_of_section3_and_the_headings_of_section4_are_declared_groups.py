"""§三's results （一）–（六） and §四's 行政复议 / 行政诉讼 are declared groups: the figures people name
(不予公开 N 件, 行政诉讼 N 件) are sums over a group's rows or blocks, found through the declaration."""

import pytest

from gongkai.formats import all_formats, get_format
from gongkai.formats.cells import ReportCells

RESULTS = [
    "（一）予以公开",
    "（二）部分公开",
    "（三）不予公开",
    "（四）无法提供",
    "（五）不予处理",
    "（六）其他处理",
]


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_the_six_results_are_the_groups_of_the_outcome_rows_in_the_tables_order(version):
    s3 = get_format(version).section3
    assert [group.title for group in s3.outcome_groups] == RESULTS
    assert [row for group in s3.outcome_groups for row in s3.rows_of(group)] == list(s3.outcome_rows)


ONE_ROW_RESULTS = {
    "2019": ["granted", "partially_granted", "other"],
    "2021": ["granted", "partially_granted"],
}


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_a_result_of_one_row_is_that_row_and_the_others_sit_under_their_title(version):
    s3 = get_format(version).section3
    one_row = []
    for group in s3.outcome_groups:
        rows = s3.rows_of(group)
        if [row.key for row in rows] == [group.key]:
            one_row.append(group.key)
            assert rows[0].label.startswith(group.title) and rows[0].subgroup is None
        else:
            assert all(row.subgroup == group.title for row in rows)
    assert one_row == ONE_ROW_RESULTS[version]


def test_the_2021_format_splits_other_into_three_rows_under_one_title():
    assert [r.key for r in get_format("2019").section3.rows_of("other")] == ["other"]
    assert [r.key for r in get_format("2021").section3.rows_of("other")] == [
        "other_no_correction",
        "other_unpaid_fee",
        "other_misc",
    ]
    assert get_format("2021").section3.outcome_group("other").name == "其他处理"


def test_litigation_is_the_group_of_the_two_lawsuit_blocks():
    for fmt in all_formats():
        s4 = fmt.section4
        assert [(g.key, g.title) for g in s4.groups] == [("review", "行政复议"), ("litigation", "行政诉讼")]
        assert [b.key for b in s4.blocks_of("litigation")] == ["litigation_direct", "litigation_after_review"]
        assert s4.block("litigation_after_review").heading == "行政诉讼（复议后起诉）"


def test_addresses_from_the_declaration_are_the_keys_of_report_format_md():
    fmt = get_format("2021")
    s3, s4 = fmt.section3, fmt.section4
    assert fmt.section2.block("art20_1").address("regulations", "made") == "section2.art20_1.regulations.made"
    assert s3.total("granted") == "section3.granted.total"
    assert s3.address(s3.row("other_misc"), s3.columns[0]) == "section3.other_misc.natural_person"
    assert s4.total(s4.block("review")) == "section4.review.total"
    # Every declared address is a path through the JSON document's nested keys, and every path is one.
    document = ReportCells.blank(fmt, "某机关", 2022).to_dict()
    paths = {
        ".".join((section, *keys))
        for section in ("section2", "section3", "section4")
        for keys in _leaves(document[section])
    }
    assert {place.address for place in fmt.places()} == paths


def _leaves(node, keys=()):
    if not isinstance(node, dict):
        yield keys
        return
    for key, child in node.items():
        yield from _leaves(child, (*keys, key))
