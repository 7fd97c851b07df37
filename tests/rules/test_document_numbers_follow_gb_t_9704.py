"""发文字号 per GB/T 9704-2012 (docs/law.md §9.2)."""

import pytest

from gongkai.rules.document_number import (
    DocumentNumber,
    normalise_document_number,
    parse_document_number,
    validate_document_number,
)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("国办发明电〔2025〕7号", DocumentNumber("国办发明电", 2025, 7)),
        ("国办公开办函〔2021〕30号", DocumentNumber("国办公开办函", 2021, 30)),
        ("建办厅函〔2021〕531号", DocumentNumber("建办厅函", 2021, 531)),
        ("中华人民共和国国务院令第711号", DocumentNumber("中华人民共和国国务院令", None, 711)),
    ],
)
def test_well_formed_numbers_are_accepted(text, parsed):
    assert parse_document_number(text) == parsed
    validate_document_number(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("国办函[2021]30号", "六角括号〔〕，应写作“国办函〔2021〕30号”"),
        ("国办函(2021)30号", "六角括号〔〕，应写作“国办函〔2021〕30号”"),
        ("国办函【2021】30号", "六角括号〔〕，应写作“国办函〔2021〕30号”"),
        ("国办函〔2021〕第12号", "不加“第”.*应写作“国办函〔2021〕12号”"),
        ("国办函〔2021〕012号", "不编虚位.*应写作“国办函〔2021〕12号”"),
        ("国办函〔21〕12号", "格式应为"),
        ("国办函〔2021〕0号", "格式应为"),
        ("", "不能为空"),
    ],
)
def test_malformed_numbers_are_refused_with_a_reason(text, message):
    with pytest.raises(ValueError, match=message):
        validate_document_number(text)


def test_legacy_square_brackets_are_normalised():
    assert normalise_document_number("宿政办函[2021]21号") == "宿政办函〔2021〕21号"


def test_nothing_is_offered_for_text_that_is_not_a_document_number():
    assert normalise_document_number("关于做好政务公开工作的通知") is None
