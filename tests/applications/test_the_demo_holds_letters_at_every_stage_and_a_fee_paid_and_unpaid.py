"""The demo's 乐清市民政局 cases carry letters through every stage (issued with a 文号 and stored files, signed
by the department head and awaiting the leader, a fresh draft) and both endings of a fee notice: paid, and
unpaid and so deemed abandoned, counted in the 其他处理 row of §三."""

import re

import pytest

from gongkai.agencies.models import Agency
from gongkai.applications.fees import fee_totals
from gongkai.applications.letters import BLANK
from gongkai.applications.models import Letter, LetterStatus, sha256_hex
from gongkai.demo import load_demo
from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.reports.applications_cells import fill_cells
from gongkai.rules.clock import EventType

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()
    return Agency.objects.get(code="yqsmzj")


def test_letters_are_issued_with_consecutive_numbers_and_stored_files_or_still_await_signing(demo):
    issued = Letter.objects.filter(application__agency=demo, status=LetterStatus.ISSUED).order_by(
        "year", "sequence"
    )
    assert issued.count() >= 5
    for year in {letter.year for letter in issued}:
        sequences = [letter.sequence for letter in issued if letter.year == year]
        assert sequences == list(range(1, len(sequences) + 1))
    for letter in issued:
        assert re.fullmatch(r".+〔\d{4}〕[1-9]\d*号", letter.number)
        assert letter.issued_on.year == letter.year
        assert letter.head_signed_by_id and letter.leader_signed_by_id
        assert letter.head_signed_by_id != letter.drafted_by_id != letter.leader_signed_by_id
        assert bytes(letter.docx)[:2] == b"PK" and bytes(letter.pdf)[:5] == b"%PDF-"
        assert sha256_hex(bytes(letter.pdf)) == letter.pdf_sha256
        assert BLANK not in letter.body
    kinds = set(issued.values_list("kind", flat=True))
    assert {"correction", "extension", "fee_notice", "notice_abandoned_unpaid_fee"} <= kinds
    assert any(kind.startswith("reply_") for kind in kinds)

    # One letter awaits the leader, another is a fresh draft; neither has a number yet.
    unissued = Letter.objects.filter(application__agency=demo).exclude(status=LetterStatus.ISSUED)
    statuses = set(unissued.values_list("status", flat=True))
    assert statuses == {LetterStatus.DRAFT, LetterStatus.HEAD_SIGNED}
    assert not unissued.exclude(number=None).exists()


def test_one_fee_is_paid_and_another_left_unpaid_ends_as_deemed_abandoned(demo):
    notices = demo.applications.filter(events__type=EventType.FEE_NOTICE_RECEIVED).distinct()
    paid = [a for a in notices if a.events.filter(type=EventType.FEE_PAID).exists()]
    unpaid = [a for a in notices if a not in paid]
    assert paid and unpaid
    assert unpaid[0].events.get(type=EventType.DECIDED).data["outcome"] == "other_unpaid_fee"

    # 160 pages by the 109号 bands: 1–30 free, 31–100 at 10 yuan, 101–160 at 20 yuan.
    assert fee_totals(demo, 2025).amount == 70 * 10 + 60 * 20

    year = unpaid[0].events.get(type=EventType.DECIDED).date.year
    cells = ReportCells.blank(format_for_year(year), demo.name, year)
    fill_cells(cells, demo)
    assert cells["section3.other_unpaid_fee.total"] == 1
    assert cells["section3.other_unpaid_fee.commercial"] == 1
