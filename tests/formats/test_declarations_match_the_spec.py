"""Every key and label of both formats, compared with the tables of the format specification the tests
read (conftest.SPEC), which docs/report-format.md restates."""

import re

import pytest

from gongkai.formats import all_formats, format_for_year, get_format
from gongkai.formats.declaration import Kind


def _part(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def _table_rows(part: str) -> list[list[str]]:
    rows = []
    for line in part.splitlines():
        if line.startswith("|") and not re.fullmatch(r"\|[-| ]+\|", line):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows[1:]  # without the header row


def _pairs(text: str) -> list[tuple[str, str | None]]:
    return [(k, v.strip() if v else None) for k, v in re.findall(r"`(\w+)`(?::\s*([^;]+))?", text)]


def _spec_section2(spec: str, version: str) -> list[tuple]:
    known = {}
    blocks = []
    for key, caption, columns, rows in _table_rows(_part(spec, f"## §二 — {version} format")):
        cols = []
        for k, label in _pairs(columns):
            known.setdefault(k, label)
            cols.append((k, label or known[k]))
        blocks.append((key.strip("`"), caption, cols, [(k, label) for k, label in _pairs(rows)]))
    return blocks


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_section2_blocks_captions_columns_and_rows_are_the_specs(spec_text, version):
    fmt = get_format(version)
    declared = [
        (b.key, b.caption, [(c.key, c.label) for c in b.columns], [(r.key, r.label) for r in b.rows])
        for b in fmt.section2.blocks
    ]
    assert declared == _spec_section2(spec_text, version)


def test_every_section2_block_starts_with_the_header_信息内容(spec_text):
    header = re.search(r"First column header of every block: (\S+?)\.", spec_text).group(1)
    assert all(f.section2.first_column_header == header for f in all_formats())


def test_only_change_is_signed_and_only_money_is_decimal():
    for fmt in all_formats():
        for address, column in fmt.cells():
            expected = {"change": Kind.SIGNED, "amount": Kind.AMOUNT, "amount_wan": Kind.AMOUNT}.get(
                column.key
            )
            if address.startswith("section2."):
                assert column.kind is (expected or Kind.COUNT), address
            else:
                assert column.kind is Kind.COUNT, address


def _spec_section3_rows(spec: str, version: str) -> list[tuple]:
    table = _table_rows(_part(spec, "## §三")[_part(spec, "## §三").index("Rows, in order") :])
    full_subgroups = {}
    parsed = []
    for key, label, group in table:
        only = "2019" if "2019 format only" in group else "2021" if "2021 only" in group else None
        group = re.sub(r"\*\*.*?\*\*", "", group).strip(" ,")
        if group.startswith("（") and "）" in group and not group.endswith("）"):
            full_subgroups[group[: group.index("）") + 1]] = group
        parsed.append((key.strip("`"), label, full_subgroups.get(group, group), only))
    # Rows from the first to the last that name group 三 all sit under 三、本年度办理结果.
    in_results = [i for i, (_, _, g, _) in enumerate(parsed) if g.startswith("三") or g.startswith("（")]
    results = next(g for _, _, g, _ in parsed if g.startswith("三、"))
    rows = []
    for i, (key, label, group, only) in enumerate(parsed):
        if only not in (None, version):
            continue
        inside = in_results[0] <= i <= in_results[-1]
        rows.append((key, label, results if inside else None, group if group.startswith("（") else None))
    return rows


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_section3_rows_and_their_group_labels_are_the_specs(spec_text, version):
    s3 = get_format(version).section3
    declared = [(r.key, r.label, r.group, r.subgroup) for r in s3.rows]
    assert declared == _spec_section3_rows(spec_text, version)


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_outcome_rows_are_those_from_granted_to_just_before_the_total(version):
    s3 = get_format(version).section3
    keys = [r.key for r in s3.rows]
    expected = keys[keys.index("granted") : keys.index("total")]
    assert [r.key for r in s3.outcome_rows] == expected


def test_section3_columns_note_and_header_are_the_specs(spec_text):
    part = _part(spec_text, "## §三")
    columns_part = part[part.index("Columns, in order") : part.index("Rows, in order")]
    spec_columns = [(k.strip("`"), label) for k, label in _table_rows(columns_part)]
    note = re.search(r"Header note in the top-left cell: (（[^\n]*）)\.", part).group(1)
    header = re.search(r"Header: (\S+) over (\S+) \| (\S+) \((\d+) sub-columns\) \| (\S+)\.", part)
    for fmt in all_formats():
        s3 = fmt.section3
        assert [(c.key, c.label) for c in s3.columns] == spec_columns
        assert s3.note == note
        assert s3.applicant_header == header.group(1)
        assert [c.label for c in s3.person_columns] == [header.group(2)]
        assert s3.organisation_header == header.group(3)
        assert len(s3.organisation_columns) == int(header.group(4))
        assert s3.total_column.label == header.group(5)


def test_section4_blocks_and_columns_are_the_specs(spec_text):
    part = " ".join(_part(spec_text, "## §四").split())
    blocks_text, columns_text = part.split("Columns of each block:")
    spec_blocks = []
    for key, names in re.findall(r"`(\w+)` ([^;`]+?)(?:;|\. |$)", blocks_text):
        group, _, subgroup = (n.strip() for n in names.partition(" / "))
        spec_blocks.append((key, group, subgroup or None))
    spec_columns = re.findall(r"`(\w+)` ([^,`.\s]+)", columns_text)
    for fmt in all_formats():
        assert [(b.key, b.group, b.subgroup) for b in fmt.section4.blocks] == spec_blocks
        assert [(c.key, c.label) for c in fmt.section4.columns] == spec_columns


def test_the_six_section_titles_are_the_specs(spec_text):
    rows = _table_rows(_part(spec_text, "## The six sections"))
    spec_titles = tuple((n, re.sub(r" \(.*\)$", "", title)) for n, title in rows)
    assert len(spec_titles) == 6
    for fmt in all_formats():
        assert fmt.section_titles == spec_titles


def test_the_report_year_picks_the_format_the_spec_names(spec_text):
    rows = _table_rows(spec_text[: spec_text.index("## The six sections")])
    checked = 0
    for years, version, _notice in rows:
        version = version.strip("`")
        listed = [int(y) for y in re.findall(r"\d{4}", years)]
        if "onward" in years:
            listed += range(listed[0], listed[0] + 10)
        for year in listed:
            assert format_for_year(year).version == version, year
            checked += 1
    assert checked >= 12


def test_a_year_before_any_format_is_an_error():
    with pytest.raises(ValueError, match="没有适用的"):
        format_for_year(2018)


def test_every_cell_address_is_unique_and_the_total_count_matches_the_tables():
    for fmt in all_formats():
        addresses = [a for a, _ in fmt.cells()]
        assert len(addresses) == len(set(addresses))
        s2 = sum(len(b.rows) * len(b.columns) for b in fmt.section2.blocks)
        assert len(addresses) == s2 + len(fmt.section3.rows) * 7 + 15
