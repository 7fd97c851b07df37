"""The annual-report formats as data, and what reads them: cells, checks, layouts, renderers.

Light on purpose: importing this package loads no renderer (WeasyPrint, python-docx, openpyxl).
"""

from gongkai.formats.registry import (
    all_formats,
    format_for_year,
    get_format,
    newest_format,
    section2_row_label,
)

__all__ = ["all_formats", "format_for_year", "get_format", "newest_format", "section2_row_label"]
