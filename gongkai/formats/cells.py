"""A report's numeric cells, in the JSON shape of docs/report-format.md §6, with validation on load.

A blank cell is None: "not reported", never 0. Counts are int; amounts are Decimal, so that a
figure such as 190.457379 (万元) survives a round trip through JSON exactly.
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from gongkai.formats.declaration import SECTION_NUMBERS, Column, Kind, ReportFormat
from gongkai.formats.registry import get_format

Value = int | Decimal | None

TOP_LEVEL_KEYS = ("format_version", "agency", "year", "section2", "section3", "section4")
# Optional: narrative text per section, and the original text of cells that were not numbers ("/", "—").
OPTIONAL_KEYS = ("sections", "cell_text")


class CellsError(ValueError):
    """Input that is not a valid cells document; the message is Chinese and names the key."""


@dataclass
class ReportCells:
    format: ReportFormat
    agency: str
    year: int
    values: dict[str, Value]
    sections: dict[str, str] = field(default_factory=dict)
    cell_text: dict[str, str] = field(default_factory=dict)

    @classmethod
    def blank(cls, fmt: ReportFormat, agency: str, year: int) -> "ReportCells":
        return cls(fmt, agency, year, dict.fromkeys(place.address for place in fmt.places()))

    def __getitem__(self, address: str) -> Value:
        return self.values[address]

    def __setitem__(self, address: str, value: Value) -> None:
        if address not in self.values:
            raise KeyError(f"{self.format.version} 版格式没有单元格 {address}")
        self.values[address] = value

    def update(self, values: dict[str, Value]) -> None:
        """Set many cells at once; like setting each, an address the format lacks is refused."""
        if unknown := values.keys() - self.values.keys():
            raise KeyError(f"{self.format.version} 版格式没有单元格 {'、'.join(sorted(unknown))}")
        self.values.update(values)

    def to_dict(self, sections: dict[str, str] | None = None) -> dict:
        """The JSON shape of docs/report-format.md (numbers stay int / Decimal; see `dumps`)."""
        out: dict = {"format_version": self.format.version, "agency": self.agency, "year": self.year}
        s2, s3, s4 = self.format.section2, self.format.section3, self.format.section4
        out[s2.key] = {
            block.key: {
                row.key: {col.key: self[block.address(row, col)] for col in block.columns}
                for row in block.rows
            }
            for block in s2.blocks
        }
        out[s3.key] = {
            row.key: {col.key: self[s3.address(row, col)] for col in s3.columns} for row in s3.rows
        }
        out[s4.key] = {
            block.key: {col.key: self[s4.address(block, col)] for col in s4.columns} for block in s4.blocks
        }
        sections = self.sections if sections is None else sections
        if sections:
            out["sections"] = {n: sections[n] for n in SECTION_NUMBERS if n in sections}
        if self.cell_text:
            out["cell_text"] = dict(self.cell_text)
        return out


def _json_default(value):
    if isinstance(value, Decimal):
        # A float whose shortest repr is the same decimal writes the same digits into the JSON text.
        as_float = float(value)
        if Decimal(repr(as_float)) == value:
            return as_float
        raise ValueError(f"金额 {value} 的有效数字过多，无法无损写入 JSON")
    raise TypeError(f"无法写入 JSON：{value!r}")


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def cells_from_dict(data: object) -> ReportCells:
    """Validate a parsed JSON document (numbers as int / Decimal) and build the cells."""
    if not isinstance(data, dict):
        raise CellsError("单元格文件的顶层必须是 JSON 对象")
    for key in data:
        if key not in TOP_LEVEL_KEYS + OPTIONAL_KEYS:
            raise CellsError(f"未知的键“{key}”（允许的键：{'、'.join(TOP_LEVEL_KEYS + OPTIONAL_KEYS)}）")
    for key in ("format_version", "agency", "year"):
        if key not in data:
            raise CellsError(f"缺少键“{key}”")
    version = data["format_version"]
    try:
        fmt = get_format(str(version))
    except KeyError as e:
        raise CellsError(f"format_version：{e.args[0]}") from None
    if not isinstance(data["agency"], str) or not data["agency"].strip():
        raise CellsError("agency：机关名称必须是非空字符串")
    year = data["year"]
    if isinstance(year, bool) or not isinstance(year, int):
        raise CellsError(f"year：年度必须是整数，而不是 {year!r}")

    cells = ReportCells.blank(fmt, data["agency"].strip(), year)
    columns = dict(fmt.cells())
    for section in ("section2", "section3", "section4"):
        _read_nested(data.get(section, {}), section, columns, cells)
    cells.sections = _read_sections(data.get("sections", {}))
    cells.cell_text = _read_cell_text(data.get("cell_text", {}), columns)
    return cells


def _read_nested(node: object, path: str, columns: dict[str, Column], cells: ReportCells) -> None:
    """Walk one section's nested objects; every leaf must be a declared cell."""
    if path in columns:
        cells.values[path] = _read_value(node, path, columns[path])
        return
    if not isinstance(node, dict):
        raise CellsError(
            f"{path}：应为 JSON 对象，而不是 {json.dumps(node, ensure_ascii=False, default=str)}"
        )
    for key, child in node.items():
        child_path = f"{path}.{key}"
        if not any(a == child_path or a.startswith(child_path + ".") for a in columns):
            raise CellsError(
                f"未知的键“{key}”（位置：{child_path}；{cells.format.version} 版格式中没有此项）"
            )
        _read_nested(child, child_path, columns, cells)


def _read_value(raw: object, address: str, column: Column) -> Value:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        raise CellsError(
            f"{address}：单元格的值必须是数字或 null，而不是 {json.dumps(raw, ensure_ascii=False)}"
        )
    value = Decimal(str(raw)) if isinstance(raw, float) else raw
    if isinstance(value, Decimal) and not value.is_finite():
        raise CellsError(f"{address}：单元格的值必须是有限的数字，而不是 {raw}")
    # Whole numbers become int; fractions stay Decimal so that rule A8 can name them in counts.
    if isinstance(value, Decimal) and column.kind is not Kind.AMOUNT and value == value.to_integral_value():
        return int(value)
    if isinstance(value, int) and column.kind is Kind.AMOUNT:
        return Decimal(value)
    return value


def _read_sections(raw: object) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise CellsError("sections：应为以“一”至“六”为键的 JSON 对象")
    out = {}
    for key, text in raw.items():
        if key not in SECTION_NUMBERS:
            raise CellsError(f"sections：未知的键“{key}”（只允许 一、二、三、四、五、六）")
        if isinstance(text, list) and all(isinstance(t, str) for t in text):
            text = "\n".join(text)
        if not isinstance(text, str):
            raise CellsError(f"sections.{key}：正文必须是字符串或字符串列表")
        out[key] = text
    return out


def _read_cell_text(raw: object, columns: dict[str, Column]) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise CellsError("cell_text：应为以单元格地址为键的 JSON 对象")
    for address, text in raw.items():
        if address not in columns:
            raise CellsError(f"cell_text：未知的单元格地址“{address}”")
        if not isinstance(text, str):
            raise CellsError(f"cell_text.{address}：原文必须是字符串")
    return dict(raw)


def parse_cells_json(text: str, source: str = "输入") -> ReportCells:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as e:
        raise CellsError(f"{source} 不是有效的 JSON（第 {e.lineno} 行第 {e.colno} 列）：{e.msg}") from None
    return cells_from_dict(data)


def load_cells(path: str | Path) -> ReportCells:
    """Read a cells JSON file; every failure is a CellsError with a Chinese message."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CellsError(f"找不到文件：{path}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise CellsError(f"无法读取文件 {path}：{e}") from None
    return parse_cells_json(text, source=f"文件 {path}")
