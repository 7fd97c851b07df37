"""Django validators wrapping the identifier checks in gongkai.rules, so forms show the rule's Chinese reason."""

from django.core.exceptions import ValidationError

from gongkai.rules.uscc import validate_uscc as check_uscc


def validate_uscc(value: str) -> None:
    try:
        check_uscc(value)
    except ValueError as exc:
        raise ValidationError(str(exc), code="invalid_uscc") from exc


# Top-level URL segments the site itself uses; an agency code equal to one would hide its portal page.
RESERVED_CODES = frozenset({"admin", "accounts", "workspace", "static", "media", "api", "search", "display"})


def validate_agency_code(value: str) -> None:
    if value in RESERVED_CODES:
        raise ValidationError(f"“{value}”是系统保留的网址，不能用作机关简称代码。", code="reserved_code")
