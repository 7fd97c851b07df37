"""The tracking page: issued letters to the applicant download with the 受理编号 and query code only; after
delivery no reply period is shown as running; a provisional due date never falls on a fixed-date holiday."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.applications import services
from gongkai.rules.workdays import add_workdays, fixed_date_holidays
from tests.applications.letters_support import issued_letter

pytestmark = pytest.mark.django_db


def track(client, application, code):
    return client.post(reverse("apply:track"), {"reference": application.reference, "query_code": code})


def test_the_applicant_downloads_the_issued_answer_and_others_get_nothing(client, personas):
    application, code = _case_with_code(personas)
    letter = issued_letter(personas, application, "reply_granted")
    url = reverse("apply:track_letter", args=[letter.pk])
    page = track(client, application, code).content.decode()
    assert "下载 PDF" in page and "如何核验文书的电子签名" in page
    ok = client.post(url, {"reference": application.reference, "query_code": code})
    assert ok.status_code == 200 and b"".join(ok.streaming_content) == bytes(letter.pdf)
    wrong = client.post(url, {"reference": application.reference, "query_code": "AAAAA-AAAAA"})
    assert wrong.status_code == 404 and "受理编号或查询码不正确" in wrong.content.decode()
    other, other_code = _case_with_code(personas)
    crossed = client.post(url, {"reference": other.reference, "query_code": other_code})
    assert crossed.status_code == 404


def test_after_delivery_no_deadline_is_shown(client, personas):
    application, code = _case_with_code(personas)
    services.record_event(
        application, "delivered", date=date(2026, 1, 22), data={"method": "post"}, actor=personas.registrar
    )
    page = track(client, application, code).content.decode()
    assert "<dt>答复期限</dt>" not in page and "已办结，不再计算答复期限" in page


def _case_with_code(personas):
    from tests.factories import make_application

    application, code = make_application(personas.agency, received_on=date(2026, 1, 12))
    services.record_event(
        application, "decided", date=date(2026, 1, 20), data={"outcome": "granted"}, actor=personas.registrar
    )
    return application, code


class NoNotice:
    def year_data(self, year):
        return fixed_date_holidays(year)


def test_a_provisional_period_skips_new_year_and_the_october_holidays():
    # 20 working days after 4 December 2026 counted Monday–Friday end on Friday 1 January 2027, New Year's
    # Day; without the 2027 notice the count still skips it and ends on Monday 4 January.
    assert add_workdays(date(2026, 12, 4), 20, NoNotice()) == date(2027, 1, 4)
    assert date(2027, 1, 1) in fixed_date_holidays(2027).rest_days
    assert {date(2027, 10, 1)} <= fixed_date_holidays(2027).rest_days
    assert date(2026, 10, 3) not in fixed_date_holidays(2026).rest_days  # a Saturday anyway
