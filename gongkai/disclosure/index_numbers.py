"""Allocating 索引号: one counter row per agency and year, taken under a row lock.

On PostgreSQL select_for_update() serialises concurrent publishers on the counter row; on SQLite the
IMMEDIATE transaction mode (settings) already gives the writer the database lock at BEGIN.
"""

from django.db import transaction

from gongkai.agencies.sequences import next_in_sequence
from gongkai.disclosure.models import DisclosureSettings, IndexCounter, Item
from gongkai.rules.index_number import DEFAULT_PATTERN, format_index_number


def index_pattern(agency) -> str:
    settings = DisclosureSettings.objects.filter(agency=agency).first()
    return settings.index_pattern if settings else DEFAULT_PATTERN


def assign_index_number(item: Item, when) -> str:
    """Give `item` the next 索引号 of its agency for the year of `when`. Call inside a transaction."""
    if item.index_number:
        return item.index_number  # never changes once given
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("assign_index_number must run inside transaction.atomic()")
    item.index_year = when.year
    item.index_seq = next_in_sequence(IndexCounter, item.agency, when.year)
    item.index_number = format_index_number(
        index_pattern(item.agency),
        uscc=item.agency.uscc or "",
        year=when.year,
        month=when.month,
        seq=item.index_seq,
    )
    return item.index_number
