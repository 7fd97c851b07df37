"""From an application's case page the registrar registers a 行政复议 or lawsuit against its answer: the
link opens the appeal form with the application chosen, and the case page then lists the appeal."""

import html
import re
from datetime import date

import pytest
from django.urls import reverse

from gongkai.appeals.models import Appeal
from tests.factories import make_application

pytestmark = pytest.mark.django_db


def test_the_case_page_links_to_the_appeal_form_with_the_application_chosen(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=date(2026, 3, 2))
    client = logged_in(personas.registrar)
    case_url = reverse("applications:detail", args=[application.pk])

    page = client.get(case_url).content.decode()
    link = html.unescape(re.search(r'href="([^"]*)">登记本申请的行政复议或行政诉讼', page).group(1))
    form = client.get(link).content.decode()
    assert re.search(rf'<option value="{application.pk}" selected>{application.reference}</option>', form)

    client.post(
        reverse("appeals:register"),
        {
            "agency": personas.agency.code,
            "kind": "litigation_direct",
            "application": application.pk,
            "body": "乐清市人民法院",
            "case_number": "（2026）浙0382行初7号",
            "filed_on": "2026-06-01",
        },
    )
    assert Appeal.objects.get().application == application
    page = client.get(case_url).content.decode()
    assert "（2026）浙0382行初7号" in page and "尚未审结" in page


def test_people_who_do_not_register_cases_see_the_appeals_but_no_link(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=date(2026, 3, 2))
    page = logged_in(personas.leader).get(reverse("applications:detail", args=[application.pk]))
    assert "行政复议与行政诉讼" in page.content.decode()
    assert "登记本申请的行政复议或行政诉讼" not in page.content.decode()
