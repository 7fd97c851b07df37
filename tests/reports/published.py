"""Published years for the report tests.

lock_year(agency, year): the agency's report on `year` published — as an imported version (no rendering,
so the many lock tests stay fast); the lock is the same whichever way a version was published.
fill_ledger(agency, year): the year's meeting and training in the work ledger, which §一 states.
"""

from datetime import date

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


def fill_ledger(agency, year: int) -> None:
    from gongkai.ledger.models import EntryKind
    from gongkai.ledger.services import record_entry

    common = {"source": "办公室台账"}
    record_entry(
        agency, kind=EntryKind.MEETING, date=date(year, 2, 1), title="领导小组会议", times=1, **common
    )
    record_entry(
        agency,
        kind=EntryKind.TRAINING,
        date=date(year, 4, 1),
        title="业务培训",
        times=1,
        participants=20,
        **common,
    )
