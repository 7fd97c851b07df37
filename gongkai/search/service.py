"""Searching published 主动公开 items: words, 文号 and 索引号, with filters, ordering and highlighting.

Only items that are published and 主动公开 are ever returned; drafts, filed and withdrawn items are not
in the base query, whatever the filters say. Query text is segmented exactly like documents are
(gongkai.search.segment) and every word must match. A query that is itself a 索引号 or a 文号 puts that
item first.

Matches are counted and chosen by the embedded index (gongkai.search.engine) when this server has a
current one, otherwise by the database (gongkai.search.database); both give the same results. The index
may lag the database by the few items changed since its follower last ran (gongkai.search.outbox): those
are left out of the index's answer and judged from their rows in the database instead, and the page's
rows are read from the database with the public condition again, so a withdrawn item is never shown.
"""

import datetime
import logging
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q
from django.utils.safestring import SafeString

from gongkai.agencies.models import Agency
from gongkai.disclosure.models import CatalogueCategory, DisclosureAttribute, Item, ItemStatus
from gongkai.rules.document_number import normalise_document_number
from gongkai.search import engine, outbox
from gongkai.search.database import filtered_items, matching_ids
from gongkai.search.documents import SearchFilters, indexed_items, public_items
from gongkai.search.highlight import Marker
from gongkai.search.models import SearchNode, SearchOutbox
from gongkai.search.segment import html_to_text, words
from gongkai.statements import prepared_cursor

log = logging.getLogger(__name__)

PAGE_SIZE = 20
ORDERS = ("newest", "relevance")
__all__ = [
    "PAGE_SIZE",
    "Hit",
    "SearchResults",
    "category_subtree_ids",
    "public_items",
    "search_items",
]


# Plain slotted classes, not frozen ones: a frozen dataclass sets each field through object.__setattr__,
# which cost more than reading the rows for a page of twenty.
@dataclass(slots=True)
class ResultAgency:
    pk: int
    code: str
    name: str


@dataclass(slots=True)
class ResultItem:
    """What a result shows of an item, read for the page alone (never saved back)."""

    pk: int
    title: str
    summary: str
    published_at: datetime.datetime | None
    index_number: str | None
    document_number: str
    text_without_summary: str  # the body, only where there is no summary to quote
    agency: ResultAgency
    keywords: str = ""


@dataclass
class Hit:
    item: ResultItem
    title_html: SafeString
    summary_html: SafeString
    exact: bool  # the query was this item's 索引号 or 文号
    # Marked too: a search for part of a 文号 (乐政发) matches there and nowhere in the title.
    document_number_html: SafeString = SafeString("")
    index_number_html: SafeString = SafeString("")
    # Shown only when the words matched there and nowhere else on the result, so the reader sees why.
    keywords_html: SafeString = SafeString("")


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


def category_subtree_ids(category) -> set[int]:
    root = category.pk if isinstance(category, CatalogueCategory) else int(category)
    found, frontier = {root}, {root}
    while frontier:
        frontier = set(CatalogueCategory.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier -= found
        found |= frontier
    return found


def identifier_forms(text: str) -> tuple[set[str], set[str]]:
    """The query as a 索引号 may be stored, and as a 文号 may be (its corrected standard form included).
    Typed in full-width mode (２０２６, ／, －), a number is read as its ordinary characters too."""
    typed = {text, unicodedata.normalize("NFKC", text)}
    numbers = set(typed)
    for variant in typed:
        if normalised := normalise_document_number(variant):
            numbers.add(normalised)
    return typed, numbers


def identifier_ids(query: str, filters: SearchFilters) -> list[int]:
    """Items whose 索引号 or 文号 is exactly the query (a 文号 also in its corrected standard form), newest first.

    Only a query with a digit can be an identifier; plain words skip this look-up entirely.
    """
    text = query.strip()
    if not text or len(text) > 100 or not any(ch.isdigit() for ch in text):
        return []
    typed, numbers = identifier_forms(text)
    # Exact values, not iexact, so both unique/btree indexes serve the look-up.
    qs = filtered_items(filters).filter(
        Q(index_number__in=typed | {t.upper() for t in typed}) | Q(document_number__in=numbers)
    )
    return list(qs.order_by("-published_at", "-pk").values_list("pk", flat=True)[:PAGE_SIZE])


class IndexMatches(Sequence):
    """The ordered ids of every match as the paginator sees them: a length, and slices fetched on demand.

    The first page asked for is fetched at once (with the total), so a search is one index query when
    the page number is in range.
    """

    def __init__(self, fetch, offset: int, limit: int):
        self.fetch = fetch
        self.total, ids = fetch(offset, limit)
        self.fetched = (offset, offset + limit, ids)

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window):
        if not isinstance(window, slice):
            return self[window : window + 1][0]
        start = window.start or 0
        stop = min(self.total if window.stop is None else window.stop, self.total)
        if stop <= start:
            return []
        first, end, ids = self.fetched
        if not first <= start <= stop <= end:
            self.fetched = (start, stop, self.fetch(start, stop - start)[1])
            first, end, ids = self.fetched
        return ids[start - first : stop - first]


def _merge_newest(index_keyed: list[tuple[str, int]], pending) -> list[int]:
    keyed = index_keyed + [(item.newest_key, item.pk) for item in pending]
    return [pk for _, pk in sorted(keyed, reverse=True)]


def index_matches(
    state: outbox.NodeState, query, query_words, filters, exact_ids, order, page, page_size
) -> IndexMatches | None:
    """The matches as this server's index gives them in `state`, or None where it cannot answer."""
    if not state.usable:
        return None
    try:
        index = engine.open_index(outbox.build_path(state.token))
    except engine.IndexUnusable as exc:
        log.warning("%s", exc)
        return None
    exact = set(exact_ids)
    # Items changed since the index last applied its outbox are judged from the database alone.
    changed = indexed_items(state.pending) if state.pending else []
    newest = order != "relevance" or not query
    if query and not query_words:
        query_text, waiting = None, []  # nothing to match but identifiers
    else:
        query_text = engine.build_query(query_words, filters, exact | set(state.pending))
        waiting = [item for item in changed if item.pk not in exact and filters.admits(item, query_words)]
    if waiting and not newest:
        return None  # relevance scores of the index and of the database do not compare: one ranks all

    def rest(offset: int, limit: int) -> tuple[int, list[int]]:
        """Matches besides the identifiers, from `offset`: the index's merged with the waiting ones."""
        if query_text is None:
            return 0, []
        if not waiting:
            found = engine.search(index, query_text, newest=newest, offset=offset, limit=max(limit, 1))
            return found.total, found.ids[:limit]
        # The waiting items take their places among the index's newest; the page is cut after merging.
        found = engine.search(
            index, query_text, newest=True, offset=0, limit=max(offset + limit, 1), keyed=True
        )
        merged = _merge_newest(found.keyed, waiting)
        return found.total + len(waiting), merged[offset : offset + limit]

    def fetch(offset: int, limit: int) -> tuple[int, list[int]]:
        ids = exact_ids[offset : offset + limit]
        total, more = rest(max(0, offset - len(exact_ids)), limit - len(ids))
        return len(exact_ids) + total, ids + more

    try:
        return IndexMatches(fetch, (max(page, 1) - 1) * page_size, page_size)
    except engine.IndexUnusable as exc:
        log.warning("%s", exc)
        return None


def _requested_page(page) -> int:
    """The page to fetch first, before the total is known; the paginator corrects a page out of range."""
    try:
        number = int(page)
    except (TypeError, ValueError, OverflowError):
        return 1
    return number if 1 <= number <= 100_000 else 1


def _state_columns() -> str:
    node, waiting = SearchNode._meta.db_table, SearchOutbox._meta.db_table
    return f"""(SELECT n.index_token FROM {node} n WHERE n.name = %s),
        EXISTS (SELECT 1 FROM {waiting} o WHERE o.node_id = %s)"""


def _page_statement(count: int) -> str:
    return _page_statement_of(connection.vendor, count)


@lru_cache(maxsize=64)
def _page_statement_of(vendor: str, count: int) -> str:
    """The page's rows by id, with the public condition, each led by this node's build and whether changes
    wait for it (computed once).

    On PostgreSQL the ids are one array parameter, so every page is the same prepared statement with four
    parameters to send; SQLite, which binds no arrays, gets one placeholder per id."""
    if not count:
        return f"SELECT {_state_columns()}"
    item, agency = Item._meta.db_table, Agency._meta.db_table
    if vendor == "postgresql":
        # The time as UTC text, like SQLite's: psycopg turning each timestamptz into a zoned datetime cost
        # more than the rest of the row.
        published = "to_char(i.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
        chosen = "= ANY(%s::bigint[])"
    else:
        # As text: the column's declared type would run Django's converter on it first.
        published, chosen = "CAST(i.published_at AS TEXT)", f"IN ({', '.join(['%s'] * count)})"
    return f"""SELECT {_state_columns()}, i.id, i.title, i.summary, {published}, i.index_number,
            i.document_number, CASE WHEN i.summary = '' THEN i.body ELSE '' END, a.id, a.code, a.name,
            i.keywords
        FROM {item} i JOIN {agency} a ON a.id = i.agency_id
        WHERE i.id {chosen} AND i.status = %s AND i.attribute = %s"""


def _id_parameters(ids: list[int]) -> list:
    """The ids as `_page_statement` binds them: an array literal in one text parameter on PostgreSQL (a
    list of ints would be typed by its largest value, one prepared statement per type)."""
    if connection.vendor == "postgresql":
        return ["{" + ",".join(map(str, ids)) + "}"]
    return list(ids)


def _published(value: str | None) -> datetime.datetime | None:
    """The publication time from the statement's UTC text (datetime.replace costs four times as much as
    reading the offset with the text)."""
    if value is None:
        return None
    try:
        return datetime.datetime.fromisoformat(value + "+00:00")
    except ValueError:  # text that carries its own offset
        return datetime.datetime.fromisoformat(value).astimezone(datetime.UTC)


def _result_items(rows, ids: list[int]) -> list[ResultItem]:
    """The page's items from the statement's rows (after its two state columns), in the order of `ids`."""
    found, agencies = {}, {}
    for (
        _,
        _,
        pk,
        title,
        summary,
        published,
        index_number,
        document_number,
        text,
        agency_pk,
        code,
        name,
        keywords,
    ) in rows:
        agency = agencies.get(agency_pk)
        if agency is None:
            agency = agencies[agency_pk] = ResultAgency(agency_pk, code, name)
        found[pk] = ResultItem(
            pk, title, summary, _published(published), index_number, document_number, text, agency, keywords
        )
    return [found[pk] for pk in ids if pk in found]


def page_items_and_state(ids: list[int]) -> tuple[list[ResultItem], tuple[str, bool] | None]:
    """The page's items in the given order, read with the public condition again (the last word on it),
    and in the same statement this node's build and whether changes wait for it (None if the node is not
    registered, or none of the ids came back to carry it).

    Only what a result shows is read (the body only where there is no summary to quote).
    """
    node = outbox.node_name()
    if ids:
        params = [node, node, *_id_parameters(ids), ItemStatus.PUBLISHED, DisclosureAttribute.PROACTIVE]
    else:
        params = [node, node]
    with prepared_cursor() as cursor:
        cursor.execute(_page_statement(len(ids)), params)
        rows = cursor.fetchall()
    if not rows:
        return [], None
    items = _result_items(rows, ids) if ids else []
    return items, None if rows[0][0] is None else (rows[0][0], bool(rows[0][1]))


def page_items(ids: list[int]) -> list[ResultItem]:
    return page_items_and_state(ids)[0] if ids else []


def _index_page(state, query, query_words, filters, exact_ids, order, page, page_size):
    """The paginator and page the index gives in `state`, or None where it cannot answer."""
    matches = index_matches(
        state, query, query_words, filters, exact_ids, order, _requested_page(page), page_size
    )
    if matches is None:
        return None
    paginator = Paginator(matches, page_size)
    try:
        return paginator, paginator.get_page(page)
    except engine.IndexUnusable as exc:  # failed on a second window (a page out of range)
        log.warning("%s", exc)
        return None


def from_index(query, query_words, filters, exact_ids, order, page, page_size):
    """The paginator, page and the page's rows as this server's index answers, or None where it cannot.

    The node's state (its build, the changes waiting) must be known before the index is searched. Rather
    than a round trip of its own on every search, the state this process read last is assumed, and the
    current one comes back in the statement that reads the page's rows. When the two agree — nearly
    always — nothing changed that the index had not applied when it was searched, and the answer is the one
    reading the state first would have given; otherwise the search is made again with the state read first.
    """
    assumed = outbox.assumed_state()
    # Only a build this process has open: a newer one replaced the assumed build if its folder is gone.
    if assumed is not None and engine.is_open(outbox.build_path(assumed.token)):
        answer = _index_page(assumed, query, query_words, filters, exact_ids, order, page, page_size)
        if answer is not None:
            paginator, page_obj = answer
            rows, current = page_items_and_state(list(page_obj.object_list))
            if current == (assumed.token, False):
                return paginator, page_obj, rows
    state = outbox.node_state()
    answer = _index_page(state, query, query_words, filters, exact_ids, order, page, page_size)
    if answer is None:
        return None
    paginator, page_obj = answer
    return paginator, page_obj, page_items(list(page_obj.object_list))


def marked_words(query: str, query_words: list[str], identifier: bool) -> list[str]:
    """What a results page marks. A 文号 or 索引号 found as such is marked whole. Otherwise the query and
    its words, but a single character only when the query has no longer word: 乐政发 segments into 乐 and
    政发, and marking 乐 marked every 乐清市 in every title, as if that were what matched."""
    if not query:
        return query_words
    if identifier:
        typed, numbers = identifier_forms(query)
        return sorted(typed | numbers)
    longer = [word for word in query_words if len(word) > 1]
    return (longer or query_words) + [query.lower()]


def search_items(
    query: str = "",
    *,
    agencies=None,
    category=None,
    year=None,
    publisher=None,
    validity=None,
    kind=None,
    published_from=None,
    published_to=None,
    document_year=None,
    order: str = "newest",
    page=1,
    page_size: int = PAGE_SIZE,
    backend: str | None = None,
) -> SearchResults:
    query = (query or "").strip()
    order = order if order in ORDERS else "newest"
    filters = SearchFilters(
        agency_ids=None if agencies is None else frozenset(getattr(a, "pk", a) for a in agencies),
        category_ids=frozenset(category_subtree_ids(category)) if category else None,
        year=int(year) if year else None,
        publisher=publisher or "",
        validity=validity or "",
        kind=kind or "",
        published_from=published_from or None,
        published_to=published_to or None,
        document_year=int(document_year) if document_year else None,
    )
    filtered = bool(
        category or year or publisher or validity or kind or published_from or published_to or document_year
    )
    query_words = words(query)
    exact_ids = identifier_ids(query, filters) if query else []
    answer = None
    if (backend or settings.SEARCH_BACKEND) == "index":
        answer = from_index(query, query_words, filters, exact_ids, order, page, page_size)
    if answer is None:
        paginator = Paginator(matching_ids(query, query_words, filters, exact_ids, order), page_size)
        page_obj = paginator.get_page(page)
        rows = page_items(list(page_obj.object_list))
    else:
        paginator, page_obj, rows = answer
    marker = Marker(marked_words(query, query_words, bool(exact_ids)))
    hits = []
    for item in rows:
        summary = item.summary or html_to_text(item.text_without_summary)
        shows_why = marker.spans(item.keywords) and not marker.spans(item.title) and not marker.spans(summary)
        keywords_html = marker.highlight(item.keywords) if shows_why else SafeString("")
        hits.append(
            Hit(
                item=item,
                title_html=marker.highlight(item.title),
                summary_html=marker.snippet(summary),
                exact=item.pk in exact_ids,
                document_number_html=marker.highlight(item.document_number),
                index_number_html=marker.highlight(item.index_number or ""),
                keywords_html=keywords_html,
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
