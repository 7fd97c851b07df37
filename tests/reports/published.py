"""Published years for the report tests.

lock_year(agency, year): the agency's report on `year` published — as an imported version (no rendering,
so the many lock tests stay fast); the lock is the same whichever way a version was published.
"""

from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells, dumps
from gongkai.reports.services import store_imported


def lock_year(agency, year: int):
    import json

    cells = ReportCells.blank(format_for_year(year), agency.name, year)
    return store_imported(
        agency,
        year,
        cells=json.loads(dumps(cells.to_dict())),
        source_name="测试.pdf",
        source=b"%PDF-1.4 test",
    )
