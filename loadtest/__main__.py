"""`python -m loadtest` (also `make loadtest LOADTEST_ARGS=...`): N applicants submitting online
applications and M readers browsing and searching the portal, for S seconds, against gunicorn on
loopback — on SQLite, PostgreSQL or both. Reports throughput and p50/p95 per kind of request, and fails
(exit 1) on any error, any lost or duplicated application.
"""

import argparse
import json
import os
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from .client import Client
from .scenario import apply_online, browse
from .server import Installation


def kind_of(method: str, path: str) -> str:
    if path.startswith("/apply/done/"):
        return "申请完成页"
    if path.startswith("/apply/"):
        return "提交申请 POST" if method == "POST" else "申请表单"
    if "search/" in path:
        return "检索"
    if "/items/" in path:
        return "信息页"
    return "门户其他页面"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(database: str, applicants: int, readers: int, seconds: float, workers: int, threads: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        site = Installation(Path(folder), database=database)
        try:
            setup = site.prepare()
            site.start(workers=workers, threads=threads)
            timings: dict[str, list[float]] = defaultdict(list)
            statuses: list[str] = []
            errors: list[str] = []
            references: list[str] = []
            lock = threading.Lock()

            def record(method, path, status, took):
                with lock:
                    timings[kind_of(method, path)].append(took)
                    if status >= 500:
                        statuses.append(f"{status} {method} {path}")

            stop = threading.Event()

            def applicant(worker):
                client, n = Client(site.url, on_response=record), 0
                while not stop.is_set():
                    n += 1
                    try:
                        ref = apply_online(client, setup["agency"], worker * 1_000_000 + n)
                        with lock:
                            references.append(ref)
                    except Exception as exc:
                        errors.append(repr(exc))
                        client = Client(site.url, on_response=record)

            def reader(worker):
                client, n = Client(site.url, on_response=record), worker
                while not stop.is_set():
                    n += 1
                    try:
                        browse(client, setup["agency"], n)
                    except Exception as exc:
                        errors.append(repr(exc))
                        client = Client(site.url, on_response=record)

            people = [threading.Thread(target=applicant, args=(w,)) for w in range(applicants)]
            people += [threading.Thread(target=reader, args=(w,)) for w in range(readers)]
            started = time.perf_counter()
            for thread in people:
                thread.start()
            time.sleep(seconds)
            stop.set()
            for thread in people:
                thread.join()
            elapsed = time.perf_counter() - started
            site.stop()
            check = site.check({"references": references})
            duplicates = len(references) - len(set(references))
            lost_or_extra = check["applications"] - len(references)
            rows = {
                kind: {
                    "requests": len(values),
                    "per_second": round(len(values) / elapsed, 1),
                    "p50_ms": round(statistics.median(values) * 1000, 1),
                    "p95_ms": round(percentile(values, 95) * 1000, 1),
                }
                for kind, values in sorted(timings.items())
            }
            all_times = [t for values in timings.values() for t in values]
            return {
                "database": database,
                "applicants": applicants,
                "readers": readers,
                "seconds": round(elapsed, 1),
                "server": f"gunicorn {workers} workers × {threads} threads",
                "requests": len(all_times),
                "requests_per_second": round(len(all_times) / elapsed, 1),
                "p95_ms": round(percentile(all_times, 95) * 1000, 1) if all_times else None,
                "applications": len(references),
                "applications_per_second": round(len(references) / elapsed, 2),
                "errors": errors[:10] + statuses[:10],
                "error_count": len(errors) + len(statuses),
                "duplicated": duplicates,
                "lost_or_unacknowledged": lost_or_extra,
                "problems": check["problems"],
                "by_kind": rows,
            }
        finally:
            site.destroy()


def print_report(result: dict) -> None:
    print(
        f"\n== {result['database']}：{result['applicants']} 名申请人、{result['readers']} 名读者，"
        f"{result['seconds']} 秒，{result['server']} =="
    )
    print(
        f"请求 {result['requests']}（{result['requests_per_second']}/秒），p95 {result['p95_ms']} ms；"
        f"申请 {result['applications']} 件（{result['applications_per_second']}/秒）；"
        f"错误 {result['error_count']}，重复 {result['duplicated']}，丢失 {result['lost_or_unacknowledged']}"
    )
    print(f"{'请求类型':<12}{'次数':>8}{'每秒':>8}{'p50 ms':>10}{'p95 ms':>10}")
    for kind, row in result["by_kind"].items():
        print(f"{kind:<12}{row['requests']:>8}{row['per_second']:>8}{row['p50_ms']:>10}{row['p95_ms']:>10}")
    for problem in result["problems"] + result["errors"]:
        print(f"  ！{problem}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loadtest", description="gongkai 负载测试（本机回环）")
    parser.add_argument("--applicants", type=int, default=4, help="同时提交网上申请的申请人数（默认 4）")
    parser.add_argument("--readers", type=int, default=8, help="同时浏览、检索门户的读者数（默认 8）")
    parser.add_argument("--seconds", type=float, default=60, help="持续时间（秒，默认 60）")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn 进程数（默认 2）")
    parser.add_argument("--threads", type=int, default=2, help="每个进程的线程数（默认 2）")
    parser.add_argument("--json", metavar="FILE", help="另把结果写入该 JSON 文件")
    args = parser.parse_args(argv)
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    results = []
    for database in databases:
        if database == "postgres" and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
            os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
        result = run(database, args.applicants, args.readers, args.seconds, args.workers, args.threads)
        print_report(result)
        results.append(result)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    failed = any(
        r["error_count"] or r["duplicated"] or r["lost_or_unacknowledged"] or r["problems"] for r in results
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
