import pytest

from gongkai.calendar import workdays
from gongkai.calendar.models import CalendarDay, CalendarYear
from gongkai.calendar.seed import seed


@pytest.fixture(autouse=True)
def seeded_calendar(request):
    """The 2019–2026 table. The migration seeds it, but a transactional test elsewhere may have flushed
    the database, so seed again if needed; and start each test with an empty cache."""
    if request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        seed(CalendarYear, CalendarDay)
    workdays.invalidate()
    yield
    workdays.invalidate()


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run `gongkai …` with only the commands under test registered; returns (code, stdout, stderr)."""
    import gongkai.cli

    monkeypatch.setattr(gongkai.cli, "COMMAND_MODULES", ["gongkai.cli.calendar", "gongkai.cli.audit"])

    def run(*argv):
        code = gongkai.cli.main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
