"""保密审查 (《条例》第十四条、第十五条、第十七条): the checklist decides whether an item may go on to 签发."""

import pytest

from gongkai.rules.secrecy import (
    CODES,
    NEEDS_APPROVAL,
    SECURITY_STABILITY,
    STATE_SECRET,
    THIRD_PARTY,
    secrecy_problems,
)

CLEAR = dict.fromkeys(CODES, False)
OPINION = "经审查，不涉及国家秘密，同意公开。"


def test_four_answers_of_no_and_an_opinion_pass():
    assert secrecy_problems(CLEAR, OPINION, to_be_disclosed=True) == []


@pytest.mark.parametrize("code", CODES)
def test_an_unanswered_question_is_named(code):
    answers = {**CLEAR, code: None}
    problems = secrecy_problems(answers, OPINION, to_be_disclosed=True)
    assert len(problems) == 1 and "逐项回答" in problems[0]


def test_an_empty_opinion_does_not_pass():
    assert any("审查意见" in p for p in secrecy_problems(CLEAR, "  ", to_be_disclosed=True))


@pytest.mark.parametrize("code", [STATE_SECRET, SECURITY_STABILITY])
def test_a_state_secret_or_a_danger_to_security_and_stability_stops_disclosure(code):
    problems = secrecy_problems({**CLEAR, code: True}, OPINION, to_be_disclosed=True)
    assert problems and "第十四条" in problems[0] and "不予公开" in problems[0]


@pytest.mark.parametrize("code", [STATE_SECRET, SECURITY_STABILITY])
def test_an_item_already_withheld_may_be_filed_with_the_same_answers(code):
    assert secrecy_problems({**CLEAR, code: True}, OPINION, to_be_disclosed=False) == []


@pytest.mark.parametrize(("code", "article"), [(THIRD_PARTY, "第十五条"), (NEEDS_APPROVAL, "第十七条")])
def test_third_party_rights_or_an_approval_need_an_opinion_that_explains(code, article):
    answers = {**CLEAR, code: True}
    short = secrecy_problems(answers, "同意公开", to_be_disclosed=True)
    assert short and article in short[0]
    explained = "已删除第三段中的个人身份信息，其余内容可以公开。"
    assert secrecy_problems(answers, explained, to_be_disclosed=True) == []
