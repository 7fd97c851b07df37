"""PDF tables as text extraction really gives them: without rules, headers wrapped over lines (“结果 / 维持”,
“总 / 计”), row labels wrapped with their numbers halfway between, group labels cut into pieces, rows with
blank cells. The words are placed by their coordinates: wrapped cells are joined, a row's numbers go under
the columns they stand under, a blank stays blank — and every cell reads back exactly."""

import pytest
from weasyprint import HTML

from gongkai.formats.render import render
from gongkai.importer import parse_bytes
from tests.importer.support import NARRATIVE, cell_sets

# Gongkai's report page with its table rules removed and its cells packed tight, as many agencies'
# PDFs come out of their word processors.
UNRULED = (
    "<style>table, td, th, tr {border: 0 !important; border-style: none !important}"
    " td, th {padding: 1px 2px !important}</style></head>"
)


def unruled_pdf(cells) -> bytes:
    page = render("html", cells, NARRATIVE).decode("utf-8").replace("</head>", UNRULED)
    return HTML(string=page).write_pdf()


def with_blanks(version):
    cells = cell_sets(version)["mixed"]
    for address in (
        "section4.review.pending",
        "section4.litigation_direct.other",
        "section3.granted.research",
        "section3.new_received.social",
    ):
        cells[address] = None
        cells.cell_text.pop(address, None)
    return cells


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_an_unruled_pdf_with_wrapped_headers_and_blank_cells_reads_back_exactly(version):
    cells = with_blanks(version)
    parsed = parse_bytes(unruled_pdf(cells), "report.pdf")
    assert parsed.unread == []
    assert {a: parsed.cells[a] for a in cells.values} == cells.values
    assert parsed.cells.cell_text == cells.cell_text
    assert parsed.findings == [] and parsed.extra_rows == []
    # The blanks were placed by where the other numbers stand, not by counting them.
    assert parsed.provenance["section4.review.pending"].how == "position"
    assert parsed.provenance["section3.granted.research"].how == "position"
    assert {n: t for n, t in parsed.cells.sections.items() if t} == NARRATIVE


def test_the_wrapped_section4_header_is_recognised_and_joined():
    from gongkai.importer.readers.pdf import read_pdf

    source = read_pdf(unruled_pdf(with_blanks("2021")))
    texts = {token.text for line in source.lines for token in line.tokens}
    assert {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"} <= texts
    assert "2.没有现成信息需要另行制作" in texts  # a row label wrapped over two lines, joined
