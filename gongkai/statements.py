"""A cursor for the few statements a page runs on every request, planned once per connection.

On PostgreSQL a short look-up spends about as long being planned as being run, and Django's cursors
bind parameters on the client, so the server plans the same statement again on every request. A
`prepared_cursor()` binds on the server and keeps each statement prepared for the life of the
connection (psycopg prepares it on first use), so later executions skip the planning. A statement is
kept per text and per parameter types, so both must stay the same from one request to the next: every
integer is bound as a bigint (psycopg would otherwise type each one by its size, smallint to bigint, and a
page of ids mixing small and large ones would be planned again almost every time), and a list of ids is
bound as one placeholder per id, giving one statement per list length. Queries still pass through
Django's cursor wrapper (errors, query logging in tests).

With a connection pooler in front of PostgreSQL, it must keep prepared statements per client
(PgBouncer 1.21 or later with max_prepared_statements set, or session pooling).

SQLite plans nothing over a network and caches its statements itself: the ordinary cursor is returned.

`model_from_row` makes a model instance of a row read that way, converting each value as the ORM would.
"""

from contextlib import contextmanager

from django.db import connection


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


_cursor_class = None
ONLY_WHEN_ASKED = 2**62


@contextmanager
def prepared_cursor():
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            yield cursor
        return
    global _cursor_class
    if _cursor_class is None:
        _cursor_class = _prepared_class()
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    if connection.connection.prepare_threshold is None:
        # Django opens psycopg connections with automatic preparation off (a threshold of None), and
        # psycopg then refuses even an explicit prepare=True: nothing was ever kept. A threshold no
        # statement reaches prepares only what this cursor asks for; Django's own cursors bind on the
        # client and are never prepared.
        connection.connection.prepare_threshold = ONLY_WHEN_ASKED
    raw = _cursor_class(connection.connection)
    wrapped = connection.make_debug_cursor(raw) if connection.queries_logged else connection.make_cursor(raw)
    with wrapped as cursor:
        yield cursor


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
