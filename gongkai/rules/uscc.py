"""统一社会信用代码 (unified social credit identifier), GB 32100-2015.

18 characters: 登记管理部门码 (1) + 机构类别码 (1) + 登记管理机关行政区划码 (6) + 主体标识码 (9, the old
组织机构代码) + 校验码 (1). The character set is the digits and the capital letters without I, O, Z, S and V
(so that they cannot be mistaken for 1, 0, 2, 5 and U); each character has a value 0–30 by its position in
that set, and the check character is computed modulo 31 over the first 17.
"""

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
VALUES = {ch: value for value, ch in enumerate(CHARSET)}
# Weight of position i is 3**i mod 31 (GB 32100-2015 §4.3, table 3).
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
LENGTH = 18


def uscc_check_character(first17: str) -> str:
    """The check character for the first 17 characters of a code.

    Raises ValueError (Chinese message) if `first17` is not 17 characters of the code's character set.
    """
    if len(first17) != LENGTH - 1:
        raise ValueError(f"计算校验码需要前 17 位，实际为 {len(first17)} 位")
    _check_charset(first17)
    total = sum(VALUES[ch] * weight for ch, weight in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def validate_uscc(code: str) -> None:
    """Raise ValueError with a Chinese reason if `code` is not a valid 统一社会信用代码.

    Lower-case letters are rejected rather than silently upper-cased: the code is printed in capitals on
    the licence, so a lower-case entry is a typing error the user should see.
    """
    if not isinstance(code, str):
        raise ValueError("统一社会信用代码必须是字符串")
    if len(code) != LENGTH:
        raise ValueError(f"统一社会信用代码应为 18 位，实际为 {len(code)} 位")
    _check_charset(code)
    expected = uscc_check_character(code[:17])
    if code[17] != expected:
        raise ValueError(f"统一社会信用代码校验码错误：第 18 位应为“{expected}”，实际为“{code[17]}”")


def is_valid_uscc(code: str) -> bool:
    """True if `code` is a valid 统一社会信用代码 (see validate_uscc for the reasons it may not be)."""
    try:
        validate_uscc(code)
    except ValueError:
        return False
    return True


def _check_charset(text: str) -> None:
    for position, ch in enumerate(text, start=1):
        if ch not in VALUES:
            raise ValueError(
                f"统一社会信用代码第 {position} 位“{ch}”为非法字符（只允许数字和除 I、O、Z、S、V 以外的大写字母）"
            )
