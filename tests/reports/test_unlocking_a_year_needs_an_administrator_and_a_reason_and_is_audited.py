"""Only the agency's administrator unlocks a published year, only with a reason; the unlock is in the
audit trail and the year's records can then be corrected."""

from datetime import date

import pytest

from gongkai.agencies.access import NotAllowed
from gongkai.audit.models import AuditEntry
from gongkai.reports import services
from gongkai.reports.locks import YearLocked
from tests.factories import make_application, make_personas
from tests.reports.published import lock_year

pytestmark = pytest.mark.django_db


def test_a_registrar_cannot_unlock_an_administrator_must_give_a_reason_and_the_unlock_is_audited():
    people = make_personas()
    report = lock_year(people.agency, 2025).report
    with pytest.raises(YearLocked):
        make_application(people.agency, received_on=date(2025, 4, 1))

    with pytest.raises(NotAllowed, match="管理员"):
        services.unlock_year(report, actor=people.registrar, reason="补录")
    with pytest.raises(services.ReportError, match="理由"):
        services.unlock_year(report, actor=people.admin, reason="  ")
    unlock = services.unlock_year(report, actor=people.admin, reason="补录一件邮寄申请")

    entry = AuditEntry.objects.get(action="report.year.unlock")
    assert entry.actor_id == people.admin.pk and entry.details == {"year": 2025, "reason": "补录一件邮寄申请"}
    assert unlock.reason == "补录一件邮寄申请"
    make_application(people.agency, received_on=date(2025, 4, 1))  # the correction goes through now
    with pytest.raises(services.ReportError, match="未锁定"):
        services.unlock_year(report, actor=people.admin, reason="再次")
