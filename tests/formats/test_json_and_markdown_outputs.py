"""The JSON output is the cells document again; the Markdown output is GFM tables that stay rectangular."""

import json
from decimal import Decimal

import pytest

from gongkai.formats.cells import parse_cells_json
from gongkai.formats.render import RENDERERS, render
from gongkai.formats.render.markdown import render_markdown


def test_the_json_output_reads_back_to_the_same_cells_and_narrative(balanced):
    cells = balanced("2021")
    cells["section2.art20_8.fees.amount_wan"] = Decimal("190.457379")
    cells["section3.granted.social"] = None
    out = render("json", cells, {"一": "正文"}).decode("utf-8")
    again = parse_cells_json(out)
    assert again.values == cells.values
    assert again.sections == {"一": "正文"}
    assert json.loads(out)["section3"]["granted"]["social"] is None


def _gfm_tables(markdown: str) -> list[list[list[str]]]:
    tables, current = [], None
    for line in markdown.splitlines():
        if line.startswith("|---"):
            continue  # the header separator
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip()[1:-1].split("|")]
            if current is None:
                current = []
                tables.append(current)
            current.append(cells)
        else:
            current = None
    return tables


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_markdown_tables_are_rectangular_and_hold_every_row(balanced, version):
    cells = balanced(version)
    tables = _gfm_tables(render_markdown(cells))
    assert all(len({len(r) for r in t}) == 1 for t in tables)
    s3 = next(t for t in tables if "自然人" in t[0])
    assert len(s3) == 1 + len(cells.format.section3.rows)  # header, rows
    assert [row[2] for row in s3[1:]] == [r.label for r in cells.format.section3.rows]


def test_markdown_repeats_the_group_labels_on_each_row_they_cover(balanced):
    tables = _gfm_tables(render_markdown(balanced("2021")))
    s3 = next(t for t in tables if "自然人" in t[0])
    denied = [row for row in s3 if row[1] == "（三）不予公开"]
    assert len(denied) == 8
    assert {row[0] for row in denied} == {"三、本年度办理结果"}


def test_every_renderer_named_in_the_registry_produces_output(balanced):
    for name in RENDERERS:
        if name != "pdf":  # printed in its own test module; slow
            assert render(name, balanced("2019"))
