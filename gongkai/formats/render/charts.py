"""Charts for a report, drawn by the program as SVG (HTML and PDF) and turned into PNG for Word.

    Chart(title, labels, values, unit="件", kind="bars" | "columns")
    chart_svg(chart) -> str       a standalone <svg> with Chinese labels in Noto Sans CJK SC
    chart_png(chart) -> bytes     the same drawing through cairosvg, at print resolution

`bars` are horizontal (long labels: outcomes, applicant types), `columns` vertical (years of a trend).
"""

import math
from dataclasses import dataclass
from html import escape

FONT = "Noto Sans CJK SC, Source Han Sans SC, sans-serif"
WIDTH = 640
INK = "#1f3a5f"
GRID = "#c9d1db"


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    labels: tuple[str, ...]
    values: tuple[int | float, ...]
    unit: str = "件"
    kind: str = "bars"


def _ticks(top: float) -> list[int]:
    top = math.ceil(top)  # a rate in per cent (66.7) gets the axis of the next whole number
    if top <= 0:
        return [0, 1]
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if top / step <= 5:
            break
    else:
        step = 10 ** len(str(top))
    last = -(-top // step) * step
    return list(range(0, last + 1, step))


def _text(x, y, text, size=13, anchor="start", weight="normal", fill="#222") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" font-weight="{weight}" '
        f'text-anchor="{anchor}" fill="{fill}">{escape(text)}</text>'
    )


def _bars(chart: Chart) -> tuple[int, list[str]]:
    label_width = max(8, max((len(s) for s in chart.labels), default=4)) * 13 + 16
    row = 26
    top = 44
    height = top + row * len(chart.labels) + 40
    ticks = _ticks(max(chart.values, default=0))
    plot = WIDTH - label_width - 60
    scale = plot / ticks[-1]
    out = []
    for t in ticks:
        x = label_width + t * scale
        out.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 34}" stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(_text(x, height - 18, str(t), size=11, anchor="middle", fill="#555"))
    for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        y = top + i * row
        out.append(_text(label_width - 8, y + 15, label, anchor="end"))
        w = value * scale
        out.append(f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" fill="{INK}"/>')
        out.append(_text(label_width + w + 6, y + 15, f"{value}", size=12))
    return height, out


def _columns(chart: Chart) -> tuple[int, list[str]]:
    height = 300
    top, bottom, left = 44, 250, 56
    ticks = _ticks(max(chart.values, default=0))
    scale = (bottom - top) / ticks[-1]
    plot = WIDTH - left - 24
    slot = plot / max(1, len(chart.labels))
    out = []
    for t in ticks:
        y = bottom - t * scale
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - 24}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(_text(left - 6, y + 4, str(t), size=11, anchor="end", fill="#555"))
    for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        x = left + i * slot + slot * 0.2
        h = value * scale
        out.append(
            f'<rect x="{x:.1f}" y="{bottom - h:.1f}" width="{slot * 0.6:.1f}" height="{h:.1f}" fill="{INK}"/>'
        )
        out.append(_text(x + slot * 0.3, bottom - h - 6, f"{value}", size=12, anchor="middle"))
        out.append(_text(x + slot * 0.3, bottom + 20, label, anchor="middle"))
    return height, out


def chart_svg(chart: Chart) -> str:
    height, body = (_columns if chart.kind == "columns" else _bars)(chart)
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="{escape(chart.title)}">',
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#fff"/>',
        _text(WIDTH / 2, 24, f"{chart.title}（单位：{chart.unit}）", size=15, anchor="middle", weight="bold"),
    ]
    return "\n".join(head + body + ["</svg>"])


def chart_png(chart: Chart, scale: float = 2.5) -> bytes:
    import cairosvg  # loaded only when a Word document asks for a picture

    return cairosvg.svg2png(bytestring=chart_svg(chart).encode("utf-8"), scale=scale)
