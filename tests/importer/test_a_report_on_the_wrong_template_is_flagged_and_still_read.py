"""A 2021 report filled in on the 2019 tables (fixture 026, a mirror in traditional characters) is read on
the template it used, and flagged: the year called for the 2021 format."""

from gongkai.importer import parse_file
from tests.importer.support import FIXTURES


def test_the_2019_tables_of_a_2021_report_are_read_and_flagged():
    parsed = parse_file(FIXTURES / "026_lueyang_zrzy_2021.txt")
    assert parsed.year == 2021 and parsed.cells.format.version == "2019"
    [finding] = [f for f in parsed.findings if f.rule == "import.template"]
    assert finding.severity == "warning" and "2021" in finding.message and "2019" in finding.message
    # Read on the 2019 template: 行政許可 61 / 36 / 97 in the 2019 columns.
    assert [
        parsed.cells[f"section2.art20_5.licensing.{c}"] for c in ("prev_items", "change", "decisions")
    ] == [
        61,
        36,
        97,
    ]


def test_a_report_on_its_own_template_is_not_flagged():
    parsed = parse_file(FIXTURES / "047_longgang_bm_2024.txt")
    assert parsed.cells.format.version == "2021"
    assert not [f for f in parsed.findings if f.rule == "import.template"]
    assert parsed.format_scores["2021"] > parsed.format_scores["2019"] == 0
