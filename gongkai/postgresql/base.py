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
(gongkai.readahead: a view's first statement, sent while the middleware runs). It goes in libpq's
pipeline mode, prepared in the same batch the first time on a connection, so it never waits for an
answer. Until the answer is read the connection can carry nothing else, so every way into it (a cursor,
the health check, a change of autocommit, a commit or rollback) reads the answer first and keeps it for
whoever asked; the statement is only sent outside a transaction, where nothing depends on it. Whenever
the answer is not there to take (the connection closed meanwhile, the server no longer knew the prepared
statement, reading it failed), the caller runs the statement itself.
"""

import re
import select
import weakref
from contextlib import suppress

from django.db.backends.postgresql import base
from psycopg import capabilities, errors, pq
from psycopg.adapt import PyFormat, Transformer
from psycopg.types.numeric import Int8

# Statements sent ahead are prepared under names of their own; psycopg keeps its own under other names.
AHEAD_PREFIX = "gongkai_ahead_"
_PLACEHOLDER = re.compile(r"%%|%s|%")
SENT, ANSWERED, LOST = "sent", "answered", "lost"


def _numbered(sql: str) -> str:
    """`sql` with Django's %s placeholders as PostgreSQL's $1, $2, … (and %% as %)."""
    count = 0

    def number(match: re.Match) -> str:
        nonlocal count
        if match.group() == "%%":
            return "%"
        if match.group() == "%":
            raise ValueError(f"预先发送的语句只能用 %s 占位：{sql}")
        count += 1
        return f"${count}"

    return _PLACEHOLDER.sub(number, sql)


class _Prepared:
    """The statements prepared on one connection, each under a name never used before on it: a name
    that may have been dropped (psycopg deallocates everything after a rollback) is not used again, so
    preparing anew can never meet an old statement of the same name."""

    def __init__(self):
        self.names: dict[tuple, bytes] = {}
        self.count = 0

    def new_name(self, key: tuple) -> bytes:
        self.count += 1
        name = self.names[key] = f"{AHEAD_PREFIX}{self.count}".encode()
        return name


# Per psycopg connection, not per Django wrapper: a pool keeps that object with its server session.
_prepared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _prepared_on(connection) -> _Prepared:
    kept = _prepared.get(connection)
    if kept is None:
        kept = _prepared[connection] = _Prepared()
    return kept


def _wait(pgconn, event: int) -> None:
    # poll(), not select(): a busy server process may hold more than 1,024 files.
    poller = select.poll()
    poller.register(pgconn.socket, event)
    poller.poll()


def _send(pgconn) -> None:
    while pgconn.flush():
        _wait(pgconn, select.POLLOUT)


def _next_result(pgconn):
    pgconn.consume_input()
    while pgconn.is_busy():
        _wait(pgconn, select.POLLIN)
        pgconn.consume_input()
    return pgconn.get_result()


def _pipeline_answers(pgconn, commands: int) -> list[list]:
    """The results of each of `commands` commands sent in pipeline mode, then the sync that ends them."""
    answers = []
    for _ in range(commands):
        results = []
        while (result := _next_result(pgconn)) is not None:
            results.append(result)
        answers.append(results)
    end = _next_result(pgconn)
    if end is None or end.status != pq.ExecStatus.PIPELINE_SYNC:
        raise errors.InterfaceError("管道模式下的结果与所发送的命令不符")
    return answers


class Ahead:
    """One statement sent ahead on a connection: its first row once read, or the error it ended in."""

    __slots__ = ("_db", "sql", "params", "_key", "_preparing", "_row", "_error", "_state")

    def __init__(self, db, sql: str, params: tuple, key: tuple, preparing: bool):
        self._db = weakref.ref(db)
        self.sql, self.params = sql, params
        self._key, self._preparing = key, preparing  # whether the batch prepares the statement first
        self._row, self._error, self._state = None, None, SENT

    def matches(self, sql: str, params) -> bool:
        """Whether this is `sql` with these very `params` (equal and of the same types: 1 is not True)."""
        params = tuple(params)
        return (
            sql == self.sql
            and params == self.params
            and tuple(map(type, params)) == tuple(map(type, self.params))
        )

    def collect(self) -> None:
        """Read the answer off the connection (waiting for it if it has not come yet) and keep it."""
        if self._state != SENT:
            return
        db = self._db()
        if db is None or db.ahead is not self or db.connection is None:
            self._state = LOST  # the connection was closed meanwhile, and the statement with it
            return
        connection = db.connection
        try:
            answers = _pipeline_answers(connection.pgconn, 2 if self._preparing else 1)
            connection.pgconn.exit_pipeline_mode()
        except BaseException as interrupted:
            # Half read: nobody may meet this connection again. The caller runs the statement itself, on
            # a new connection, and meets whatever went wrong there.
            self._state, db.ahead = LOST, None
            with suppress(Exception):
                db.close()
            if not isinstance(interrupted, Exception):
                raise
            return
        db.ahead = None
        self._state = ANSWERED
        results = answers[-1]
        status = results[0].status if results else pq.ExecStatus.PIPELINE_ABORTED
        if status in (pq.ExecStatus.TUPLES_OK, pq.ExecStatus.COMMAND_OK):
            if results[0].ntuples:
                loader = Transformer(connection)
                loader.set_pgresult(results[0])
                self._row = loader.load_row(0, tuple)
            return
        error = None
        if status == pq.ExecStatus.FATAL_ERROR:
            error = errors.error_from_result(results[0], encoding=connection.info.encoding)
        if error is None or isinstance(error, errors.InvalidSqlStatementName):
            # Not prepared (the batch's prepare failed, and the rest was skipped) or no longer known to
            # the server (deallocated since): prepared again next time, under a new name; this once the
            # caller runs the statement itself, and meets any error the prepare met.
            _prepared_on(connection).names.pop(self._key, None)
            self._state = LOST
        else:
            self._error = error

    def answered(self) -> bool:
        """Whether the answer is here; False when nothing was done, and the caller runs the statement."""
        self.collect()
        return self._state == ANSWERED

    def fetchone(self) -> tuple | None:
        """The statement's first row (None when it has none); its error, as Django's, if it failed."""
        if not self.answered():
            raise RuntimeError("预先发送的语句没有结果，应由调用者自己执行")
        if self._error is not None:
            db = self._db()
            if db is None:
                raise self._error
            with db.wrap_database_errors:  # as Django's own error classes
                raise self._error
        return self._row

    def discard(self) -> None:
        """Leave the connection free; the answer, if nobody read it, is dropped."""
        self.collect()


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
            poller = select.poll()
            poller.register(connection.fileno(), select.POLLIN)
            waiting = poller.poll(0)
        except (OSError, ValueError):
            return False
        return super().is_usable() if waiting else True

    # ##### A statement sent ahead #####

    def send_ahead(self, sql: str, params) -> Ahead | None:
        """Send `sql` with `params` (Django's %s placeholders) and return without waiting for the answer;
        None, and nothing sent, inside a transaction, while another statement is in flight, or when the
        statement cannot be sent. Whatever uses the connection next reads the answer first."""
        if self.in_atomic_block or self.ahead is not None or not capabilities.has_pipeline():
            return None
        self.close_if_health_check_failed()
        self.ensure_connection()
        connection = self.connection
        if not connection.autocommit or connection.info.transaction_status != pq.TransactionStatus.IDLE:
            return None
        params = tuple(params)
        try:
            # Integers as bigint, as gongkai.statements binds them: one statement whatever their size.
            values = [Int8(value) if type(value) is int else value for value in params]
            dumper = Transformer(connection)
            buffers = dumper.dump_sequence(values, [PyFormat.TEXT] * len(values))
            key = (sql, tuple(dumper.types))
            text = _numbered(sql).encode()
        except (errors.Error, ValueError, TypeError):
            return None  # a value PostgreSQL cannot take (a NUL in a text): the caller will say what
        prepared = _prepared_on(connection)
        name = prepared.names.get(key)
        preparing = name is None
        pgconn = connection.pgconn
        try:
            pgconn.enter_pipeline_mode()
            if preparing:
                name = prepared.new_name(key)
                pgconn.send_prepare(name, text, key[1])
            pgconn.send_query_prepared(name, buffers)
            pgconn.pipeline_sync()
            _send(pgconn)
        except BaseException:
            # Half sent: nobody may meet this connection again.
            with suppress(Exception):
                self.close()
            raise
        self.ahead = Ahead(self, sql, params, key, preparing)
        return self.ahead

    def _read_ahead(self) -> None:
        if self.ahead is not None:
            self.ahead.collect()

    def _forget_prepared(self) -> None:
        # psycopg deallocates every prepared statement after a rollback when it holds any of its own;
        # whether it did or not, the next statement is prepared anew under a name not used before.
        if self.connection is not None:
            _prepared_on(self.connection).names.clear()

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
        self._forget_prepared()
        return super()._rollback()

    def _savepoint_rollback(self, sid):
        self._forget_prepared()
        return super()._savepoint_rollback(sid)

    def _close(self):
        # Closing drops whatever is in flight; the statement's reader runs it again.
        self.ahead = None
        return super()._close()
