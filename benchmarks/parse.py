"""Parse throughput (reports per second): the published fixtures and the seed, and reports gongkai renders
in both formats and every output the importer reads (HTML, Word, PDF, Markdown).

Needs no database: `python -m benchmarks --parse [--parse-rounds N]`. Rendering happens before the clock
starts; only `parse_bytes` is timed. Every parse of a rendered report is checked to give back its cells.
"""

import os
import random
import time
from decimal import Decimal
from pathlib import Path

from gongkai.formats import get_format
from gongkai.formats.cells import ReportCells
from gongkai.formats.declaration import Kind

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GONGKAI_SHARED") or REPO.parent / "shared")
OUTPUTS = {"html": "report.html", "docx": "report.docx", "pdf": "report.pdf", "md": "report.md"}
NARRATIVE = {"一": "本年度主动公开政府信息 120 条。", "六": "本年度未收取信息处理费。"}


def random_cells(version: str, rng: random.Random) -> ReportCells:
    fmt = get_format(version)
    cells = ReportCells.blank(fmt, f"基准测试局{rng.randint(1, 999)}", 2020 if version == "2019" else 2024)
    for address, column in fmt.cells():
        if column.kind is Kind.AMOUNT:
            cells[address] = Decimal(rng.randint(0, 10**6)) / 100
        elif column.kind is Kind.SIGNED:
            cells[address] = rng.randint(-9, 9)
        else:
            cells[address] = rng.choice([0, 0, rng.randint(0, 500), None])
    return cells


def _time(documents: list[tuple[bytes, str]], rounds: int, parse_bytes) -> tuple[int, float]:
    t0 = time.perf_counter()
    for _ in range(rounds):
        for data, name in documents:
            parse_bytes(data, name)
    return rounds * len(documents), time.perf_counter() - t0


def run(rounds: int = 3, reports_per_kind: int = 4, seed: int = 2026) -> list[dict]:
    from gongkai.formats.render import render
    from gongkai.importer import parse_bytes

    rows = []
    published = sorted((SHARED / "fixtures" / "reports").glob("*.txt")) + sorted(
        (SHARED / "seed").glob("*.txt")
    )
    documents = [(p.read_bytes(), p.name) for p in published]
    if documents:
        n, seconds = _time(documents, rounds * 10, parse_bytes)
        rows.append({"name": f"已发布报告（txt，{len(documents)} 份）", "reports": n, "seconds": seconds})
    rng = random.Random(seed)
    for version in ("2019", "2021"):
        for output, name in OUTPUTS.items():
            sets = [random_cells(version, rng) for _ in range(reports_per_kind)]
            documents = [(render(output, cells, NARRATIVE), name) for cells in sets]
            for cells, (data, _) in zip(sets, documents, strict=True):
                assert parse_bytes(data, name).cells.values == cells.values, (version, output)
            n, seconds = _time(documents, rounds, parse_bytes)
            rows.append({"name": f"生成的报告（{version} 格式，{output}）", "reports": n, "seconds": seconds})
    return rows


def print_table(rows: list[dict]) -> None:
    print(f"{'项目':<30}{'份数':>8}{'用时 (s)':>12}{'每秒份数':>12}")
    for row in rows:
        rate = row["reports"] / row["seconds"] if row["seconds"] else float("nan")
        print(f"{row['name']:<30}{row['reports']:>8}{row['seconds']:>12.2f}{rate:>12.1f}")
