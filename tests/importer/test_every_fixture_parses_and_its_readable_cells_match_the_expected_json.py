"""Every published report among the fixtures parses without an exception, says what it could not
read and why, and the cells it reads are what a careful reader sees (the fixture's expected JSON)."""

import json

import pytest

from gongkai.importer import parse_file
from tests.importer.support import (
    BLANK,
    as_value,
    expected_cells,
    expected_files,
    expected_format,
    fixture_reports,
    report_of,
)


@pytest.mark.parametrize("path", fixture_reports(), ids=lambda p: p.stem)
def test_every_fixture_parses_and_accounts_for_every_cell(path):
    parsed = parse_file(path)
    unread = parsed.unread_cells
    assert set(unread) | set(parsed.provenance) == set(parsed.cells.values)
    assert set(unread).isdisjoint(parsed.provenance)
    assert all(entry.reason for entry in parsed.unread)
    for address in unread:
        assert parsed.cells[address] is None, address  # never a guessed 0
    assert parsed.cells.agency and parsed.year


@pytest.mark.parametrize("expected_path", expected_files(), ids=lambda p: p.stem)
def test_the_readable_cells_match_the_expected_json(expected_path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    parsed = parse_file(report_of(expected_path))
    assert parsed.cells.format.version == expected_format(expected)
    wanted, _ = expected_cells(expected)
    columns = dict(parsed.cells.format.cells())
    unread = set(parsed.unread_cells)
    for address, text in wanted.items():
        value = parsed.cells[address]
        if text is None:
            assert value is None and address in unread, f"{address}: read {value!r}, expected unread"
        elif text == BLANK:
            assert value is None and address in parsed.provenance, address
            assert address not in parsed.cells.cell_text, address
        elif str(text) in ("/", "—"):
            assert value is None and parsed.cells.cell_text[address] == text, address
        else:
            assert address in parsed.provenance, address
            read = parsed.provenance[address]
            assert str(read.text).replace(" ", "") == str(text), address
            assert value == as_value(text, columns[address].kind), address
