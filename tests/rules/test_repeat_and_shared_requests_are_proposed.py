"""Art. 36(6) repeats and Art. 44 information many applicants ask for: proposals, not decisions."""

from datetime import date

from gongkai.rules.outcomes import RequestRecord, find_repeats, find_shared_requests, information_key


def d(text):
    return date.fromisoformat(text)


ROAD = information_key("2025年 城东路改造工程 的招标文件。")


def record(ref, applicant, key=ROAD, received="2026-01-05", decided=None, outcome=None):
    return RequestRecord(ref, applicant, key, d(received), d(decided) if decided else None, outcome)


def test_the_same_request_retyped_meets_under_one_key():
    assert information_key("2025年城东路改造工程的招标文件") == ROAD
    assert information_key("２０２５年城东路改造工程的招标文件！") == ROAD
    assert information_key("2024年城东路改造工程的招标文件") != ROAD


def test_a_document_number_identifies_the_information():
    assert information_key("关于……的通知", "乐政发[2023]5号") == information_key("通知", "乐政发〔2023〕5号")


def test_an_answered_request_of_the_same_applicant_is_a_repeat():
    earlier = record("A1", "p1", decided="2026-01-20", outcome="granted")
    new = record("A2", "p1", received="2026-02-01")
    assert find_repeats(new, [earlier]) == [earlier]


def test_other_applicants_open_cases_and_abandoned_cases_are_not_repeats():
    history = [
        record("A1", "p2", decided="2026-01-20", outcome="granted"),  # someone else
        record("A2", "p1"),  # not answered yet
        record(
            "A3", "p1", decided="2026-01-20", outcome="other_no_correction"
        ),  # never answered on substance
        record("A4", "p1", decided="2026-02-05", outcome="granted"),  # answered after the new one arrived
        record("A5", "p1", key=information_key("别的信息"), decided="2026-01-20", outcome="granted"),
    ]
    assert find_repeats(record("N", "p1", received="2026-02-01"), history) == []


def test_several_applicants_for_disclosable_information_suggest_proactive_disclosure():
    records = [
        record("A1", "p1", decided="2026-01-20", outcome="granted"),
        record("A2", "p2"),
        record("A3", "p3", received="2026-01-09"),
        record("B1", "p1", key="内容:其他", decided="2026-01-20", outcome="granted"),
    ]
    [found] = find_shared_requests(records)
    assert found.information_key == ROAD
    assert found.applicant_keys == ("p1", "p2", "p3")


def test_information_refused_or_asked_by_one_applicant_is_not_suggested():
    refused = [
        record("A1", "p1", decided="2026-01-20", outcome="denied_state_secret"),
        record("A2", "p2", decided="2026-01-20", outcome="denied_state_secret"),
    ]
    one_person = [record("A1", "p1", decided="2026-01-20", outcome="granted"), record("A2", "p1")]
    assert find_shared_requests(refused) == []
    assert find_shared_requests(one_person) == []
