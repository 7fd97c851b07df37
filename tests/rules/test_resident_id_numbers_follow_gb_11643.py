"""居民身份证号码, GB 11643-1999: length, digits, birth date, region code, check character; masking."""

from datetime import date

import pytest

from gongkai.rules.identity import (
    is_valid_resident_id,
    mask_resident_id,
    normalise_resident_id,
    resident_id_check_character,
    validate_resident_id,
)

TODAY = date(2026, 3, 1)


def check_of(first17: str) -> str:
    """The GB 11643 check, written out here independently to make synthetic numbers."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


def synthetic(first17: str) -> str:
    return first17 + check_of(first17)


def test_the_widely_published_sample_is_valid():
    # By hand: 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → X.
    assert resident_id_check_character("11010519491231002") == "X"
    validate_resident_id("11010519491231002X", today=TODAY)


@pytest.mark.parametrize("first17", ["33038219900101123", "44030420000229001", "65010119591231876"])
def test_synthetic_numbers_with_the_right_check_are_valid(first17):
    assert is_valid_resident_id(synthetic(first17), today=TODAY)


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("11010519491231002", "应为 18 位"),
        ("110105194912310021X", "应为 18 位"),
        ("1101051949123100A2", "前 17 位应全部为数字"),
        ("１１０１０５１９４９１２３１００２X", "前 17 位应全部为数字"),  # full-width digits
        ("11010519491231002x", "大写字母 X"),
        ("000000" + "19900101123" + "0", "000000"),
        (synthetic("33038219900230123"), "不是有效日期"),
        (synthetic("33038220300101123"), "晚于今天"),
        ("110105194912310021", "校验码错误"),
    ],
)
def test_an_invalid_number_is_refused_with_its_reason(number, reason):
    with pytest.raises(ValueError, match=reason):
        validate_resident_id(number, today=TODAY)
    assert not is_valid_resident_id(number, today=TODAY)


def test_a_wrong_check_character_names_the_right_one():
    number = synthetic("33038219900101123")
    wrong = "0" if number[-1] != "0" else "1"
    with pytest.raises(ValueError, match=f"应为“{number[-1]}”"):
        validate_resident_id(number[:-1] + wrong, today=TODAY)


def test_typed_input_is_tidied_before_checking():
    assert normalise_resident_id(" 110105 19491231 002x ") == "11010519491231002X"


def test_a_number_is_masked_but_for_its_first_six_and_last_four():
    assert mask_resident_id("33038219900101123X") == "330382********123X"
    assert mask_resident_id("1234") == "****"
