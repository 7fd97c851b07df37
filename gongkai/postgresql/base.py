"""Django's PostgreSQL backend, with a kept connection checked before each request without a query, and
a statement that can be sent before its answer is wanted.

Connections are kept between requests (CONN_MAX_AGE) and checked before reuse (CONN_HEALTH_CHECKS), so
that a restarted or failed-over server costs no reader an error page. Django checks by sending SELECT 1:
one more round trip on every request, as much as a kept portal page's own query.

A server that ends a session (a restart, pg_terminate_backend, an idle timeout) sends its reason and
closes the socket, and libpq marks a connection it found broken. So a connection that is open, idle,
not marked broken and has nothing waiting to be read is judged usable without asking; when anything is
waiting, Django's own check runs and reads it. A silently dropped network link is found by neither check
before the query itself; TCP keepalives are the remedy for that (docs/operator-guide.md).

`send_ahead` sends one statement and returns at once; the database runs it while the caller goes on
(gongkai.readahead: a view's first statement, sent while the middleware runs). Until its answer is read
the connection can carry nothing else, so every way into the connection (a cursor, the health check, a
change of autocommit, a commit or rollback) reads that answer first and keeps it for whoever asked; the
statement is only ever sent outside a transaction, where no other statement depends on it.
"""

import re
import select
import weakref

from django.db.backends.postgresql import base
from psycopg import errors, pq
from psycopg.adapt import PyFormat, Transformer
from psycopg.types.numeric import Int8

# Statements sent ahead, prepared once per connection under names of their own (psycopg keeps its own
# prepared statements under other names and never sees these).
AHEAD_PREFIX = "gongkai_ahead_"
_PLACEHOLDER = re.compile(r"%%|%s|%")


def _numbered(sql: str) -> str:
    """`sql` with Django's %s placeholders as PostgreSQL's $1, $2, … (and %% as %)."""
    count = 0

    def number(match: re.Match) -> str:
        nonlocal count
        if match.group() == "%%":
            return "%"
        if match.group() == "%":
            raise ValueError(f"未转义的 % 不能用于预先发送的语句：{sql}")
        count += 1
        return f"${count}"

    return _PLACEHOLDER.sub(number, sql)


class Ahead:
    """One statement sent ahead on a connection: its first row once read, or the error it ended in."""

    __slots__ = ("_db", "sql", "params", "_row", "_error", "_read", "_lost")

    def __init__(self, db, sql: str, params: tuple):
        self._db = weakref.ref(db)
        self.sql, self.params = sql, params
        self._row, self._error, self._read, self._lost = None, None, False, False

    def collect(self) -> None:
        """Read the answer off the connection (waiting for it if it has not come yet) and keep it."""
        if self._read:
            return
        self._read = True
        db = self._db()
        if db is None or db.ahead is not self:
            # The connection was closed meanwhile, and the statement with it: the caller runs it again.
            self._lost = True
            return
        db.ahead = None
        try:
            results = _answers(db.connection.pgconn)
            for result in results:
                if result.status == pq.ExecStatus.FATAL_ERROR:
                    raise errors.error_from_result(result, encoding=db.connection.info.encoding)
            rows = results[0] if results else None
            if rows is not None and rows.ntuples:
                loader = Transformer(db.connection)
                loader.set_pgresult(rows)
                self._row = loader.load_row(0, tuple)
        except errors.InvalidSqlStatementName:
            # The server forgot what this connection prepared (DISCARD ALL, a pooler between sessions):
            # prepare again next time; this once the caller runs the statement itself.
            db._ahead_names = None
            self._lost = True
        except Exception as error:  # kept for fetchone(): whoever reads the connection next is not to blame
            self._error = error

    def answered(self) -> bool:
        """Whether the answer is here (False when the connection closed or the server no longer knew the
        statement: nothing was done, and the caller runs the statement itself)."""
        self.collect()
        return not self._lost

    def fetchone(self) -> tuple | None:
        """The statement's first row (None when it has none); its error, as Django's, if it failed."""
        self.collect()
        if self._error is not None:
            db = self._db()
            if db is None or not isinstance(self._error, errors.Error):
                raise self._error
            with db.wrap_database_errors:  # as Django's own error classes
                raise self._error
        return self._row

    def discard(self) -> None:
        """Leave the connection free; the answer, if nobody read it, is dropped."""
        self.collect()


def _wait(pgconn, *, writing: bool) -> None:
    if writing:
        select.select([], [pgconn.socket], [])
    else:
        select.select([pgconn.socket], [], [])


def _send(pgconn) -> None:
    while pgconn.flush():
        _wait(pgconn, writing=True)


def _answers(pgconn) -> list:
    """Every result of the command in flight, until libpq says it is complete."""
    results = []
    while True:
        pgconn.consume_input()
        while pgconn.is_busy():
            _wait(pgconn, writing=False)
            pgconn.consume_input()
        result = pgconn.get_result()
        if result is None:
            return results
        results.append(result)


class DatabaseWrapper(base.DatabaseWrapper):
    ahead: Ahead | None = None

    # ##### The health check #####

    def is_usable(self) -> bool:
        self._read_ahead()
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if connection.info.transaction_status != pq.TransactionStatus.IDLE:
            return super().is_usable()
        try:
            waiting, _, _ = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return super().is_usable() if waiting else True

    # ##### A statement sent ahead #####

    def send_ahead(self, sql: str, params) -> Ahead | None:
        """Send `sql` with `params` (Django's %s placeholders) and return without waiting for the answer;
        None, and nothing sent, inside a transaction or while another statement is in flight. Whatever
        uses the connection next reads the answer first."""
        if self.in_atomic_block or self.ahead is not None:
            return None
        self.close_if_health_check_failed()
        self.ensure_connection()
        connection = self.connection
        if not connection.autocommit or connection.info.transaction_status != pq.TransactionStatus.IDLE:
            return None
        # Integers as bigint, as gongkai.statements binds them: one prepared statement whatever their size.
        values = tuple(Int8(value) if type(value) is int else value for value in params)
        dumper = Transformer(connection)
        buffers = dumper.dump_sequence(values, [PyFormat.TEXT] * len(values))
        pgconn = connection.pgconn
        with self.wrap_database_errors:
            name = self._ahead_statement(connection, sql, tuple(dumper.types))
            pgconn.send_query_prepared(name, buffers)
            _send(pgconn)
        self.ahead = Ahead(self, sql, tuple(params))
        return self.ahead

    def _ahead_statement(self, connection, sql: str, types: tuple) -> bytes:
        """The name `sql` is prepared under on this connection, preparing it the first time."""
        kept = getattr(self, "_ahead_names", None)
        if kept is None or kept[0] is not connection:
            kept = self._ahead_names = (connection, {})
        names = kept[1]
        name = names.get((sql, types))
        if name is None:
            name = f"{AHEAD_PREFIX}{len(names)}".encode()
            pgconn = connection.pgconn
            pgconn.send_prepare(name, _numbered(sql).encode(), types)
            _send(pgconn)
            for result in _answers(pgconn):
                if result.status == pq.ExecStatus.FATAL_ERROR:
                    raise errors.error_from_result(result, encoding=connection.info.encoding)
            names[(sql, types)] = name
        return name

    def _read_ahead(self) -> None:
        if self.ahead is not None:
            self.ahead.collect()

    # ##### Every other way into the connection reads a statement sent ahead first #####

    def ensure_connection(self):
        self._read_ahead()
        super().ensure_connection()

    def close_if_health_check_failed(self):
        self._read_ahead()
        super().close_if_health_check_failed()

    def _commit(self):
        self._read_ahead()
        return super()._commit()

    def _rollback(self):
        self._read_ahead()
        return super()._rollback()

    def _close(self):
        # Closing drops whatever is in flight; the statement's reader is told the connection went.
        self.ahead = None
        self._ahead_names = None
        return super()._close()
