"""Text that a spreadsheet program would run: every CSV and XLSX gongkai writes goes through here.

A cell whose text begins with = + - @ (or a tab or carriage return, which some programs skip before
looking) is read by Excel, WPS and LibreOffice as a formula — an agency named
=HYPERLINK("https://…","点击") becomes a live link in a supervisor's download, and DDE formulas can run
programs. Such text is written with a leading apostrophe, which the programs show as plain text (the
OWASP advice on CSV injection). Numbers written as text (-2, +3.5) are left alone: they are data, and
no program runs them.

    writer = csv_writer(out)          # csv.writer whose rows are made safe
    defuse_workbook(workbook)         # before saving an openpyxl workbook: no formula survives
    safe_text(value)                  # one value
"""

import csv
import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_text(value):
    """`value` unchanged unless it is text a spreadsheet would read as a formula; then quoted."""
    if not isinstance(value, str) or not value.startswith(TRIGGERS):
        return value
    if value == "-" or PLAIN_NUMBER.fullmatch(value):  # a lone dash marks "none" in published tables
        return value
    return "'" + value


class SafeWriter:
    """csv.writer's writerow/writerows, each value through safe_text."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_text(v) for v in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(out, **options) -> SafeWriter:
    return SafeWriter(out, **options)


def defuse_workbook(workbook) -> None:
    """Make every text cell of every sheet safe; a cell openpyxl stored as a formula (text that began
    with =) becomes its text, quoted. gongkai writes no formula of its own."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    quoted = safe_text(cell.value)
                    if quoted is not cell.value:
                        cell.value = quoted


class ChunkReader:
    """An iterator of bytes seen as a file, so that FileResponse streams a CSV made a row at a time and still
    names the download itself (it writes the Content-Disposition only for what it can read())."""

    def __init__(self, chunks):
        self._chunks = iter(chunks)
        self._buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        if size < 0:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data
