"""The embedded search index: tantivy (a Lucene-class engine in Rust), one directory per build.

Documents hold each public item's search words exactly as stored in `Item.search_tokens` (rjieba's
search-mode words joined by spaces, split again by tantivy's whitespace tokenizer), so the index and the
database find the same items for the same words. Besides the words, a document holds what the filters
and the order need: agency, category, publication time, publisher, validity, kind and the years in the
文号's brackets (gongkai.rules.document_number.document_years, one value per year), and `newest`, a
text key sorting like (published_at, pk) so that "newest first" is one fast-field sort that breaks ties
on the id as the database does.

Nothing is read from the index for display: it answers how many items match and which ids are on the
page; the page's rows come from the database, which has the last word on what is public.
"""

from dataclasses import dataclass
from pathlib import Path

import tantivy

from gongkai.rules.document_number import document_years
from gongkai.search.documents import IndexedItem, SearchFilters, newest_key

# Bumped when the fields change: an index of another version is rebuilt, never read.
SCHEMA_VERSION = 2
WRITER_HEAP_BYTES = 64_000_000
# A whole build writes fewer, larger segments (and merges less) with more room.
BUILD_HEAP_BYTES = 256_000_000


class IndexUnusable(Exception):
    """The index cannot answer (missing, from another version, damaged): search the database instead."""


def _failed(exc: BaseException) -> bool:
    # tantivy reports bad files as ValueError or OSError, and a Rust panic on a damaged file as
    # pyo3's PanicException, which derives from BaseException; interruptions are not the index's.
    return not isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit)


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("pk", indexed=True, fast=True)
    builder.add_text_field("words", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("newest", tokenizer_name="raw", fast=True, index_option="basic")
    builder.add_integer_field("published", indexed=True, fast=True)
    builder.add_unsigned_field("agency", indexed=True)
    builder.add_unsigned_field("category", indexed=True)
    for name in ("publisher", "validity", "kind"):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    builder.add_unsigned_field("document_year", indexed=True)
    return builder.build()


SCHEMA = build_schema()


def document(item: IndexedItem) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_unsigned("pk", item.pk)
    doc.add_text("words", item.tokens or "")
    doc.add_text("newest", item.newest_key)
    doc.add_integer("published", item.published_micros)
    doc.add_unsigned("agency", item.agency_id)
    doc.add_unsigned("category", item.category_id or 0)
    for name in ("publisher", "validity", "kind"):
        if value := getattr(item, name):
            doc.add_text(name, value)
    for year in sorted(document_years(item.document_number)):
        doc.add_unsigned("document_year", year)
    return doc


def create(path: Path) -> tantivy.Index:
    path.mkdir(parents=True)
    (path / "gongkai-schema").write_text(str(SCHEMA_VERSION))
    return tantivy.Index(SCHEMA, path=str(path), reuse=False)


_opened: dict[str, tantivy.Index] = {}
# Each open index's meta.json and how it looked when the index was last reloaded (see _reload).
_reloads: dict[int, list] = {}  # id of the index -> [path of meta.json, (inode, mtime, size) or None]


def _let_go(key: str) -> None:
    index = _opened.pop(key, None)
    if index is not None:
        _reloads.pop(id(index), None)


def _reload(index: tantivy.Index) -> None:
    """See the index's latest commit, if there is one this process has not seen yet.

    Every commit (the follower's, a merge's) replaces meta.json by renaming a new file over it, so an
    unchanged file means nothing to reload: a stat instead of reading and parsing the file on each search.
    The file is looked at before reloading, so a commit in between is seen again next time, never missed.
    """
    seen = _reloads.get(id(index))
    try:
        found = seen[0].stat() if seen is not None else None
    except OSError:
        found = None  # let tantivy say what is wrong
    stamp = (found.st_ino, found.st_mtime_ns, found.st_size) if found is not None else None
    if stamp is None or seen[1] != stamp:
        index.reload()
        if stamp is not None:
            seen[1] = stamp


def open_index(path: Path) -> tantivy.Index:
    """The index at `path`, kept open for the life of the process (tantivy maps its files)."""
    key = str(path)
    index = _opened.get(key)
    if index is None:
        try:
            if (path / "gongkai-schema").read_text().strip() != str(SCHEMA_VERSION):
                raise IndexUnusable(f"{path} 的索引版本不是 {SCHEMA_VERSION}")
            index = tantivy.Index.open(key)
            index.config_reader("manual")
        except BaseException as exc:
            if not _failed(exc):
                raise
            raise IndexUnusable(f"无法打开检索索引 {path}：{exc}") from exc
        # A server serves one build: letting go of the ones before it frees their mapped (deleted) files.
        for other in [name for name in _opened if Path(name).parent == path.parent]:
            _let_go(other)
        _opened[key] = index
        _reloads[id(index)] = [path / "meta.json", None]
    return index


def is_open(path: Path) -> bool:
    """Whether this process has the build at `path` open already."""
    return str(path) in _opened


def forget_opened(path: Path) -> None:
    _let_go(str(path))


@dataclass
class IndexPage:
    total: int
    ids: list[int]
    keyed: list[tuple[str, int]] | None = None  # (newest key, id) of each, when asked for


def _const(query: tantivy.Query) -> tantivy.Query:
    # Filters select; only the words weigh in the relevance score.
    return tantivy.Query.const_score_query(query, 0.0)


def build_query(words: list[str], filters: SearchFilters, excluded_ids) -> tantivy.Query:
    Occur, Query = tantivy.Occur, tantivy.Query
    clauses = [(Occur.Must, Query.term_query(SCHEMA, "words", word)) for word in words]
    if not clauses:
        clauses.append((Occur.Must, Query.all_query()))
    if filters.agency_ids is not None:
        clauses.append(
            (Occur.Must, _const(Query.term_set_query(SCHEMA, "agency", sorted(filters.agency_ids))))
        )
    if filters.category_ids is not None:
        ids = sorted(filters.category_ids)
        clauses.append((Occur.Must, _const(Query.term_set_query(SCHEMA, "category", ids))))
    if bounds := filters.year_micros():
        start, end = bounds
        published = Query.range_query(
            SCHEMA, "published", tantivy.FieldType.Integer, start, end, include_upper=end is None
        )
        clauses.append((Occur.Must, _const(published)))
    if bounds := filters.date_range_micros():
        start, end = bounds
        # An open end is the widest integer the field holds; both ends given are [start, end).
        published = Query.range_query(
            SCHEMA,
            "published",
            tantivy.FieldType.Integer,
            start if start is not None else -(2**63),
            end if end is not None else 2**63 - 1,
            include_upper=end is None,
        )
        clauses.append((Occur.Must, _const(published)))
    if filters.document_year:
        # A term set, as for pk: a single term with a Python int does not match an unsigned field.
        year = Query.term_set_query(SCHEMA, "document_year", [filters.document_year])
        clauses.append((Occur.Must, _const(year)))
    for name in ("publisher", "validity", "kind"):
        if value := getattr(filters, name):
            clauses.append((Occur.Must, _const(Query.term_query(SCHEMA, name, value))))
    if excluded_ids:
        clauses.append((Occur.MustNot, Query.term_set_query(SCHEMA, "pk", sorted(excluded_ids))))
    return Query.boolean_query(clauses)


# Matches read on each side of a page, so that a run of equal publication times crossing its edge is
# read whole; longer runs (a large batch published at one instant) are ordered by the text key instead.
TIE_MARGIN = 8


def _run_is_whole(rows: list[tuple[int, int]], at: int, step: int, open_end: bool) -> bool:
    """Whether the run of rows with the time of rows[at], walked in `step` direction, ends in the window
    (a different time follows it), or the window reaches the end of the matches (`open_end`)."""
    time, position = rows[at][0], at
    while 0 <= position < len(rows) and rows[position][0] == time:
        position += step
    return 0 <= position < len(rows) or open_end


def _newest_by_time(searcher, query, offset: int, limit: int) -> tuple[int, list[tuple[int, int]]] | None:
    """How many match, and (time, id) of the page from `offset` in the database's order — newest first,
    equal times by id, highest first — or None when a run of equal times is too long to see whole.

    Sorting on the integer publication time is several times faster than on the text key, but the index
    orders equal times arbitrarily. TIE_MARGIN matches are read on each side of the page: when the runs of
    equal times at the page's two ends are whole in that window, sorting the window by (time, id) puts
    the page in the database's order (runs cut at the window's edges keep their size, so no position on
    the page moves).
    """
    before = min(offset, TIE_MARGIN)
    wanted = before + limit + TIE_MARGIN
    result = searcher.search(query, wanted, count=True, order_by_field="published", offset=offset - before)
    # Each hit comes with the time it was sorted on; only the ids are read from the fast field.
    ids = searcher.fast_field_values("pk", [address for _, address in result.hits])
    rows = [(int(time), int(pk)) for (time, _), pk in zip(result.hits, ids, strict=True)]
    if len(rows) <= before:
        return result.count, []
    last = min(before + limit, len(rows)) - 1
    whole = _run_is_whole(rows, before, -1, open_end=offset == before) and _run_is_whole(
        rows, last, 1, open_end=len(rows) < wanted
    )
    if not whole:
        return None
    rows.sort(reverse=True)
    return result.count, rows[before : before + limit]


def search(
    index: tantivy.Index, query: tantivy.Query, *, newest: bool, offset: int, limit: int, keyed: bool = False
) -> IndexPage:
    """How many documents match, and the ids of `limit` of them from `offset`, newest or best first."""
    try:
        _reload(index)
        searcher = index.searcher()
        by_time = _newest_by_time(searcher, query, offset, limit) if newest else None
        if by_time is not None:
            total, rows = by_time
            page = IndexPage(total=total, ids=[pk for _, pk in rows])
            if keyed:
                page.keyed = [(newest_key(micros, pk), pk) for micros, pk in rows]
            return page
        if newest:
            result = searcher.search(query, limit, count=True, order_by_field="newest", offset=offset)
        else:
            result = searcher.search(query, limit, count=True, offset=offset)
        addresses = [address for _, address in result.hits]
        ids = [int(pk) for pk in searcher.fast_field_values("pk", addresses)]
        page = IndexPage(total=result.count, ids=ids)
        if keyed:
            published = searcher.fast_field_values("published", addresses)
            page.keyed = [
                (newest_key(int(micros), pk), pk) for micros, pk in zip(published, ids, strict=True)
            ]
    except BaseException as exc:
        if not _failed(exc):
            raise
        raise IndexUnusable(f"检索索引无法查询：{exc}") from exc
    return page


def writer(index: tantivy.Index, heap_bytes: int = WRITER_HEAP_BYTES) -> tantivy.IndexWriter:
    return index.writer(heap_size=heap_bytes, num_threads=1)


def replace(index: tantivy.Index, pks, items: list[IndexedItem]) -> None:
    """Remove the documents of `pks` and add `items` (the public ones among them) in their place, committed."""
    try:
        index_writer = writer(index)
        if pks:
            # By query: deleting by term with a Python int does not match the unsigned field.
            index_writer.delete_documents_by_query(tantivy.Query.term_set_query(SCHEMA, "pk", sorted(pks)))
        for item in items:
            index_writer.add_document(document(item))
        index_writer.commit()
        index_writer.wait_merging_threads()
    except BaseException as exc:
        if not _failed(exc):
            raise
        raise IndexUnusable(f"无法写入检索索引：{exc}") from exc
