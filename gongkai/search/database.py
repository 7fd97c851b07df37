"""Searching in the database itself: SQLite FTS5 or PostgreSQL's stored tsvector (gongkai.search.backends).

This is the whole search where no index serves (GONGKAI_SEARCH=database, or while the index is missing,
damaged or behind); the results are the same as the index gives (tests compare them).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from gongkai.disclosure.models import Item
from gongkai.rules.document_number import year_markers
from gongkai.search.backends import FTS_TABLE, search_vector
from gongkai.search.documents import SearchFilters, public_items


def fts5_query(query_words: list[str]) -> str:
    """An FTS5 MATCH expression requiring every word; each is quoted, so no word is read as syntax."""
    return " ".join('"{}"'.format(word.replace('"', '""')) for word in query_words)


def ts_query(query_words: list[str]) -> SearchQuery:
    combined = None
    for word in query_words:
        part = SearchQuery(word, config="simple", search_type="plain")
        combined = part if combined is None else combined & part
    return combined


def text_match(qs: QuerySet[Item], query_words: list[str]) -> tuple[QuerySet[Item], Q, object]:
    """The queryset prepared for matching, the match condition, and a relevance expression (lower = better)."""
    if connection.vendor == "postgresql":
        query = ts_query(query_words)
        # alias, not annotate: the stored vector is only matched (and ranked), never sent to Python.
        qs = qs.alias(search_vector=search_vector())
        # Normalisation 1 divides by the log of the length, so a long text mentioning a word once ranks
        # below a short one about it, as bm25 does on SQLite.
        return qs, Q(search_vector=query), -SearchRank(search_vector(), query, normalization=Value(1))
    match = fts5_query(query_words)
    condition = Q(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match]))
    # bm25() is negative, more negative for a better match.
    rank = RawSQL(
        f"SELECT bm25({FTS_TABLE}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid = {Item._meta.db_table}.id",
        [match],
    )
    return qs, condition, rank


def filtered_items(filters: SearchFilters) -> QuerySet[Item]:
    qs = public_items()
    if filters.agency_ids is not None:
        qs = qs.filter(agency_id__in=filters.agency_ids)
    if filters.category_ids is not None:
        qs = qs.filter(category_id__in=filters.category_ids)
    if filters.year:
        qs = qs.filter(published_at__year=filters.year)
    if bounds := filters.date_range():
        start, end = bounds
        if start is not None:
            qs = qs.filter(published_at__gte=start)
        if end is not None:
            qs = qs.filter(published_at__lt=end)
    if filters.document_year:
        written = Q()
        for marker in year_markers(filters.document_year):
            written |= Q(document_number__contains=marker)
        qs = qs.filter(written)
    for name in ("publisher", "validity", "kind"):
        if value := getattr(filters, name):
            qs = qs.filter(**{name: value})
    return qs


def matching_ids(
    query: str, query_words: list[str], filters: SearchFilters, exact_ids: list[int], order: str
):
    """The ids of every match in the order of the results (a lazy queryset, for the paginator)."""
    qs = filtered_items(filters)
    if not query:
        return qs.order_by("-published_at", "-pk").values_list("pk", flat=True)
    # Identifier matches were found in a query of their own, so this one stays a plain index scan (an
    # OR across columns would stop PostgreSQL from using the GIN index alone).
    condition = Q(pk__in=exact_ids) if exact_ids else None
    rank = None
    if query_words:
        qs, text_condition, rank = text_match(qs, query_words)
        condition = condition | text_condition if condition is not None else text_condition
    qs = qs.filter(condition) if condition is not None else qs.none()
    if exact_ids:
        exact_first = Case(
            When(pk__in=exact_ids, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    else:
        exact_first = Value(1, output_field=IntegerField())
    qs = qs.annotate(exact_first=exact_first)
    ordering = ["exact_first"]
    if order == "relevance" and rank is not None:
        qs = qs.annotate(rank=rank)
        ordering.append("rank")
    # Only ids are sorted and paged: sorting the whole rows (bodies included) of every match cost SQLite
    # more than the search itself for a common word.
    return qs.order_by(*ordering, "-published_at", "-pk").values_list("pk", flat=True)
