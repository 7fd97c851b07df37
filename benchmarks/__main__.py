"""`python -m benchmarks [--scale tiny|small|province] [--only NAME] [--reuse]` (also `make bench BENCH_ARGS=...`).

`python -m benchmarks --parse [--parse-rounds N]` times the importer instead (reports per second on the
published fixtures and on rendered reports of both formats); it needs no database.

`python -m benchmarks --pdf [--pdf-rounds N]` times publishing a full report's PDF against WeasyPrint printing
the same HTML once (benchmarks/pdf.py); it needs no database.

`python -m benchmarks --aggregate [--queries N] [--reuse]` times the supervisor's total instead: 300
agencies in a tree (city → districts → offices) × 5 years of published report cells, bulk-inserted into a
database of its own (var/bench/aggregate/, or `gongkai_bench_aggregate` on PostgreSQL), then
`gongkai.supervision.aggregate.aggregate(root, year)` against one bare SQL statement summing the same
cells, for the whole city and for one district (benchmarks/aggregate.py).

Builds a database of its own (SQLite under var/bench/, or `gongkai_bench_<scale>` on the PostgreSQL server of
DATABASE_URL), fills it with a synthetic province (benchmarks.province: agencies in a tree, items,
依申请公开 cases with their events, appeals) and times gongkai's code against the bare work that answers
the same question on the same database in the same run, printing each figure and its ratio.

A benchmark is "module:function" in BENCHMARKS (imported after Django is set up): it receives the Context
and returns rows, either {"name", "ours": (p50_ms, p95_ms), "bare": (p50_ms, p95_ms)} (latency) or
{"name", "ours_rate", "bare_rate", "unit"} (throughput, higher is better; with "spread", the lowest and
highest ratio of the rounds it was measured in).
"""

import argparse
import dataclasses
import importlib
import json
import os
import sys
import time
from dataclasses import dataclass

from benchmarks import database

BENCHMARKS = {
    "search": "benchmarks.search:run",
    "section2": "benchmarks.section2:run",
    "report": "benchmarks.report:run",
    "pages": "benchmarks.pages:run",
    "clock": "benchmarks.clock:run",
}


@dataclass
class Context:
    items: int
    agencies: int
    queries: int
    seed: int
    seconds: float = 10.0
    where: str = ""


def parse(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="gongkai 性能基准")
    parser.add_argument("--scale", choices=["tiny", "small", "province"], default="small",
                        help="生成的数据规模：province 为 3,000 个机关、5,000,000 条信息、1,000,000 件申请；默认 small")  # fmt: skip
    parser.add_argument("--items", type=int, help="改变所选规模的政府信息条数")
    parser.add_argument("--applications", type=int, help="改变所选规模的依申请公开件数")
    parser.add_argument("--queries", type=int, default=200, help="每项计时的查询次数（默认 200）")
    parser.add_argument("--seconds", type=float, default=10.0, help="每项吞吐量测量的秒数（默认 10）")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--only", choices=sorted(BENCHMARKS), action="append", help="只运行这一项（可重复）")
    parser.add_argument("--reuse", action="store_true", help="沿用上次生成的基准数据库，不重新生成")
    parser.add_argument("--pg-database", help="PostgreSQL 上基准库的库名（默认 gongkai_bench_<规模>）")
    parser.add_argument("--parse", action="store_true", help="只测年度报告读取速度（每秒份数），不需要数据库")
    parser.add_argument("--parse-rounds", type=int, default=3, help="读取基准中每份报告的读取轮数（默认 3）")
    parser.add_argument(
        "--pdf",
        action="store_true",
        help="只测完整年度报告的 PDF 生成，对比 WeasyPrint 直接打印，不需要数据库",
    )
    parser.add_argument("--pdf-rounds", type=int, default=5, help="PDF 基准的轮数（默认 5）")
    parser.add_argument(
        "--aggregate", action="store_true", help="只测上级汇总：300 个机关 × 5 年的已发布报告，对比裸 SQL"
    )
    return parser.parse_args(argv)


def pdf_benchmark(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    from benchmarks.pdf import print_result, run

    print(f"机器：{machine()}")
    print_result(run(rounds=args.pdf_rounds, seed=args.seed))
    return 0


def parse_benchmark(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    from benchmarks.parse import print_table, run

    print_table(run(rounds=args.parse_rounds, seed=args.seed))
    return 0


def resolve(name: str):
    module, function = name.split(":")
    return getattr(importlib.import_module(module), function)


def machine() -> str:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    with open("/proc/meminfo") as f:
        total_kb = int(f.readline().split()[1])
    return f"{os.cpu_count()} 核，内存 {total_kb / 1024 / 1024:.0f} GB，1/5/15 分钟平均负载 {load}"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "—"


def print_rows(rows: list[dict]) -> None:
    for row in rows:
        if "ours" in row:
            (o50, o95), (b50, b95) = row["ours"], row["bare"]
            print(f"{row['name']:<30}{o50:>10.2f} / {o95:<10.2f}{b50:>10.2f} / {b95:<10.2f}"
                  f"{ratio(o50, b50):>8} / {ratio(o95, b95)}")  # fmt: skip
        else:
            o, b = row["ours_rate"], row["bare_rate"]
            rounds = f"（各轮 {row['spread'][0]:.1%}–{row['spread'][1]:.1%}）" if "spread" in row else ""
            print(f"{row['name']:<30}{o:>12,.1f} {row['unit']:<8}{b:>12,.1f} {row['unit']:<8}"
                  f"{o / b:>8.1%} 的对照吞吐量{rounds}")  # fmt: skip


def main(argv=None) -> int:
    args = parse(argv if argv is not None else sys.argv[1:])
    if args.parse:
        return parse_benchmark(args)
    if args.aggregate:
        return aggregate_benchmark(args)
    if args.pdf:
        return pdf_benchmark(args)
    where = database.prepare(fresh=not args.reuse, scale=args.scale, pg_name=args.pg_database)

    import django

    django.setup()
    from django.core.management import call_command

    from benchmarks.province import SCALES, generate_province

    scale = SCALES[args.scale]
    overrides = {k: v for k, v in (("items", args.items), ("applications", args.applications)) if v}
    scale = dataclasses.replace(scale, **overrides)
    names = args.only or list(BENCHMARKS)
    benchmarks = [(name, resolve(BENCHMARKS[name])) for name in names]

    print(f"基准数据库：{where}；机器：{machine()}", file=sys.stderr)
    # A reused database gets the migrations written since it was generated, so it measures today's code.
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"建表或迁移 {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    if not args.reuse:
        t0 = time.perf_counter()
        stats = generate_province(scale, seed=args.seed)
        stats["seconds"]["total"] = time.perf_counter() - t0
        database.save_stats(stats)
        print(f"生成用时：{json.dumps(stats['seconds'], ensure_ascii=False)}", file=sys.stderr)
    else:
        from benchmarks.province import build_search_engine
        from gongkai.search import engine, outbox

        try:  # a database generated before the index, or whose index folder was since removed
            engine.open_index(outbox.build_path(outbox.node_state().token))
        except engine.IndexUnusable:
            build_search_engine()
    stats = database.load_stats()
    context = Context(items=stats["items"], agencies=stats["agencies"], queries=args.queries, seed=args.seed,
                      seconds=args.seconds, where=where)  # fmt: skip
    print(f"\n{where}；{stats['agencies']:,} 个机关，{stats['items']:,} 条政府信息，{stats['applications']:,} 件申请"
          f"（{stats['events']:,} 个事件），{stats['appeals']:,} 件复议诉讼；每项 {args.queries} 次查询")  # fmt: skip
    print(f"开始时：{machine()}")
    print(f"{'项目':<30}{'gongkai p50 / p95 (ms)':>23}{'对照 p50 / p95 (ms)':>23}{'倍数 p50 / p95':>18}")
    results = {}
    for name, bench in benchmarks:
        rows = bench(context)
        results[name] = rows
        print_rows(rows)
        sys.stdout.flush()
    print(f"结束时：{machine()}")
    database.save_results(results)
    print_goals([row for rows in results.values() for row in rows])
    return 0


def print_goals(rows: list[dict]) -> None:
    """The last lines: every figure that has a goal, against it."""
    goals = [row for row in rows if "goal" in row]
    if not goals:
        return
    print("\n目标：")
    for row in goals:
        goal = row["goal"]
        if "at_most" in goal:
            limit = goal["at_most"]
            for which in goal["of"]:
                at = {"p50": 0, "p95": 1}[which]
                value = row["ours"][at] / row["bare"][at]
                verdict = "达到" if value <= limit else "未达到"
                print(f"  {row['name']} {which}：{value:.2f}×（目标 ≤ {limit:g}×）{verdict}")
        else:
            share = row["ours_rate"] / row["bare_rate"]
            verdict = "达到" if share >= goal["at_least"] else "未达到"
            print(f"  {row['name']}：{share:.1%} 的对照吞吐量（目标 ≥ {goal['at_least']:.0%}）{verdict}")


def aggregate_benchmark(args) -> int:
    where = database.prepare(fresh=not args.reuse, scale="aggregate")

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
