"""The 身份证号, 统一社会信用代码 and 文号 checks take any text — wrong types, full-width digits, control
characters, emoji — and answer with a verdict or a ValueError giving a Chinese reason; never another
exception. Valid codes built by the rules pass, and any single changed character is caught."""

import re
from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gongkai.rules.document_number import normalise_document_number, parse_document_number
from gongkai.rules.identity import (
    mask_resident_id,
    normalise_resident_id,
    resident_id_check_character,
    validate_resident_id,
)
from gongkai.rules.uscc import CHARSET, uscc_check_character, validate_uscc

CHINESE = re.compile(r"[\u4e00-\u9fff]")
ANY_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="0123456789Xx０１２３４５６７８９ \t", min_size=15, max_size=20),
    st.text(alphabet=CHARSET + "IOZSVabc", min_size=16, max_size=19),
    st.text(alphabet="国办发〔〕[]［］【】()（）第号令0123456789 ", max_size=20),
)
NOT_TEXT = st.one_of(st.none(), st.integers(), st.floats(), st.lists(st.integers(), max_size=3), st.binary())
TODAY = date(2026, 6, 1)


def assert_reason(check, value):
    try:
        check(value)
    except ValueError as exc:
        assert CHINESE.search(str(exc)), str(exc)


@settings(max_examples=300)
@given(value=st.one_of(ANY_TEXT, NOT_TEXT))
def test_resident_id_numbers(value):
    assert_reason(lambda v: validate_resident_id(v, today=TODAY), value)
    if isinstance(value, str):
        normalise_resident_id(value)
        masked = mask_resident_id(value)
        assert len(masked) == len(value)
        if len(value) == 18:
            assert value[6:14] not in masked or value[6:14] == "*" * 8


@settings(max_examples=300)
@given(value=st.one_of(ANY_TEXT, NOT_TEXT))
def test_unified_social_credit_codes(value):
    assert_reason(validate_uscc, value)


@settings(max_examples=300)
@given(value=st.one_of(ANY_TEXT, NOT_TEXT))
def test_document_numbers(value):
    assert_reason(parse_document_number, value)
    if isinstance(value, str):
        fixed = normalise_document_number(value)
        if fixed is not None:
            parse_document_number(fixed)  # a suggested correction is itself valid
            assert normalise_document_number(fixed) == fixed


@st.composite
def valid_resident_ids(draw):
    region = draw(st.integers(110000, 659999))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    first17 = f"{region}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    return first17 + resident_id_check_character(first17)


@settings(max_examples=300)
@given(number=valid_resident_ids(), position=st.integers(0, 17), digit=st.sampled_from("0123456789X"))
def test_a_valid_resident_id_passes_and_one_changed_character_fails(number, position, digit):
    validate_resident_id(number, today=TODAY)
    changed = number[:position] + digit + number[position + 1 :]
    assume(changed != number)
    if position < 17 and digit == "X":
        assume(False)  # not a digit where one is required: refused for that reason, tested above
    try:
        validate_resident_id(changed, today=TODAY)
    except ValueError:
        return
    raise AssertionError(f"{changed} 被误认为有效")


@settings(max_examples=300)
@given(
    first17=st.text(alphabet=CHARSET, min_size=17, max_size=17),
    position=st.integers(0, 17),
    replacement=st.sampled_from(CHARSET),
)
def test_a_valid_uscc_passes_and_one_changed_character_fails(first17, position, replacement):
    code = first17 + uscc_check_character(first17)
    validate_uscc(code)
    changed = code[:position] + replacement + code[position + 1 :]
    assume(changed != code)
    try:
        validate_uscc(changed)
    except ValueError:
        return
    raise AssertionError(f"{changed} 被误认为有效")


@settings(max_examples=200)
@given(
    issuer=st.text(alphabet="国办发浙政乐民函明电", min_size=1, max_size=6),
    year=st.integers(1949, 2100),
    sequence=st.integers(1, 9999),
)
def test_every_standard_number_parses_back_to_its_parts(issuer, year, sequence):
    parsed = parse_document_number(f"{issuer}〔{year}〕{sequence}号")
    assert (parsed.issuer, parsed.year, parsed.sequence) == (issuer, year, sequence)
