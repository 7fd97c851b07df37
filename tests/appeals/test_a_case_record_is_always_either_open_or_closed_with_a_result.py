"""The database itself refuses a closed case without a result, or a result without a closing date."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from gongkai.appeals.models import Appeal
from gongkai.appeals.services import AppealError, close_appeal, register_appeal
from tests.factories import make_agency, make_appeal

pytestmark = pytest.mark.django_db


def test_the_constraints_refuse_half_closed_cases():
    agency = make_agency()
    for closed_on, result in ((date(2026, 6, 1), "pending"), (None, "upheld"), (date(2026, 1, 1), "upheld")):
        with pytest.raises(IntegrityError), transaction.atomic():
            Appeal.objects.create(
                agency=agency,
                kind="review",
                body="某复议机关",
                filed_on=date(2026, 5, 6),
                closed_on=closed_on,
                result=result,
            )


def test_the_service_refuses_future_dates_a_second_closing_and_a_pending_result():
    agency = make_agency()
    with pytest.raises(AppealError, match="不能晚于今天"):
        make_appeal(agency, filed_on=date(2027, 1, 4))
    appeal = make_appeal(agency, filed_on=date(2026, 5, 6))
    with pytest.raises(AppealError, match="审结须选择结果"):
        close_appeal(appeal, closed_on=date(2026, 6, 1), result="pending", actor=None)
    close_appeal(appeal, closed_on=date(2026, 6, 1), result="other", actor=None)
    with pytest.raises(AppealError, match="已于 2026-06-01 审结"):
        close_appeal(appeal, closed_on=date(2026, 6, 2), result="upheld", actor=None)


def test_only_a_lawsuit_after_review_names_a_review_of_the_same_agency():
    agency, other = make_agency(), make_agency()
    review = make_appeal(other, filed_on=date(2026, 3, 2))
    data = {
        "kind": "litigation_after_review",
        "body": "乐清市人民法院",
        "filed_on": date(2026, 5, 6),
        "review": review,
    }
    with pytest.raises(AppealError, match="前置行政复议须是本机关"):
        register_appeal(agency, data=data, actor=None)
    with pytest.raises(AppealError, match="只有“复议后起诉”"):
        register_appeal(other, data={**data, "kind": "litigation_direct"}, actor=None)
