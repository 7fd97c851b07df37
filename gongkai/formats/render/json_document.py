"""The report as JSON in the shape of docs/report-format.md, with the narrative under `sections` if given."""

from gongkai.formats.cells import ReportCells, dumps


def render_json(
    cells: ReportCells, narrative: dict[str, str] | None = None, contact: dict | None = None
) -> str:
    # contact is not part of the cells document; the shape stays the one every tool reads.
    return dumps(cells.to_dict(sections=narrative))
