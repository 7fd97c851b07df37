"""Parse throughput (reports per second): the published fixtures and the seed, and reports gongkai renders
in both formats and every output the importer reads (HTML, Word, Excel, PDF, Markdown, JSON), and a PDF
whose tables have no rules (read by the position of its words). Scanned reports are timed apart, in pages
per second: gongkai's PDF rasterised at 150 dpi, each page read by text recognition.

Needs no database: `python -m benchmarks --parse [--parse-rounds N]`. Rendering happens before the clock
starts; only `parse_bytes` is timed. Every parse of a rendered report is checked to give back its cells
(a scan: every cell it reads).
"""

import os
import random
import time
from decimal import Decimal
from pathlib import Path

from gongkai.formats import get_format
from gongkai.formats.cells import ReportCells
from gongkai.formats.declaration import Kind
from gongkai.formats.render import RENDERERS

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GONGKAI_SHARED") or REPO.parent / "shared")
# Every output gongkai renders, each read back.
OUTPUTS = {name: f"report{suffix}" for name, (_, _, suffix) in RENDERERS.items()}
UNRULED = (
    "<style>table, td, th, tr {border: 0 !important} td, th {padding: 1px 2px !important}</style></head>"
)
SCAN_DPI = 150
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


def balanced(cells: ReportCells) -> ReportCells:
    """The random cells with every 总计 the sum of its row (blanks as 0), as published reports mostly are: a
    scan's rows whose recognised numbers do not add up are left unread, which would time nothing."""
    s3, s4 = cells.format.section3, cells.format.section4
    for row in s3.rows:
        parts = [cells[f"section3.{row.key}.{c.key}"] or 0 for c in s3.applicant_columns]
        cells[f"section3.{row.key}.{s3.total_column.key}"] = sum(parts)
    for block in s4.blocks:
        parts = [cells[f"section4.{block.key}.{c.key}"] or 0 for c in s4.columns if c.key != s4.total_column]
        cells[f"section4.{block.key}.{s4.total_column}"] = sum(parts)
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
    rows.append(_unruled(rng, rounds, reports_per_kind, parse_bytes))
    rows.append(_scanned(rng, parse_bytes))
    return rows


def _unruled(rng, rounds, count, parse_bytes) -> dict:
    from weasyprint import HTML

    from gongkai.formats.render import render

    sets = [random_cells("2021", rng) for _ in range(count)]
    pages = [render("html", cells, NARRATIVE).decode("utf-8").replace("</head>", UNRULED) for cells in sets]
    documents = [(HTML(string=page).write_pdf(), "report.pdf") for page in pages]
    for cells, (data, name) in zip(sets, documents, strict=True):
        assert parse_bytes(data, name).cells.values == cells.values, "unruled pdf"
    n, seconds = _time(documents, rounds, parse_bytes)
    return {"name": "无表格线的 PDF（2021 格式）", "reports": n, "seconds": seconds}


def _scanned(rng, parse_bytes) -> dict:
    """One report of three pages, scanned: pages per second of text recognition and reading."""
    import io

    import pypdfium2

    from gongkai.formats.render import render

    cells = balanced(random_cells("2021", rng))
    document = pypdfium2.PdfDocument(render("pdf", cells, NARRATIVE))
    images = [document[i].render(scale=SCAN_DPI / 72, grayscale=True).to_pil() for i in range(len(document))]
    document.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=SCAN_DPI)
    parse_bytes(out.getvalue(), "warm-up.pdf")  # loads the recognition model once, outside the clock
    t0 = time.perf_counter()
    parsed = parse_bytes(out.getvalue(), "scan.pdf")
    seconds = time.perf_counter() - t0
    wrong = [a for a in parsed.provenance if parsed.cells[a] != cells[a]]
    assert not wrong, wrong
    read = f"读入 {parsed.cells_read}/{parsed.cells_total} 格"
    return {
        "name": f"扫描件（{SCAN_DPI} dpi，{read}）",
        "reports": len(images),
        "seconds": seconds,
        "unit": "页",
    }


def print_table(rows: list[dict]) -> None:
    print(f"{'项目':<30}{'数量':>8}{'用时 (s)':>12}{'每秒':>12}")
    for row in rows:
        rate = row["reports"] / row["seconds"] if row["seconds"] else float("nan")
        unit = row.get("unit", "份")
        print(f"{row['name']:<30}{row['reports']:>6} {unit}{row['seconds']:>12.2f}{rate:>10.2f} {unit}")
