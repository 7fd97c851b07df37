"""Renderers of a report: cells (+ optional narrative and contact) → html, docx, xlsx, pdf, json, md.

Each renderer module has one function `render_<name>(cells, narrative=None, contact=None)`; `render`
picks one by name and imports it only then, so that asking for JSON does not load WeasyPrint.
"""

import importlib

from gongkai.formats.cells import ReportCells

# name → (module, function, file suffix)
RENDERERS = {
    "html": ("gongkai.formats.render.html", "render_html", ".html"),
    "docx": ("gongkai.formats.render.word", "render_docx", ".docx"),
    "xlsx": ("gongkai.formats.render.excel", "render_xlsx", ".xlsx"),
    "pdf": ("gongkai.formats.render.pdf", "render_pdf", ".pdf"),
    "json": ("gongkai.formats.render.json_document", "render_json", ".json"),
    "md": ("gongkai.formats.render.markdown", "render_markdown", ".md"),
}
CHART_FORMATS = ("html", "pdf", "docx")


def render(
    name: str,
    cells: ReportCells,
    narrative: dict[str, str] | None = None,
    contact: dict | None = None,
    *,
    charts: dict | None = None,
) -> bytes:
    """The report in the named output format, as bytes ready to write to a file.

    `charts` maps a section number to its charts (gongkai.formats.render.charts.Chart), drawn after the
    section's table by the document formats (HTML, PDF, DOCX); the data formats leave them out.
    """
    module, function, _ = RENDERERS[name]
    renderer = getattr(importlib.import_module(module), function)
    if charts and name in CHART_FORMATS:
        out = renderer(cells, narrative, contact, charts=charts)
    else:
        out = renderer(cells, narrative, contact)
    return out.encode("utf-8") if isinstance(out, str) else out
