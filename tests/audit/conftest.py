import pytest
from django.db import connection

from gongkai import audit


@pytest.fixture
def chain():
    """Five entries by the system, about agency 7."""
    return [audit.record("test.step", agency=7, details={"step": i}) for i in range(1, 6)]


@pytest.fixture
def raw_sql():
    """Run SQL directly, bypassing the model's save/delete guards, as a tamperer with DB access would."""

    def run(sql, params=()):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    return run


@pytest.fixture
def cli(monkeypatch, capsys):
    import gongkai.cli

    monkeypatch.setattr(gongkai.cli, "COMMAND_MODULES", ["gongkai.cli.audit"])

    def run(*argv):
        code = gongkai.cli.main(list(argv))
        return code, capsys.readouterr().out

    return run
