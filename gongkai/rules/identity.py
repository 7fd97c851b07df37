"""居民身份证号码 (citizen identity number), GB 11643-1999.

18 characters: 6-digit address (region) code, 8-digit birth date YYYYMMDD, 3-digit sequence (odd for men,
even for women) and a check character. The check is sum(digit × weight) mod 11 over the first 17 digits,
mapped through "10X98765432" (ISO 7064 MOD 11-2). The region code is only checked for being non-zero: the
official code list changes every year and old numbers keep their old codes.

Public API:
    resident_id_check_character(first17) -> str
    normalise_resident_id(text) -> str          strips spaces, upper-cases a final x
    validate_resident_id(text, *, today=None)   raises ValueError with a Chinese reason
    is_valid_resident_id(text, *, today=None) -> bool
    mask_resident_id(text) -> str               first 6 and last 4 kept: 330382********123X
"""

from datetime import date

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"
LENGTH = 18
KEEP_START = 6
KEEP_END = 4


def resident_id_check_character(first17: str) -> str:
    """The check character for the first 17 digits of a number."""
    if len(first17) != LENGTH - 1 or not _is_ascii_digits(first17):
        raise ValueError("计算校验码需要前 17 位数字")
    total = sum(int(ch) * weight for ch, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARACTERS[total % 11]


def normalise_resident_id(text: str) -> str:
    """The number as people type it, tidied: spaces removed and a final lower-case x made capital."""
    cleaned = "".join(str(text).split())
    if cleaned.endswith("x"):
        cleaned = cleaned[:-1] + "X"
    return cleaned


def validate_resident_id(text: str, *, today: date | None = None) -> None:
    """Raise ValueError with a Chinese reason if `text` is not a valid 18-digit 居民身份证号码.

    The text is taken as given (call normalise_resident_id first for typed input).
    """
    if not isinstance(text, str):
        raise ValueError("身份证号码必须是字符串")
    if len(text) != LENGTH:
        raise ValueError(f"身份证号码应为 18 位，实际为 {len(text)} 位")
    if not _is_ascii_digits(text[:17]):
        raise ValueError("身份证号码前 17 位应全部为数字")
    if not (_is_ascii_digits(text[17]) or text[17] == "X"):
        raise ValueError(f"身份证号码第 18 位应为数字或大写字母 X，实际为“{text[17]}”")
    if text[:6] == "000000":
        raise ValueError("身份证号码前 6 位地址码不能为 000000")
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise ValueError(f"身份证号码第 7–14 位出生日期“{text[6:14]}”不是有效日期") from None
    if born > (today or date.today()):
        raise ValueError(f"身份证号码中的出生日期 {born.isoformat()} 晚于今天")
    expected = resident_id_check_character(text[:17])
    if text[17] != expected:
        raise ValueError(f"身份证号码校验码错误：第 18 位应为“{expected}”，实际为“{text[17]}”")


def is_valid_resident_id(text: str, *, today: date | None = None) -> bool:
    try:
        validate_resident_id(text, today=today)
    except ValueError:
        return False
    return True


def mask_resident_id(text: str) -> str:
    """The number with all but the first 6 and last 4 characters replaced by *.

    Anything too short to mask that way is masked entirely, so a mistyped number never leaks whole.
    """
    text = str(text)
    if len(text) <= KEEP_START + KEEP_END:
        return "*" * len(text)
    return text[:KEEP_START] + "*" * (len(text) - KEEP_START - KEEP_END) + text[-KEEP_END:]


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit accepts full-width and other Unicode digits, which int() would silently read.
    return all("0" <= ch <= "9" for ch in text)
