"""`python -m benchmarks [--items N] [--agencies N] [--queries N] [--reuse]` (also `make bench BENCH_ARGS=...`).

`python -m benchmarks --parse [--parse-rounds N]` times the importer instead (reports per second on the
published fixtures and on rendered reports of both formats); it needs no database.

`python -m benchmarks --aggregate [--queries N] [--reuse]` times the supervisor's total instead: 300
agencies in a tree (city → districts → offices) × 5 years of published report cells, bulk-inserted into a
database of its own (var/bench/aggregate/, or `gongkai_bench_aggregate` on PostgreSQL), then
`gongkai.supervision.aggregate.aggregate(root, year)` against one bare SQL statement summing the same
cells, for the whole city and for one district (benchmarks/aggregate.py).

Builds a database of its own (SQLite under var/bench/, or `gongkai_bench` on the PostgreSQL server of
DATABASE_URL), fills it with synthetic agencies and items, and times gongkai's code against the bare SQL
that answers the same question, printing p50/p95 and their ratio.

To add a benchmark, append "module:function" to BENCHMARKS (imported after Django is set up): it receives the Context and returns a list of
{"name": str, "ours": (p50_ms, p95_ms), "bare": (p50_ms, p95_ms)} rows. (The §二 report computation
versus a hand-written SQL aggregate belongs here, next to search.)
"""

import argparse
import importlib
import sys
import time
from dataclasses import dataclass

from benchmarks import database

# "module:function" names, resolved once Django is set up. Colleagues: add §二 here.
BENCHMARKS = ["benchmarks.search:run", "benchmarks.section2:run"]


@dataclass
class Context:
    items: int
    agencies: int
    queries: int
    seed: int


def parse(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="gongkai 性能基准")
    parser.add_argument("--items", type=int, default=1_000_000, help="生成的政府信息条数（默认 1,000,000）")
    parser.add_argument("--agencies", type=int, default=500, help="机关数（默认 500）")
    parser.add_argument("--queries", type=int, default=200, help="每项计时的查询次数（默认 200）")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--reuse", action="store_true", help="沿用上次生成的基准数据库，不重新生成")
    parser.add_argument("--parse", action="store_true", help="只测年度报告读取速度（每秒份数），不需要数据库")
    parser.add_argument("--parse-rounds", type=int, default=3, help="读取基准中每份报告的读取轮数（默认 3）")
    parser.add_argument(
        "--aggregate", action="store_true", help="只测上级汇总：300 个机关 × 5 年的已发布报告，对比裸 SQL"
    )
    return parser.parse_args(argv)


def parse_benchmark(args) -> int:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    from benchmarks.parse import print_table, run

    print_table(run(rounds=args.parse_rounds, seed=args.seed))
    return 0


def resolve(name: str):
    module, function = name.split(":")
    return getattr(importlib.import_module(module), function)


def main(argv=None) -> int:
    args = parse(argv if argv is not None else sys.argv[1:])
    if args.parse:
        return parse_benchmark(args)
    if args.aggregate:
        return aggregate_benchmark(args)
    where = database.prepare(fresh=not args.reuse)

    import django

    django.setup()
    from django.core.management import call_command

    from benchmarks.generate import generate

    benchmarks = [resolve(name) for name in BENCHMARKS]

    print(f"基准数据库：{where}", file=sys.stderr)
    if not args.reuse:
        t0 = time.perf_counter()
        call_command("migrate", verbosity=0)
        print(f"建表 {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        stats = generate(args.items, args.agencies, seed=args.seed)
        print(
            f"写入 {args.items:,} 条用时 {stats['load_seconds']:.1f}s，建立全文索引 {stats['index_seconds']:.1f}s",
            file=sys.stderr,
        )
    context = Context(items=args.items, agencies=args.agencies, queries=args.queries, seed=args.seed)
    print(f"\n{where}，{args.items:,} 条政府信息，{args.agencies} 个机关，每项 {args.queries} 次查询")
    print(f"{'项目':<24}{'gongkai p50/p95 (ms)':>24}{'裸 SQL p50/p95 (ms)':>24}{'倍数 p50/p95':>16}")
    for bench in benchmarks:
        for row in bench(context):
            (o50, o95), (b50, b95) = row["ours"], row["bare"]
            print(
                f"{row['name']:<24}{o50:>12.2f}/{o95:<11.2f}{b50:>12.2f}/{b95:<11.2f}"
                f"{o50 / b50 if b50 else float('nan'):>8.2f}×/{o95 / b95 if b95 else float('nan'):.2f}×"
            )
    return 0


def aggregate_benchmark(args) -> int:
    where = database.prepare(fresh=not args.reuse, name="aggregate")

    import django

    django.setup()
    from django.core.management import call_command

    from benchmarks import aggregate

    print(f"基准数据库：{where}", file=sys.stderr)
    if not args.reuse:
        call_command("migrate", verbosity=0)
        stats = aggregate.generate(seed=args.seed)
        print(
            f"写入 {stats['agencies']} 个机关、{stats['versions']:,} 个报告版本用时 {stats['seconds']:.1f}s",
            file=sys.stderr,
        )
    print(f"\n{where}，300 个机关 × {len(aggregate.YEARS)} 年已发布报告，每项 {args.queries} 次汇总")
    print(f"{'项目':<24}{'gongkai p50/p95 (ms)':>24}{'裸 SQL p50/p95 (ms)':>24}{'倍数 p50/p95':>16}")
    for row in aggregate.run(args.queries, args.seed):
        (o50, o95), (b50, b95) = row["ours"], row["bare"]
        print(
            f"{row['name']:<24}{o50:>12.2f}/{o95:<11.2f}{b50:>12.2f}/{b95:<11.2f}"
            f"{o50 / b50 if b50 else float('nan'):>8.2f}×/{o95 / b95 if b95 else float('nan'):.2f}×"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
