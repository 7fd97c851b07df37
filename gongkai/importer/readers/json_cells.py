"""gongkai's own JSON (docs/report-format.md): the cells are already there, and are read like any other report.

The JSON is laid out as gongkai's Markdown report and read by the text reader, so its cells pass through
the same table reader, checks and provenance (line numbers of that layout) as every other file.
"""

from gongkai.formats.cells import CellsError, parse_cells_json
from gongkai.formats.render import render
from gongkai.importer.readers.text import read_text
from gongkai.importer.sniff import decode_text
from gongkai.importer.source import Source


def read_json(data: bytes) -> Source:
    decoded = decode_text(data)
    try:
        cells = parse_cells_json(decoded.text, "JSON 文件")
    except CellsError as e:
        raise ValueError(str(e)) from None
    laid_out = render("md", cells, dict(cells.sections)).decode("utf-8")
    source = read_text(laid_out, "md")
    source.kind, source.encoding = "json", decoded.encoding
    return source
