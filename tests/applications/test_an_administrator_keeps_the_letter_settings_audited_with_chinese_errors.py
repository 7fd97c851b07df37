"""The agency's 管理员 keeps its letter settings (文号 代字, reviewing body and court, remedy periods) on the
workspace: bad input is refused field by field in Chinese and saves nothing, a change is audited with the old
and new values, and the next issued letter uses it. Nobody else may change them."""

import pytest
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.applications.models import LetterSettings
from gongkai.audit.models import AuditEntry
from tests.applications.letters_support import decided_case, issued_letter
from tests.factories import make_person

pytestmark = pytest.mark.django_db

VALID = {
    "number_prefix": "乐退役军人公开",
    "review_body": "乐清市人民政府",
    "review_days": "60",
    "court": "乐清市人民法院",
    "litigation_months": "6",
}


def url(agency):
    return reverse("applications:letter_settings", args=[agency.code])


def test_the_administrator_changes_the_settings_and_the_next_letter_follows(personas, logged_in):
    client = logged_in(personas.admin)
    page = client.get(url(personas.agency))
    assert page.status_code == 200
    assert "〔" in page.content.decode() and "1号" in page.content.decode()

    response = client.post(url(personas.agency), VALID)
    assert response.status_code == 302
    settings = LetterSettings.objects.get(agency=personas.agency)
    assert (settings.number_prefix, settings.court) == ("乐退役军人公开", "乐清市人民法院")
    entry = AuditEntry.objects.filter(action="letter_settings.change").get()
    assert entry.actor_id == personas.admin.pk and entry.agency_id == personas.agency.pk
    assert entry.details["number_prefix"]["new"] == "乐退役军人公开"
    assert entry.details["number_prefix"]["old"] != "乐退役军人公开"
    assert "已保存文书设置" in client.get(url(personas.agency)).content.decode()

    letter = issued_letter(personas, decided_case(personas), "reply_granted")
    assert letter.number == "乐退役军人公开〔2026〕1号"
    assert "向乐清市人民法院提起行政诉讼" in letter.body
    assert "60日内向乐清市人民政府申请行政复议" in letter.body


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("number_prefix", "乐退役军人〔2026〕", "代字不含年份和括号"),
        ("number_prefix", "乐退役军人12号", "代字不含序号"),
        ("number_prefix", "", "请填写文书编号代字"),
        ("review_body", "  ", "请填写行政复议机关"),
        ("review_days", "30", "不得少于 60 日"),
        ("review_days", "六十", "应为整数"),
        ("litigation_months", "0", "1 至 24 个月"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_nothing_is_saved(personas, logged_in, field, value, message):
    client = logged_in(personas.admin)
    client.get(url(personas.agency))
    before = LetterSettings.objects.filter(agency=personas.agency).values().get()

    response = client.post(url(personas.agency), {**VALID, field: value})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert LetterSettings.objects.filter(agency=personas.agency).values().get() == before
    assert not AuditEntry.objects.filter(action="letter_settings.change").exists()


def test_only_the_agencys_administrator_may_open_the_settings(personas, logged_in, client):
    for person in (personas.registrar, personas.leader, personas.supervisor):
        client.force_login(person)
        assert client.get(url(personas.agency)).status_code == 403
        assert client.post(url(personas.agency), VALID).status_code == 403
    client.force_login(make_person(personas.other_agency, Role.ADMIN))
    assert client.get(url(personas.agency)).status_code == 404
    assert client.post(url(personas.agency), VALID).status_code == 404
    assert not AuditEntry.objects.filter(action="letter_settings.change").exists()


def test_the_case_list_links_the_settings_for_administrators_only(personas, logged_in, client):
    link = reverse("applications:letter_settings_index")
    assert link in logged_in(personas.admin).get(reverse("applications:list")).content.decode()
    assert logged_in(personas.admin).get(link).url == url(personas.agency)
    client.force_login(personas.registrar)
    assert link not in client.get(reverse("applications:list")).content.decode()
    assert client.get(link).status_code == 403
