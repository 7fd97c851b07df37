"""按量计收 (109号 Art. 5) needs a carrier that makes copies; one application is never charged both ways."""

from datetime import date

import pytest

from gongkai.applications import fees, services
from gongkai.applications.models import ApplicationEvent
from gongkai.rules.clock import ClockError
from tests.factories import make_application, valid_resident_id

pytestmark = pytest.mark.django_db


def _notice(personas, application, on=date(2026, 1, 20), **data):
    return services.record_event(
        application, "fee_notice_received", date=on, data=data, actor=personas.registrar
    )


def test_pages_on_paper_are_charged_by_the_bands(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12), carriers=["paper"])
    event = _notice(personas, application, fee_method="per_page", pages=101)
    # 70 pages × 10 + 1 page × 20 (109号 Art. 5 bands), computed here independently.
    assert event.data == {"fee_method": "per_page", "pages": 101, "amount": 720}


def test_per_page_is_refused_when_the_applicant_only_inspects_on_the_premises(personas):
    application, _ = make_application(
        personas.agency, received_on=date(2026, 1, 12), carriers=[], routes=["inspect"]
    )
    with pytest.raises(ClockError, match="按量计收只适用于"):
        _notice(personas, application, fee_method="per_page", pages=50)
    assert not ApplicationEvent.objects.filter(type="fee_notice_received").exists()


def test_one_notice_cannot_name_both_methods(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    with pytest.raises(ClockError, match="同一申请"):
        _notice(personas, application, fee_method="per_item", pages=50)


def test_a_later_notice_cannot_switch_to_the_other_method(personas):
    person = valid_resident_id("33038219900202002")
    cases = [
        make_application(personas.agency, received_on=date(2026, 1, 12), id_number=person)[0]
        for _ in range(11)
    ]
    application = cases[-1]
    _notice(personas, application, fee_method="per_page", pages=40)
    services.record_event(application, "fee_paid", date=date(2026, 1, 22), actor=personas.registrar)
    with pytest.raises(ClockError, match="不得同时按件和按量"):
        _notice(personas, application, on=date(2026, 1, 23), fee_method="per_item")
    assert fees.fee_of(application).method == "per_page"


def test_the_fee_notice_form_has_no_amount_to_type():
    from gongkai.applications.forms import FeeNoticeReceivedForm

    assert "amount" not in FeeNoticeReceivedForm.base_fields
    form = FeeNoticeReceivedForm({"date": "2026-01-20", "fee_method": "per_page"})
    assert not form.is_valid() and "按量计收须填写页数。" in form.errors["pages"]
