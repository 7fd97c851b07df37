"""The disclosure office registers a 行政复议 against an answer and later records its result; both audited."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.appeals.models import Appeal
from gongkai.audit.models import AuditEntry
from tests.factories import make_application

pytestmark = pytest.mark.django_db


def test_a_registrar_registers_a_review_of_an_answer_and_closes_it_as_corrected(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=date(2026, 3, 2))
    client = logged_in(personas.registrar)

    response = client.post(
        reverse("appeals:register"),
        {
            "agency": personas.agency.code,
            "kind": "review",
            "application": application.pk,
            "body": "乐清市人民政府",
            "case_number": "乐政复〔2026〕12号",
            "filed_on": "2026-05-06",
        },
    )
    appeal = Appeal.objects.get()
    assert response.status_code == 302 and response.url == reverse("appeals:detail", args=[appeal.pk])
    assert (appeal.agency, appeal.application, appeal.result) == (personas.agency, application, "pending")

    page = client.get(reverse("appeals:detail", args=[appeal.pk])).content.decode()
    assert "乐政复〔2026〕12号" in page and application.reference in page and "尚未审结" in page

    response = client.post(
        reverse("appeals:close", args=[appeal.pk]), {"result": "corrected", "closed_on": "2026-07-01"}
    )
    appeal.refresh_from_db()
    assert response.status_code == 302
    assert (appeal.result, appeal.closed_on) == ("corrected", date(2026, 7, 1))
    actions = list(AuditEntry.objects.filter(action__startswith="appeal.").values_list("action", flat=True))
    assert actions == ["appeal.register", "appeal.close"]


def test_the_register_form_answers_in_chinese_and_saves_nothing_when_fields_are_missing(personas, logged_in):
    client = logged_in(personas.registrar)
    response = client.post(reverse("appeals:register"), {"agency": personas.agency.code, "kind": "review"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "请更正以下错误" in page and "这个字段是必填项" in page
    assert not Appeal.objects.exists()


def test_a_case_cannot_close_before_it_was_filed(personas, logged_in):
    client = logged_in(personas.registrar)
    client.post(
        reverse("appeals:register"),
        {
            "agency": personas.agency.code,
            "kind": "litigation_direct",
            "body": "乐清市人民法院",
            "filed_on": "2026-05-06",
        },
    )
    appeal = Appeal.objects.get()
    response = client.post(
        reverse("appeals:close", args=[appeal.pk]), {"result": "upheld", "closed_on": "2026-05-01"}
    )
    assert "早于立案/受理日期" in response.content.decode()
    appeal.refresh_from_db()
    assert appeal.is_open and appeal.result == "pending"


def test_the_lawsuit_link_on_a_review_pre_fills_the_review_and_its_application(personas, logged_in):
    from tests.factories import make_appeal

    application, _ = make_application(personas.agency, received_on=date(2026, 3, 2))
    review = make_appeal(personas.agency, filed_on=date(2026, 5, 6), application=application)
    client = logged_in(personas.registrar)
    page = client.get(reverse("appeals:detail", args=[review.pk])).content.decode()
    link = reverse("appeals:register") + f"?agency={personas.agency.code}&amp;kind=litigation_after_review"
    assert link in page
    form = client.get(link.replace("&amp;", "&") + f"&review={review.pk}&application={application.pk}")
    assert form.context["form"].initial == {
        "kind": "litigation_after_review",
        "review": str(review.pk),
        "application": str(application.pk),
    }
