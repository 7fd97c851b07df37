"""Searching published 主动公开 items: words, 文号 and 索引号, with filters, ordering and highlighting.

Only items that are published and 主动公开 are ever returned; drafts, filed and withdrawn items are not
in the base query, whatever the filters say. Query text is segmented exactly like documents are
(gongkai.search.segment) and every word must match. A query that is itself a 索引号 or a 文号 puts that
item first.
"""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString

from gongkai.disclosure.models import CatalogueCategory, DisclosureAttribute, Item, ItemStatus
from gongkai.rules.document_number import normalise_document_number
from gongkai.search.backends import FTS_TABLE, search_vector
from gongkai.search.highlight import highlight, snippet
from gongkai.search.segment import html_to_text, words

PAGE_SIZE = 20
ORDERS = ("newest", "relevance")


@dataclass
class Hit:
    item: Item
    title_html: SafeString
    summary_html: SafeString
    exact: bool  # the query was this item's 索引号 or 文号


@dataclass
class SearchResults:
    query: str
    words: list[str]
    hits: list[Hit]
    total: int
    page: int
    num_pages: int
    order: str
    filtered: bool
    message: str = ""
    page_range: list[int] = field(default_factory=list)

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def public_items() -> QuerySet[Item]:
    """Every item the public may see in lists and search: published and 主动公开."""
    return Item.objects.filter(status=ItemStatus.PUBLISHED, attribute=DisclosureAttribute.PROACTIVE)


def category_subtree_ids(category) -> set[int]:
    root = category.pk if isinstance(category, CatalogueCategory) else int(category)
    found, frontier = {root}, {root}
    while frontier:
        frontier = set(CatalogueCategory.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier -= found
        found |= frontier
    return found


def fts5_query(query_words: list[str]) -> str:
    """An FTS5 MATCH expression requiring every word; each is quoted, so no word is read as syntax."""
    return " ".join('"{}"'.format(word.replace('"', '""')) for word in query_words)


def ts_query(query_words: list[str]) -> SearchQuery:
    combined = None
    for word in query_words:
        part = SearchQuery(word, config="simple", search_type="plain")
        combined = part if combined is None else combined & part
    return combined


def _text_match(qs: QuerySet[Item], query_words: list[str]) -> tuple[QuerySet[Item], Q, object]:
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


def identifier_condition(query: str) -> Q | None:
    """Items whose 索引号 or 文号 is exactly the query (a 文号 also in its corrected standard form).

    Only a query with a digit can be an identifier; plain words skip this look-up entirely.
    """
    text = query.strip()
    if not text or len(text) > 100 or not any(ch.isdigit() for ch in text):
        return None
    numbers = {text}
    if normalised := normalise_document_number(text):
        numbers.add(normalised)
    # Exact values, not iexact, so both unique/btree indexes serve the look-up.
    return Q(index_number__in={text, text.upper()}) | Q(document_number__in=numbers)


def search_items(
    query: str = "",
    *,
    agencies=None,
    category=None,
    year=None,
    publisher=None,
    validity=None,
    kind=None,
    order: str = "newest",
    page=1,
    page_size: int = PAGE_SIZE,
) -> SearchResults:
    query = (query or "").strip()
    order = order if order in ORDERS else "newest"
    qs = public_items()
    filtered = False
    if agencies is not None:
        qs = qs.filter(agency__in=agencies)
    if category:
        qs = qs.filter(category_id__in=category_subtree_ids(category))
        filtered = True
    if year:
        qs = qs.filter(published_at__year=int(year))
        filtered = True
    if publisher:
        qs = qs.filter(publisher=publisher)
        filtered = True
    if validity:
        qs = qs.filter(validity=validity)
        filtered = True
    if kind:
        qs = qs.filter(kind=kind)
        filtered = True

    query_words = words(query)
    rank = None
    exact_ids: list[int] = []
    if query:
        # Identifier matches are found first in a query of their own, so the word query below stays a
        # plain index scan (an OR across columns would stop PostgreSQL from using the GIN index alone).
        exact = identifier_condition(query)
        exact_ids = list(qs.filter(exact).values_list("pk", flat=True)[:PAGE_SIZE]) if exact else []
        condition = Q(pk__in=exact_ids) if exact_ids else None
        if query_words:
            qs, text_condition, rank = _text_match(qs, query_words)
            condition = condition | text_condition if condition is not None else text_condition
        qs = qs.filter(condition) if condition is not None else qs.none()
        if exact_ids:
            qs = qs.annotate(
                exact_first=Case(
                    When(pk__in=exact_ids, then=Value(0)), default=Value(1), output_field=IntegerField()
                )
            )
        else:
            qs = qs.annotate(exact_first=Value(1, output_field=IntegerField()))
        ordering = ["exact_first"]
        if order == "relevance" and rank is not None:
            qs = qs.annotate(rank=rank)
            ordering.append("rank")
        ordering += ["-published_at", "-pk"]
    else:
        ordering = ["-published_at", "-pk"]
    # The page is chosen on ids alone and only its rows are read: sorting the whole rows (bodies included)
    # of every match cost SQLite more than the search itself for a common word.
    paginator = Paginator(qs.order_by(*ordering).values_list("pk", flat=True), page_size)
    page_obj = paginator.get_page(page)
    page_ids = list(page_obj.object_list)
    rows = Item.objects.select_related("agency", "category").in_bulk(page_ids)
    marks = query_words + ([query.lower()] if query and query.lower() not in query_words else [])
    hits = []
    for item in (rows[pk] for pk in page_ids):
        summary = item.summary or html_to_text(item.body)
        hits.append(
            Hit(
                item=item,
                title_html=highlight(item.title, marks),
                summary_html=snippet(summary, marks),
                exact=item.pk in exact_ids,
            )
        )
    total = paginator.count
    message = ""
    if total == 0:
        message = f"没有找到与“{query}”相关的政府信息。" if query else "没有找到符合条件的政府信息。"
        message += "可以去掉部分筛选条件后重新检索。" if filtered else "请尝试更换或减少检索词。"
    return SearchResults(
        query=query,
        words=query_words,
        hits=hits,
        total=total,
        page=page_obj.number,
        num_pages=paginator.num_pages,
        order=order,
        filtered=filtered,
        message=message,
        page_range=list(paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)),
    )
