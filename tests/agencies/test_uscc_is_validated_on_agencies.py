import pytest
from django.core.exceptions import ValidationError

from gongkai.agencies.models import Agency, AgencyKind, Level
from tests.factories import make_agency, valid_uscc

pytestmark = pytest.mark.django_db


def agency_with(uscc: str) -> Agency:
    return Agency(name="测试局", code="ceshi", uscc=uscc, level=Level.COUNTY, kind=AgencyKind.DEPARTMENT)


def test_an_agency_with_a_valid_code_passes_validation():
    agency_with(valid_uscc()).full_clean()


def test_a_wrong_check_character_is_rejected_with_the_expected_character_named():
    code = valid_uscc()
    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    with pytest.raises(ValidationError) as error:
        agency_with(wrong).full_clean()
    message = error.value.message_dict["uscc"][0]
    assert "校验码错误" in message
    assert f"第 18 位应为“{code[17]}”" in message


def test_a_code_of_the_wrong_length_is_rejected_in_chinese():
    with pytest.raises(ValidationError) as error:
        agency_with("1133038200256000").full_clean()
    assert "应为 18 位" in error.value.message_dict["uscc"][0]


def test_lower_case_letters_are_rejected_rather_than_silently_accepted():
    code = "11330382MB1C42718X"  # valid in capitals
    agency_with(code).full_clean()
    with pytest.raises(ValidationError) as error:
        agency_with(code.lower()).full_clean()
    assert "非法字符" in error.value.message_dict["uscc"][0]


def test_two_agencies_cannot_share_a_code():
    first = make_agency()
    with pytest.raises(ValidationError) as error:
        agency_with(first.uscc).full_clean()
    assert "uscc" in error.value.message_dict


def test_an_agency_code_that_would_hide_a_site_page_is_refused():
    agency = agency_with(valid_uscc())
    agency.code = "admin"
    with pytest.raises(ValidationError) as error:
        agency.full_clean()
    assert "系统保留" in error.value.message_dict["code"][0]
