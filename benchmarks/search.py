"""Search through gongkai's service versus two peers doing the same work on the same data, in one run.

All three answer the same question for the portal's first result page: how many published 主动公开
items contain every word, and the 20 newest of them.

- gongkai: `search_items` — segmentation, the identifier look-up, this server's index (or the database
  when it has none), the outbox check, reading the page's rows from the database, highlighting.
- bare SQL: the same count and page straight from SQLite FTS5 / PostgreSQL's stored tsvector.
- tantivy: a Lucene-class engine on its own — an index of the same stored words (whitespace tokenizer),
  the publication time as a fast field to sort on, title and summary stored — answering count + 20
  newest with their stored fields. It is built here from the database, outside gongkai's code.

Every round the sides compared must report the same count, or the benchmark stops.

Each comparison is its own pass over the same queries, its two sides alternating which goes first. In
one rotation of all three, the bare SQL's scans (tens to hundreds of milliseconds over the whole table)
left the processor's caches cold for whichever side came next, which slowed gongkai's Python two to five
times and the Rust peer far less: the peer's figure then measured the bare query's after-effects as much
as either engine. docs/performance.md gives the figures of both arrangements.
"""

import random
import shutil
import statistics
import sys
import time
from functools import partial
from pathlib import Path

import tantivy
from django.conf import settings
from django.db import connection

from benchmarks.generate import SUBJECTS
from benchmarks.progress import Progress
from gongkai.search.backends import FTS_TABLE
from gongkai.search.database import fts5_query
from gongkai.search.documents import microseconds, public_items
from gongkai.search.segment import words
from gongkai.search.service import search_items

QUERIES = ["复议", "优待证", "通知", "财政", "养老服务", "行政处罚", "防汛", "慈善", "招生", "政策解读"]

SQLITE_COUNT = f"""SELECT count(*) FROM disclosure_item i JOIN {FTS_TABLE} f ON f.rowid = i.id
    WHERE {FTS_TABLE} MATCH %s AND i.status = 'published' AND i.attribute = 'proactive'"""
SQLITE_PAGE = f"""SELECT i.id, i.title, i.summary FROM disclosure_item i JOIN {FTS_TABLE} f ON f.rowid = i.id
    WHERE {FTS_TABLE} MATCH %s AND i.status = 'published' AND i.attribute = 'proactive'
    ORDER BY i.published_at DESC, i.id DESC LIMIT 20"""
PG_WHERE = """search_vector @@ {tsquery}
    AND status = 'published' AND attribute = 'proactive'"""
PEER_BATCH = 10_000


def pg_tsquery(query_words: list[str]) -> tuple[str, list[str]]:
    joined = " && ".join(["plainto_tsquery('simple'::regconfig, %s)"] * len(query_words))
    return f"({joined})", query_words


def bare(query: str) -> int:
    query_words = words(query)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            match = fts5_query(query_words)
            cursor.execute(SQLITE_COUNT, [match])
            total = cursor.fetchone()[0]
            cursor.execute(SQLITE_PAGE, [match])
        else:
            tsquery, params = pg_tsquery(query_words)
            where = PG_WHERE.format(tsquery=tsquery)
            cursor.execute(f"SELECT count(*) FROM disclosure_item WHERE {where}", params)
            total = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT id, title, summary FROM disclosure_item WHERE {where} "
                "ORDER BY published_at DESC, id DESC LIMIT 20",
                params,
            )
        cursor.fetchall()
    return total


class Peer:
    """The tantivy peer: its own index of the stored words, kept beside the benchmark database."""

    def __init__(self):
        self.path = Path(settings.DATA_DIR) / "tantivy-peer"
        builder = tantivy.SchemaBuilder()
        builder.add_unsigned_field("id", stored=True)
        builder.add_text_field("words", tokenizer_name="whitespace", index_option="freq")
        builder.add_integer_field("published", fast=True)
        builder.add_text_field("title", stored=True, index_option="basic")
        builder.add_text_field("summary", stored=True, index_option="basic")
        self.schema = builder.build()
        self.index = None

    def ensure(self, expected: int) -> float | None:
        """Open the peer's index, built afresh unless it holds `expected` documents; the build's seconds."""
        if self.path.exists():
            index = tantivy.Index.open(str(self.path))
            if index.searcher().num_docs == expected:
                self.index = index
                return None
            shutil.rmtree(self.path)
        self.path.mkdir(parents=True)
        started = time.perf_counter()
        index = tantivy.Index(self.schema, path=str(self.path))
        writer = index.writer(heap_size=256_000_000, num_threads=1)
        progress, last = Progress(expected, "tantivy 对照索引"), 0
        while True:
            rows = list(
                public_items()
                .filter(pk__gt=last)
                .order_by("pk")
                .values_list("pk", "search_tokens", "published_at", "title", "summary")[:PEER_BATCH]
            )
            if not rows:
                break
            for pk, tokens, published_at, title, summary in rows:
                doc = tantivy.Document()
                doc.add_unsigned("id", pk)
                doc.add_text("words", tokens)
                doc.add_integer("published", microseconds(published_at))
                doc.add_text("title", title)
                doc.add_text("summary", summary)
                writer.add_document(doc)
            last = rows[-1][0]
            progress.advance(len(rows))
        writer.commit()
        writer.wait_merging_threads()
        progress.finish()
        index.reload()
        self.index = index
        return time.perf_counter() - started

    def search(self, query: str) -> int:
        searcher = self.index.searcher()
        occur, schema = tantivy.Occur.Must, self.schema
        query = tantivy.Query.boolean_query(
            [(occur, tantivy.Query.term_query(schema, "words", word)) for word in words(query)]
        )
        result = searcher.search(query, 20, count=True, order_by_field="published")
        for _, address in result.hits:
            searcher.doc(address)  # id, title and summary, as the other sides read them
        return result.count


def through_service(query: str) -> int:
    results = search_items(query)
    for hit in results.hits:  # the highlighting is part of what a reader waits for
        str(hit.title_html), str(hit.summary_html)
    return results.total


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def in_turns(number: int, sides: dict, timings: dict[str, list[float]]) -> dict:
    """Each side of `sides` (name: function of no arguments) once, its milliseconds added to `timings`,
    the side that goes first moving on with the round's `number`: what each returned.

    Whichever runs first can leave the database's or the processor's caches ready for the next (the
    first to search a word reads its pages from disk), so no side may always be first."""
    names = list(sides)
    shift = number % len(names)
    answers = {}
    for name in names[shift:] + names[:shift]:
        t0 = time.perf_counter()
        answers[name] = sides[name]()
        timings[name].append((time.perf_counter() - t0) * 1000)
    return answers


def compare(rounds: list[str], sides: list[tuple[str, object]]) -> dict[str, list[float]]:
    """Milliseconds of each side on each round, the sides taking turns to go first."""
    for _, fn in sides:
        fn(rounds[0])  # warm the connection and the caches for every side alike
    timings = {name: [] for name, _ in sides}
    for number, query in enumerate(rounds):
        found = in_turns(number, {name: partial(fn, query) for name, fn in sides}, timings)
        assert len(set(found.values())) == 1, (query, found)  # the same question
    return timings


def run(context) -> list[dict]:
    peer = Peer()
    built = peer.ensure(public_items().count())
    if built is not None:
        print(f"建立 tantivy 对照索引 {built:.1f}s", file=sys.stderr)
    rng = random.Random(context.seed)
    queries = QUERIES + [rng.choice(SUBJECTS)[:4] for _ in range(10)]
    rounds = [rng.choice(queries) for _ in range(context.queries)]
    against_bare = compare(rounds, [("service", through_service), ("bare", bare)])
    against_peer = compare(rounds, [("service", through_service), ("peer", peer.search)])
    return [
        {
            "name": "全文检索 对 裸 SQL",
            "ours": percentiles(against_bare["service"]),
            "bare": percentiles(against_bare["bare"]),
        },
        {
            "name": "全文检索 对 tantivy",
            "ours": percentiles(against_peer["service"]),
            "bare": percentiles(against_peer["peer"]),
            "goal": {"at_most": 2.0, "of": ("p95",)},
        },
    ]
