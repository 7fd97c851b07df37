import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai import audit
from gongkai.audit.models import AuditEntry
from gongkai.calendar.models import CalendarYear


def year_form(**overrides):
    data = {
        "year": "2027",
        "notice_number": "国办发明电〔2026〕9号",
        "notice_title": "国务院办公厅关于2027年部分节假日安排的通知",
        "notice_date": "",
        "notice_url": "",
        "amendment_number": "",
        "amendment_notes": "",
        "days-TOTAL_FORMS": "1",
        "days-INITIAL_FORMS": "0",
        "days-MIN_NUM_FORMS": "0",
        "days-MAX_NUM_FORMS": "1000",
        "days-0-date": "2027-01-01",
        "days-0-kind": "rest",
        "days-0-holiday": "元旦",
    }
    data.update(overrides)
    return data


@pytest.fixture
def administrator(client):
    user = get_user_model().objects.create_superuser("admin", password="a-long-password-1")
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_entering_a_new_year_is_written_to_the_audit_trail(client, administrator):
    response = client.post(reverse("admin:calendar_calendaryear_add"), year_form())
    assert response.status_code == 302, response.content.decode()
    year = CalendarYear.objects.get(year=2027)
    assert year.entered_by == administrator and year.days.count() == 1
    actions = list(
        AuditEntry.objects.filter(action__startswith="calendar.").values_list("action", "actor_id")
    )
    assert actions == [("calendar.year.create", administrator.pk), ("calendar.day.create", administrator.pk)]
    assert audit.verify().ok


@pytest.mark.django_db
def test_a_year_cannot_be_saved_without_a_notice_number(client, administrator):
    response = client.post(reverse("admin:calendar_calendaryear_add"), year_form(notice_number=""))
    assert response.status_code == 200
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert not AuditEntry.objects.filter(action__startswith="calendar.").exists()


@pytest.mark.django_db
def test_a_legacy_bracketed_notice_number_is_refused_with_the_normalised_form(client, administrator):
    response = client.post(
        reverse("admin:calendar_calendaryear_add"), year_form(notice_number="国办发明电[2026]9号")
    )
    assert "应写作“国办发明电〔2026〕9号”" in response.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists()
