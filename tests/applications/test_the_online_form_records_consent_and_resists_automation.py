"""The online form keeps only the chosen applicant type's fields, records the privacy notice and the moment
of consent with the application, and stops automated bulk applications without shutting out people."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.security import proof
from tests.factories import proven_submission, valid_resident_id, valid_uscc

from .conftest import PNG

pytestmark = pytest.mark.django_db
URL = reverse("apply:form", args=["yqtyjrswj"])


def form(**extra):
    data = {
        "applicant_type": "natural_person",
        "applicant_name": "陈小明",
        "id_type": "resident_id",
        "id_number": valid_resident_id(),
        "phone": "13612345678",
        "request_description": "请公开2025年退役军人就业补贴名单",
        "carriers": ["paper"],
        "routes": ["post"],
        "identity_document": SimpleUploadedFile("id.png", PNG),
        **proven_submission("yqtyjrswj"),
    }
    data.update(extra)
    return data


def test_the_privacy_notice_names_purpose_retention_and_contact_and_consent_is_kept(personas, client):
    page = client.get(URL).content.decode()
    assert "个人信息处理告知" in page and "目的" in page and "保存期限" in page
    assert personas.agency.telephone in page
    assert client.post(URL, form()).status_code == 302
    application = Application.objects.get()
    assert application.privacy_consented_at is not None
    assert "保存期限" in application.privacy_notice and personas.agency.name in application.privacy_notice


def test_without_consent_nothing_is_saved_and_the_reason_is_in_chinese(personas, client):
    response = client.post(URL, form(privacy_consent=""))
    assert "请阅读个人信息处理告知并勾选同意" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_person_s_application_keeps_no_organisation_fields_and_checks_none_of_them(personas, client):
    assert client.post(URL, form(uscc="不是代码", contact_person="某人")).status_code == 302
    application = Application.objects.get()
    assert application.uscc == "" and application.contact_person == ""


def test_an_organisation_s_application_needs_no_identity_number(personas, client):
    data = form(
        applicant_type="commercial",
        applicant_name="乐清某公司",
        uscc=valid_uscc(7),
        contact_person="王经理",
        id_type="",
        id_number="不是号码",
    )
    assert client.post(URL, data).status_code == 302
    assert Application.objects.get().id_type == ""


def test_without_script_a_form_sent_at_once_is_refused_and_one_sent_later_is_accepted(
    personas, client, settings
):
    settings.APPLY_NO_SCRIPT_MIN_SECONDS = 20
    token = proof.issue("apply:yqtyjrswj")
    refused = client.post(URL, form(challenge=token, proof=""))
    assert "表格打开时间过短" in refused.content.decode() and Application.objects.count() == 0
    # The page gives back the same challenge, so the time spent counts.
    assert f'value="{token}"' in refused.content.decode()
    later = time.time() + 30
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(proof.time, "time", lambda: later)
        assert client.post(URL, form(challenge=token, proof="")).status_code == 302


def test_a_wrong_proof_or_a_replayed_challenge_is_refused(personas, client):
    good = proven_submission("yqtyjrswj")
    assert client.post(URL, form(**good)).status_code == 302
    replay = client.post(URL, form(**good, applicant_name="另一人"))
    assert "防自动提交校验未通过" in replay.content.decode()
    wrong = client.post(URL, form(proof="999999999999"))
    assert wrong.status_code == 200 and Application.objects.count() == 1


def test_one_identity_number_is_limited_per_day_from_any_address(personas, client, settings):
    settings.APPLY_ID_RATE_LIMIT = 2
    settings.APPLY_RATE_LIMIT = 100
    number = valid_resident_id()
    for n in range(2):
        assert client.post(URL, form(id_number=number), REMOTE_ADDR=f"10.0.0.{n + 1}").status_code == 302
    refused = client.post(URL, form(id_number=number), REMOTE_ADDR="10.0.0.9")
    assert "同一证件号码" in refused.content.decode()
    assert Application.objects.count() == 2


def test_the_registrar_sees_when_the_applicant_consented_and_to_what(personas, client):
    from tests.factories import PASSWORD

    client.post(URL, form())
    application = Application.objects.get()
    client.login(username=personas.registrar.username, password=PASSWORD)
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    assert "个人信息处理告知" in page and "网上提交时同意" in page and "保存期限" in page
