"""索引号 of a disclosed item (政府信息公开目录系统实施指引（试行）).

The national form is `<organisation code>/<YYYY>-<5-digit sequence>`, e.g. 005275134/2017-00180, where the
organisation code is the 9-character 组织机构代码 — since 2015 embedded in the 统一社会信用代码 at
positions 9–17. Provinces use variants (the whole USCC, year and month, 6–7 digit sequences), so the
pattern is configurable per agency.
"""

import re
import string

DEFAULT_PATTERN = "{org}/{year}-{seq:05d}"
NATIONAL_FORM = re.compile(r"^[0-9A-Z]{9}/\d{4}-\d{5}$")
FIELDS = {"org", "uscc", "year", "month", "seq"}


def organisation_code(uscc: str) -> str:
    """The 9-character organisation code inside an 18-character 统一社会信用代码."""
    if len(uscc) != 18:
        raise ValueError("统一社会信用代码应为 18 位，无法从中取得组织机构代码。")
    return uscc[8:17]


def validate_pattern(pattern: str) -> None:
    """A pattern must name the sequence and only known fields, so numbers stay unique and readable."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError as exc:
        raise ValueError(f"索引号格式无法解析：{exc}") from exc
    unknown = names - FIELDS
    if unknown:
        raise ValueError(
            f"索引号格式含有未知字段：{'、'.join(sorted(unknown))}（可用 org、uscc、year、month、seq）。"
        )
    if "seq" not in names:
        raise ValueError("索引号格式必须包含顺序号 {seq}，否则无法保证唯一。")
    if "year" not in names:
        raise ValueError("索引号格式必须包含年份 {year}：顺序号按年编排。")


def format_index_number(pattern: str, *, uscc: str, year: int, month: int, seq: int) -> str:
    validate_pattern(pattern)
    return pattern.format(org=organisation_code(uscc), uscc=uscc, year=year, month=f"{month:02d}", seq=seq)
