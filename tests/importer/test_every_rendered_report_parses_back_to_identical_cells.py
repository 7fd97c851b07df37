"""Round trip: every report gongkai renders — both formats, as HTML, Word, Excel, PDF, Markdown and JSON,
busy, all zero, or with decimals, negative changes, blanks and “/” — reads back to the very same cells and
text (Excel holds the tables only)."""

import pytest

from gongkai.formats.render import RENDERERS, render
from gongkai.importer import parse_bytes
from tests.importer.support import NARRATIVE, cell_sets

OUTPUTS = {name: f"report{suffix}" for name, (_, _, suffix) in RENDERERS.items()}
TABLES_ONLY = {"xlsx"}
CASES = [(v, s, o) for v in ("2019", "2021") for s in ("busy", "zeros", "mixed") for o in OUTPUTS]


@pytest.mark.parametrize(("version", "cell_set", "output"), CASES, ids=lambda x: str(x))
def test_the_rendered_report_reads_back_identically(version, cell_set, output):
    cells = cell_sets(version)[cell_set]
    document = render(output, cells, NARRATIVE, {"office": "办公室", "phone": "0577-61882068"})
    parsed = parse_bytes(document, OUTPUTS[output])
    assert (parsed.cells.agency, parsed.year, parsed.cells.format.version) == (
        cells.agency,
        cells.year,
        version,
    )
    differences = {a: (v, parsed.cells[a]) for a, v in cells.values.items() if parsed.cells[a] != v}
    assert differences == {}
    assert all(type(parsed.cells[a]) is type(v) for a, v in cells.values.items())
    assert parsed.cells.cell_text == cells.cell_text
    assert parsed.unread == [] and parsed.findings == []
    narrative = {} if output in TABLES_ONLY else NARRATIVE
    assert {n: t for n, t in parsed.cells.sections.items() if t} == narrative
