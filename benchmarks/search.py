"""Search through gongkai's service versus the bare full-text SQL on the same data.

Both sides answer the same question for the portal's first result page: how many published 主动公开
items contain every word, and the 20 newest of them. The service adds segmentation, the identifier
look-up, the ORM, select_related and highlighting; the ratio shows what that costs.
"""

import random
import statistics
import time

from django.db import connection

from benchmarks.generate import SUBJECTS
from gongkai.search.backends import FTS_TABLE
from gongkai.search.segment import words
from gongkai.search.service import fts5_query, search_items

QUERIES = ["复议", "优待证", "通知", "财政", "养老服务", "行政处罚", "防汛", "慈善", "招生", "政策解读"]

SQLITE_COUNT = f"""SELECT count(*) FROM disclosure_item i JOIN {FTS_TABLE} f ON f.rowid = i.id
    WHERE {FTS_TABLE} MATCH %s AND i.status = 'published' AND i.attribute = 'proactive'"""
SQLITE_PAGE = f"""SELECT i.id, i.title, i.summary FROM disclosure_item i JOIN {FTS_TABLE} f ON f.rowid = i.id
    WHERE {FTS_TABLE} MATCH %s AND i.status = 'published' AND i.attribute = 'proactive'
    ORDER BY i.published_at DESC, i.id DESC LIMIT 20"""
PG_WHERE = """search_vector @@ {tsquery}
    AND status = 'published' AND attribute = 'proactive'"""


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


def through_service(query: str) -> int:
    results = search_items(query)
    for hit in results.hits:  # the highlighting is part of what a reader waits for
        str(hit.title_html), str(hit.summary_html)
    return results.total


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def run(context) -> list[dict]:
    rng = random.Random(context.seed)
    queries = QUERIES + [rng.choice(SUBJECTS)[:4] for _ in range(10)]
    rounds = [rng.choice(queries) for _ in range(context.queries)]
    bare(rounds[0]), through_service(rounds[0])  # warm the connection and the caches for both sides alike
    timings = {"service": [], "bare": []}
    sides = [("service", through_service), ("bare", bare)]
    for number, query in enumerate(rounds):
        found = {}
        # Each side goes first in every other round: the first to search a word reads its pages from disk
        # and leaves them cached for the other, which on a database larger than memory decides the median.
        for name, fn in sides if number % 2 == 0 else sides[::-1]:
            t0 = time.perf_counter()
            found[name] = fn(query)
            timings[name].append((time.perf_counter() - t0) * 1000)
        assert found["service"] == found["bare"], query  # both sides answer the same question
    service_p50, service_p95 = percentiles(timings["service"])
    bare_p50, bare_p95 = percentiles(timings["bare"])
    return [
        {
            "name": "全文检索（首页 20 条 + 总数）",
            "ours": (service_p50, service_p95),
            "bare": (bare_p50, bare_p95),
        }
    ]
