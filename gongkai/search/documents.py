"""What a search reads of an item, and the filters a reader may set, the same for every backend.

The index holds one IndexedItem per public item. The same values, read from the database, decide
whether an item the index has not caught up with yet belongs to a result (SearchFilters.admits), so an
item changed a moment ago is found exactly as the index will find it once it has applied the change.
"""

import calendar
import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Max, Min, QuerySet
from django.utils import timezone

from gongkai.disclosure.models import DisclosureAttribute, Item, ItemStatus
from gongkai.rules.document_number import document_years

# The item columns the index holds; the outbox triggers watch the same columns (gongkai.search.triggers).
INDEXED_FIELDS = (
    "pk",
    "search_tokens",
    "published_at",
    "agency_id",
    "category_id",
    "publisher",
    "validity",
    "kind",
    "document_number",
)


def public_items() -> QuerySet[Item]:
    """Every item the public may see in lists and search: published and 主动公开."""
    return Item.objects.filter(status=ItemStatus.PUBLISHED, attribute=DisclosureAttribute.PROACTIVE)


@dataclass(frozen=True)
class IndexedItem:
    pk: int
    tokens: str
    published_at: datetime.datetime | None
    agency_id: int
    category_id: int | None
    publisher: str
    validity: str
    kind: str
    document_number: str

    @property
    def published_micros(self) -> int:
        return microseconds(self.published_at) if self.published_at else 0

    @property
    def newest_key(self) -> str:
        """Sorts like (published_at, pk): newest first is this key descending, as the database orders."""
        return newest_key(self.published_micros, self.pk)


def newest_key(published_micros: int, pk: int) -> str:
    # Fixed-width digits compare as text exactly as the numbers do.
    return f"{max(published_micros, 0):018d}{pk:020d}"


def microseconds(moment: datetime.datetime) -> int:
    """Microseconds since 1970 (UTC) of an aware time, exactly (a float timestamp would round them)."""
    return calendar.timegm(moment.utctimetuple()) * 1_000_000 + moment.microsecond


def _indexed(row: tuple) -> IndexedItem:
    return IndexedItem(*row)


def indexed_items(pks) -> list[IndexedItem]:
    """The public items among `pks`, as the index holds them (a missing pk is not public, or gone)."""
    return [_indexed(row) for row in public_items().filter(pk__in=list(pks)).values_list(*INDEXED_FIELDS)]


def all_indexed_items(batch: int = 5_000) -> Iterator[list[IndexedItem]]:
    """Every public item, in batches in the order of their ids (each batch a short query of its own).

    Batches are windows of ids, and the statement names nothing but the window: whether an item is
    public is decided here. On a table never analysed, PostgreSQL planned "public, id > last, ORDER BY id
    LIMIT N" as a scan of millions of rows for every batch, and later a window with the public condition
    as a walk through the whole partial index of public items.
    """
    bounds = Item.objects.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return
    public = (ItemStatus.PUBLISHED, DisclosureAttribute.PROACTIVE)
    for start in range(bounds["low"] - 1, bounds["high"], batch):
        rows = (
            Item.objects.filter(pk__gt=start, pk__lte=start + batch)
            .order_by("pk")
            .values_list("status", "attribute", *INDEXED_FIELDS)
        )
        if items := [_indexed(row[2:]) for row in rows if row[:2] == public]:
            yield items


@dataclass(frozen=True)
class SearchFilters:
    """The reader's conditions besides the words; an empty field sets no condition."""

    agency_ids: frozenset[int] | None = None
    category_ids: frozenset[int] | None = None
    year: int | None = None
    publisher: str = ""
    validity: str = ""
    kind: str = ""
    published_from: datetime.date | None = None  # 发布日期 on or after
    published_to: datetime.date | None = None  # 发布日期 on or before
    document_year: int | None = None  # the year in the 文号's brackets

    def year_micros(self) -> tuple[int, int | None] | None:
        """[first, end) of the year in the site's time zone, as the database's __year lookup reads it."""
        if not self.year:
            return None
        zone = timezone.get_current_timezone()
        start = microseconds(timezone.make_aware(datetime.datetime(self.year, 1, 1), zone))
        if self.year >= datetime.MAXYEAR:
            return start, None
        return start, microseconds(timezone.make_aware(datetime.datetime(self.year + 1, 1, 1), zone))

    def date_range(self) -> tuple[datetime.datetime | None, datetime.datetime | None] | None:
        """[start, end) of the chosen 发布日期 range as aware times (whole days in the site's time zone)."""
        if not (self.published_from or self.published_to):
            return None
        zone = timezone.get_current_timezone()

        def midnight(day: datetime.date) -> datetime.datetime:
            return timezone.make_aware(datetime.datetime(day.year, day.month, day.day), zone)

        start = midnight(self.published_from) if self.published_from else None
        end = None
        if self.published_to and self.published_to < datetime.date.max:
            end = midnight(self.published_to + datetime.timedelta(days=1))
        return start, end

    def date_range_micros(self) -> tuple[int | None, int | None] | None:
        bounds = self.date_range()
        if bounds is None:
            return None
        start, end = bounds
        return (microseconds(start) if start else None, microseconds(end) if end else None)

    def admits(self, item: IndexedItem, words: list[str]) -> bool:
        """Whether the index would return `item` for these words and filters."""
        if words and not set(words) <= set(item.tokens.split()):
            return False
        if self.agency_ids is not None and item.agency_id not in self.agency_ids:
            return False
        if self.category_ids is not None and item.category_id not in self.category_ids:
            return False
        if bounds := self.year_micros():
            start, end = bounds
            if item.published_at is None or item.published_micros < start:
                return False
            if end is not None and item.published_micros >= end:
                return False
        if bounds := self.date_range_micros():
            start, end = bounds
            if item.published_at is None:
                return False
            if start is not None and item.published_micros < start:
                return False
            if end is not None and item.published_micros >= end:
                return False
        if self.document_year and self.document_year not in document_years(item.document_number):
            return False
        return all(
            not wanted or actual == wanted
            for wanted, actual in (
                (self.publisher, item.publisher),
                (self.validity, item.validity),
                (self.kind, item.kind),
            )
        )
