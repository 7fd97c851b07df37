"""Rows straight into a model's table: COPY on PostgreSQL, executemany on SQLite.

The ORM's bulk_create builds an instance per row and adapts every field; at millions of rows that is most
of the time. A `Table` instead takes the defaults of every column once, from a blank instance prepared as
the ORM would save it, and each row names only the columns that differ (in the ORM's attribute names).
Dates, datetimes and JSON are adapted per column the way Django's backend stores them, so what the ORM
reads back is what it would have written.
"""

import json
from datetime import date, datetime
from enum import Enum

from django.db import connection, models
from django.utils import timezone


def _adapter(field: models.Field):
    vendor = connection.vendor
    if isinstance(field, models.JSONField):
        return lambda value: None if value is None else json.dumps(value, ensure_ascii=False)
    if vendor == "sqlite" and isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if vendor == "sqlite" and isinstance(field, models.DateField):
        return lambda value: value.isoformat() if isinstance(value, date) else value
    return None


class Table:
    """Inserts into `model`'s table; `write(rows)` takes dicts of attname → Python value."""

    def __init__(self, model: type[models.Model], columns: list[str], with_pk: bool = False):
        self.model = model
        fields = [f for f in model._meta.concrete_fields if with_pk or not f.primary_key]
        by_attname = {f.attname: f for f in fields}
        unknown = set(columns) - set(by_attname)
        if unknown:
            raise KeyError(f"{model.__name__} 没有字段：{'、'.join(sorted(unknown))}")
        blank = model()
        now = timezone.now()
        self.fields = fields
        self.defaults = []
        for f in fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = now
            else:
                value = getattr(blank, f.attname)
            adapt = _adapter(f)
            self.defaults.append(adapt(value) if adapt and value is not None else self._prep(f, value))
        self.varying = [(fields.index(by_attname[c]), c, _adapter(by_attname[c])) for c in columns]
        self.sql_columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)

    @staticmethod
    def _prep(field, value):
        if isinstance(value, datetime | date) or value is None:
            return value
        return field.get_db_prep_save(value, connection)

    def _tuples(self, rows):
        for row in rows:
            values = list(self.defaults)
            for index, name, adapt in self.varying:
                if name in row:
                    value = row[name]
                    if isinstance(value, Enum):  # choices and StrEnums: the stored key, never the name
                        value = value.value
                    values[index] = adapt(value) if adapt is not None and value is not None else value
            yield values

    def write(self, rows: list[dict]) -> None:
        table = connection.ops.quote_name(self.model._meta.db_table)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                raw = cursor.cursor  # psycopg's own cursor: COPY is not part of the DB-API
                with raw.copy(f"COPY {table} ({self.sql_columns}) FROM STDIN") as copy:
                    for values in self._tuples(rows):
                        copy.write_row(values)
            else:
                marks = ", ".join(["%s"] * len(self.fields))
                cursor.executemany(
                    f"INSERT INTO {table} ({self.sql_columns}) VALUES ({marks})", self._tuples(rows)
                )


def reset_sequences(*models_) -> None:
    """After rows with explicit ids: let the next ORM insert continue after them (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return  # SQLite's AUTOINCREMENT already moved past the largest id
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(models_)):
            cursor.execute(statement)
