"""A cursor for the few statements a page runs on every request, planned once per connection.

On PostgreSQL a short look-up spends about as long being planned as being run, and Django's cursors
bind parameters on the client, so the server plans the same statement again on every request. A
`prepared_cursor()` binds on the server and keeps each statement prepared for the life of the
connection (psycopg prepares it on first use), so later executions skip the planning. A statement is
kept per text and per parameter types, so both must stay the same from one request to the next: every
integer is bound as a bigint (psycopg would otherwise type each one by its size, smallint to bigint, and a
page of ids mixing small and large ones would be planned again almost every time). A list of ids bound as
one placeholder per id gives one statement per list length; bound as one array (`= ANY(%s::bigint[])`
with the ids as an array literal, as the search results page does) it gives one statement for all.
Errors come out as Django's database errors. On PostgreSQL each connection keeps one such cursor and
reuses it: making a psycopg cursor and Django's wrapper around it on every statement cost a third as much
as the round trip itself. Whenever Django is logging queries (DEBUG, a test counting them) or a caller
has put a wrapper around execution, statements go through Django's own cursor instead, so the log and
the wrappers see every one of them.

With a connection pooler in front of PostgreSQL, it must keep prepared statements per client
(PgBouncer 1.21 or later with max_prepared_statements set, or session pooling).

SQLite plans nothing over a network and keeps compiled statements per connection by their text; its
cursor here only remembers each statement's rewriting into SQLite's placeholders, which Django's cursor
redoes with a regular expression on every execution.

`send_ahead` sends a statement without waiting for its answer, and `fetchone` takes the answer when it
is the statement asked for (or runs it then): on PostgreSQL the database works while the caller goes on
(gongkai.readahead). Elsewhere, and whenever the statement could not be sent ahead, `fetchone` simply
runs it.

`model_from_row` makes a model instance of a row read that way, converting each value as the ORM would.
"""

import weakref
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connection, connections


def _prepared_class():
    import psycopg
    from psycopg.types.numeric import Int8

    class PreparedCursor(psycopg.Cursor):
        def execute(self, query, params=None, *, prepare=None, binary=None):
            if params is not None and not isinstance(params, dict):
                # type(), not isinstance: a bool is an int and must stay a boolean.
                params = [Int8(value) if type(value) is int else value for value in params]
            return super().execute(query, params, prepare=True, binary=binary)

    return PreparedCursor


def _sqlite_class():
    from django.db.backends.sqlite3.base import SQLiteCursorWrapper

    rewritten: dict[str, str] = {}

    class KeptStatementCursor(SQLiteCursorWrapper):
        def convert_query(self, query, *, param_names=None):
            if param_names is not None:
                return super().convert_query(query, param_names=param_names)
            converted = rewritten.get(query)
            if converted is None:
                if len(rewritten) >= KEPT_STATEMENTS:
                    rewritten.clear()  # only a caller building texts from data gets here
                converted = rewritten[query] = super().convert_query(query)
            return converted

    return KeptStatementCursor


_cursor_classes: dict[str, type] = {}
ONLY_WHEN_ASKED = 2**62
KEPT_STATEMENTS = 512


class KeptCursor:
    """A PostgreSQL connection's reused cursor, with Django's error classes and its check that a failed
    transaction is not used on (what Django's cursor wrapper adds besides logging)."""

    __slots__ = ("_db", "raw", "cursor", "busy")

    def __init__(self, db, cursor_class):
        # The Django connection only weakly: it is this cursor's key in _kept, which must not keep it alive.
        self._db, self.raw = weakref.ref(db), db.connection
        self.cursor = cursor_class(self.raw)
        self.busy = False

    def execute(self, sql, params=None):
        db = self._db()
        db.validate_no_broken_transaction()
        with db.wrap_database_errors:
            return self.cursor.execute(sql, params)

    def fetchone(self):
        with self._db().wrap_database_errors:
            return self.cursor.fetchone()

    def fetchall(self):
        with self._db().wrap_database_errors:
            return self.cursor.fetchall()


# Per Django connection object (one per thread); replaced when that object opens a new connection.
_kept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _cursor_class(vendor: str) -> type:
    cursor_class = _cursor_classes.get(vendor)
    if cursor_class is None:
        cursor_class = _cursor_classes[vendor] = (
            _prepared_class() if vendor == "postgresql" else _sqlite_class()
        )
    return cursor_class


@contextmanager
def prepared_cursor():
    # The connection is looked up once: each use of Django's `connection` proxy finds the thread's
    # connection again, which on a page's one statement added up to a tenth of its time.
    db = connections[DEFAULT_DB_ALIAS]
    vendor = db.vendor
    if vendor not in ("postgresql", "sqlite"):
        with db.cursor() as cursor:
            yield cursor
        return
    cursor_class = _cursor_class(vendor)
    db.close_if_health_check_failed()
    db.ensure_connection()
    db.validate_thread_sharing()
    if vendor == "postgresql":
        if db.connection.prepare_threshold is None:
            # Django opens psycopg connections with automatic preparation off (a threshold of None), and
            # psycopg then refuses even an explicit prepare=True: nothing was ever kept. A threshold no
            # statement reaches prepares only what this cursor asks for; Django's own cursors bind on
            # the client and are never prepared.
            db.connection.prepare_threshold = ONLY_WHEN_ASKED
        if not db.queries_logged and not db.execute_wrappers:
            kept = _kept.get(db)
            if kept is None or kept.raw is not db.connection:
                kept = _kept[db] = KeptCursor(db, cursor_class)
            # A statement run while another one's rows are still being read gets a cursor of its own.
            if not kept.busy:
                kept.busy = True
                try:
                    yield kept
                finally:
                    kept.busy = False
                return
        raw = cursor_class(db.connection)
    else:
        # SQLite's cursor is not kept: one left holding a statement would hold its read transaction too.
        raw = db.connection.cursor(factory=cursor_class)
    wrapped = db.make_debug_cursor(raw) if db.queries_logged else db.make_cursor(raw)
    with wrapped as cursor:
        yield cursor


def send_ahead(sql: str, params):
    """`sql` sent now, its answer read later by `fetchone` with the same text and parameters; None when
    nothing was sent: not PostgreSQL through gongkai's backend, inside a transaction, or while the query
    log or a wrapper must see every statement run (they would miss this one)."""
    db = connections[DEFAULT_DB_ALIAS]
    sender = getattr(db, "send_ahead", None)
    if sender is None or db.queries_logged or db.execute_wrappers:
        return None
    return sender(sql, params)


def fetchone(sql: str, params=None, ahead=None):
    """The first row of `sql` with `params`: the answer of `ahead` when that is this very statement and
    it ran, else from running it now."""
    if ahead is not None and ahead.matches(sql, params or ()) and ahead.answered():
        return ahead.fetchone()
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


_converters: dict = {}


def _field_converters(model, fields: tuple) -> tuple:
    """(fields, attribute names, [(position, column, converters)] of the fields that have any), kept per
    database, model and `fields` object: hashing every field of a wide row on each call cost as much as
    converting it."""
    key = (connection.vendor, model, id(fields))
    entry = _converters.get(key)
    if entry is None or entry[0] is not fields:  # an id can be reused once its tuple is gone
        converting = []
        for position, field in enumerate(fields):
            column = field.get_col(model._meta.db_table)
            functions = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            if functions:
                converting.append((position, column, functions))
        entry = (fields, [field.attname for field in fields], converting)
        _converters[key] = entry
    return entry


def model_from_row(model, fields: tuple, values):
    """An instance of `model` from the raw `values` of `fields` (in that order), the others deferred.

    The values go through the same converters the ORM applies (dates from SQLite's text, time zones,
    fields' own from_db_value), so the instance is the one a query through the ORM would have given.
    """
    _, names, converting = _field_converters(model, fields)
    if len(values) != len(names):
        raise ValueError(f"{len(values)} values for {len(names)} fields")
    converted = list(values)
    for position, column, functions in converting:
        value = converted[position]
        for function in functions:
            value = function(value, column, connection)
        converted[position] = value
    return model.from_db(connection.alias, names, converted)
