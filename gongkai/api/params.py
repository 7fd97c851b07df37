"""Query-string and path values of the API, checked: anything malformed is a 400 with a Chinese message
naming the parameter, never a 500 and never a silent default."""

import unicodedata
from datetime import datetime, time

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from gongkai.api.responses import bad_parameter, not_found

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
FIRST_YEAR, LAST_YEAR = 1900, 2999
# Integers are read from at most nine digits (so no number is ever too large for the database).
LARGEST_INTEGER = 999_999_999


def has_control_characters(text: str) -> bool:
    # PostgreSQL refuses NUL in a string outright; no identifier or value here has any control character.
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def _single(query, name: str) -> str | None:
    values = query.getlist(name)
    if not values:
        return None
    if len(values) > 1:
        raise bad_parameter(name, f"参数 {name} 只能给出一次。")
    if has_control_characters(values[0]):
        raise bad_parameter(name, f"参数 {name} 含有控制字符。")
    if not values[0].strip():  # given but empty: leave it out to mean "no filter" or the default
        raise bad_parameter(name, f"参数 {name} 不能为空；不需要时请省略该参数。")
    return values[0].strip()


def text(query, name: str) -> str | None:
    raw = _single(query, name)
    return raw or None


def integer(query, name: str, *, default: int | None = None, low: int, high: int | None = None) -> int | None:
    raw = _single(query, name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.lstrip("-").isdigit() or len(raw) > 9:
        raise bad_parameter(name, f"参数 {name} 必须是整数，而不是“{raw[:40]}”。")
    value = int(raw)
    if value < low or (high is not None and value > high):
        span = f"{low} 至 {high}" if high is not None else f"不小于 {low}"
        raise bad_parameter(name, f"参数 {name} 应为 {span} 的整数，而不是 {value}。")
    return value


def page_and_size(query) -> tuple[int, int]:
    page = integer(query, "page", default=1, low=1)
    size = integer(query, "page_size", default=DEFAULT_PAGE_SIZE, low=1, high=MAX_PAGE_SIZE)
    return page, size


def year(query, name: str = "year") -> int | None:
    return integer(query, name, low=FIRST_YEAR, high=LAST_YEAR)


def moment(query, name: str) -> datetime | None:
    """A date (2026-03-01, from its start in Beijing time) or a date and time in ISO 8601."""
    raw = _single(query, name)
    if raw is None:
        return None
    if "T" in raw:
        raw = raw.replace(" ", "+")  # an unencoded "+08:00" arrives as " 08:00"
    try:
        parsed = parse_datetime(raw) if "T" in raw or " " in raw else None
        day = None if parsed else parse_date(raw)
    except ValueError:
        parsed = day = None
    if parsed is None and day is None:
        raise bad_parameter(
            name, f"参数 {name} 应为日期（如 2026-03-01）或 ISO 8601 时间（如 2026-03-01T08:00:00+08:00）。"
        )
    if parsed is None:
        parsed = datetime.combine(day, time.min)
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def choice(query, name: str, allowed: dict[str, str]) -> str | None:
    """One of `allowed` (its keys are what the client may write; values are what the view uses)."""
    raw = _single(query, name)
    if raw is None:
        return None
    if raw not in allowed:
        raise bad_parameter(name, f"参数 {name} 只能是 {'、'.join(allowed)} 之一，而不是“{raw[:40]}”。")
    return allowed[raw]


def path_year(raw: str) -> int:
    """The year in an address such as /reports/2025/: anything else is simply not there (404)."""
    if not (raw.isascii() and raw.isdigit() and len(raw) == 4):
        raise not_found(f"没有“{raw[:40]}”年度的报告：年度应为四位数字，例如 2025。")
    return int(raw)
