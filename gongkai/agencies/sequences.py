"""Per-agency, per-year sequence numbers (索引号, 受理编号, letter 文号) that are never given twice.

Each kind of number has a counter model with `agency`, `year` and `last` and a unique (agency, year).
The counter row is locked (select_for_update) while the next number is taken, so concurrent writers
queue on PostgreSQL; on SQLite the settings' IMMEDIATE transactions serialise writers anyway.
"""

from django.db import IntegrityError, transaction


def next_in_sequence(counter_model, agency, year: int) -> int:
    """Take the next number of `agency` in `year`; call inside the transaction that uses it."""
    with transaction.atomic():
        counter = counter_model.objects.select_for_update().filter(agency=agency, year=year).first()
        if counter is None:
            try:
                with transaction.atomic():
                    counter_model.objects.create(agency=agency, year=year)
            except IntegrityError:
                pass  # another writer created it first; lock theirs
            counter = counter_model.objects.select_for_update().get(agency=agency, year=year)
        counter.last += 1
        counter.save(update_fields=["last"])
    return counter.last
