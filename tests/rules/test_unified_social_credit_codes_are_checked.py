"""统一社会信用代码 (GB 32100-2015): 18 characters, restricted character set, check character modulo 31."""

import pytest

from gongkai.rules.uscc import is_valid_uscc, uscc_check_character, validate_uscc

# Published codes. The first is the example used in many write-ups of the standard; the next two appear in
# 索引号 on government sites (docs/law.md §9.1); the last two are large companies' licences.
#
# Worked by hand for 91350100M000100Y43 (values: digits as themselves, M=21, Y=30):
#   9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + 21·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24 + 0·10
#   + 30·30 + 4·28 = 1640;  1640 mod 31 = 28;  31 − 28 = 3  → check character "3".
PUBLISHED = [
    "91350100M000100Y43",
    "11370812004339255B",
    "11341702486344515H",
    "91330100716105852F",
    "91440300708461136T",
]


@pytest.mark.parametrize("code", PUBLISHED)
def test_published_codes_are_valid(code):
    assert is_valid_uscc(code)
    validate_uscc(code)


def test_the_check_character_of_the_standard_example_is_3():
    assert uscc_check_character("91350100M000100Y4") == "3"


def test_a_sum_divisible_by_31_gives_check_character_0():
    # 17 zeros sum to 0; 31 − 0 = 31, which the standard maps to 0.
    assert uscc_check_character("0" * 17) == "0"
    assert is_valid_uscc("0" * 18)


def test_a_check_value_of_30_is_the_letter_y():
    # "1" at the first position (weight 1) gives sum 1, check value 30 = Y (the last character of the set).
    assert uscc_check_character("1" + "0" * 16) == "Y"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("91350100M000100Y4", "应为 18 位，实际为 17 位"),
        ("91350100M000100Y433", "应为 18 位，实际为 19 位"),
        ("", "应为 18 位，实际为 0 位"),
        ("91350100M000100Y44", "第 18 位应为“3”，实际为“4”"),
        ("91350100I000100Y43", "第 9 位“I”为非法字符"),
        ("91350100O000100Y43", "第 9 位“O”为非法字符"),
        ("91350100Z000100Y43", "第 9 位“Z”为非法字符"),
        ("913501000000100S43", "第 16 位“S”为非法字符"),
        ("91350100V000100Y43", "第 9 位“V”为非法字符"),
        ("91350100m000100y43", "第 9 位“m”为非法字符"),
    ],
)
def test_an_invalid_code_is_refused_with_the_reason(code, reason):
    assert not is_valid_uscc(code)
    with pytest.raises(ValueError, match=reason):
        validate_uscc(code)


def test_every_single_character_change_of_a_valid_code_is_detected():
    # Modulo 31 with weights coprime to 31 catches every single substitution.
    from gongkai.rules.uscc import CHARSET

    code = PUBLISHED[0]
    for position in range(18):
        for ch in CHARSET:
            if ch != code[position]:
                assert not is_valid_uscc(code[:position] + ch + code[position + 1 :])


def test_a_non_string_is_not_a_valid_code():
    assert not is_valid_uscc(None)
