"""docs/report-format.md tells people (and the users of /api/) which key stands for which cell: its tables
must say what the declarations say, key for key and label for label, or a reader is misled."""

from pathlib import Path

import pytest

from gongkai.formats import get_format

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "report-format.md"


def lines() -> set[str]:
    return set(DOCUMENT.read_text(encoding="utf-8").splitlines())


def part(heading: str) -> str:
    text = DOCUMENT.read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.find("\n#", start + len(heading))
    return text[start : end if end != -1 else None]


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_every_section2_block_is_shown_with_its_caption_columns_and_rows(version):
    shown = set(part(f"### {version} 年格式").splitlines())
    for block in get_format(version).section2.blocks:
        columns = "；".join(f"`{c.key}` {c.label}" for c in block.columns)
        rows = "；".join(f"`{r.key}` {r.label}" for r in block.rows)
        assert f"| `{block.key}` | {block.caption} | {columns} | {rows} |" in shown


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_every_section3_row_and_column_is_shown_with_its_label(version):
    section3 = get_format(version).section3
    cells = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in part("## 4.").splitlines()
        if line.startswith("| `")
    ]
    for item in (*section3.rows, *section3.columns):
        assert [f"`{item.key}`", item.label] in [row[:2] for row in cells]


def test_every_section4_block_and_column_is_shown_with_its_label():
    section4 = get_format("2021").section4
    assert section4 == get_format("2019").section4
    shown = lines()
    for block in section4.blocks:
        heading = block.group + (f"（{block.subgroup}）" if block.subgroup else "")
        assert f"| `{block.key}` | {heading} |" in shown
    for column in section4.columns:
        assert f"| `{column.key}` | {column.label} |" in shown


def test_the_section_titles_are_the_declared_ones():
    shown = lines()
    for number, title in get_format("2021").section_titles:
        assert any(line.startswith(f"| {number} | {title}") for line in shown)
