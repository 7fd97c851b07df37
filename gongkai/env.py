"""Reading gongkai's configuration from environment variables, by type.

Every variable gongkai reads goes through one of these helpers with its name written out, and is listed
in the table of docs/configuration.md (a test compares the two). An unset variable gives the default; a
set one is taken as it is, even when empty, except that a number that is not one is a configuration error
naming the variable, instead of a bare ValueError from deep inside the settings.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """True for 1, true, yes or on (any case, spaces ignored); any other value is false."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in TRUE_WORDS


def env_int(name: str, default: int) -> int:
    return _number(name, default, int, "整数")


def env_float(name: str, default: float) -> float:
    return _number(name, default, float, "数字")


def env_list(name: str, default: list[str]) -> list[str]:
    """Comma-separated values, each stripped; empty ones are dropped."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [part.strip() for part in value.split(",") if part.strip()]


def _number(name, default, kind, kind_label):
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return kind(value)
    except ValueError:
        raise ImproperlyConfigured(f"环境变量 {name} 应为{kind_label}，现为“{value}”") from None
