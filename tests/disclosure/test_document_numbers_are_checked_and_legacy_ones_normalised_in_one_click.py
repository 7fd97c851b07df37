from django.urls import reverse

from gongkai.disclosure.forms import FIX_FIELD
from gongkai.disclosure.models import OfficialDocument


def document(**overrides):
    data = {
        "document_number": "乐退役军人发〔2026〕8号",
        "title": "关于开展2026年度退役军人优待证申领工作的通知",
        "issued_on": "2026-03-02",
        "attribute": "proactive",
        "attribute_reason": "",
    }
    data.update(overrides)
    return data


def test_a_legacy_number_is_refused_with_its_normalised_form_offered(people, client):
    client.force_login(people.registrar)
    response = client.post(
        reverse("disclosure:document_new"), document(document_number="乐退役军人发[2026]第008号")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "六角括号" in page
    assert f'name="{FIX_FIELD}" value="乐退役军人发〔2026〕8号"' in page
    assert not OfficialDocument.objects.exists()


def test_one_click_accepts_the_normalised_number_and_saves(people, client):
    client.force_login(people.registrar)
    client.post(
        reverse("disclosure:document_new"),
        document(document_number="乐退役军人发[2026]第008号", **{FIX_FIELD: "乐退役军人发〔2026〕8号"}),
    )
    assert OfficialDocument.objects.get().document_number == "乐退役军人发〔2026〕8号"


def test_an_order_keeps_its_own_numbering(people, client):
    client.force_login(people.registrar)
    client.post(reverse("disclosure:document_new"), document(document_number="乐清市人民政府令第3号"))
    assert OfficialDocument.objects.get().document_number == "乐清市人民政府令第3号"


def test_an_unreadable_number_is_refused_without_a_suggestion(people, client):
    client.force_login(people.registrar)
    page = client.post(
        reverse("disclosure:document_new"), document(document_number="八号文件")
    ).content.decode()
    assert "发文字号格式应为" in page and FIX_FIELD not in page


def test_the_item_form_offers_the_same_normalisation(people, client):
    client.force_login(people.registrar)
    data = {
        "title": "通知",
        "document_number": "乐退役军人发（2026）12号",
        "formed_on": "2026-03-02",
        "kind": "general",
        "validity": "valid",
        "attribute": "proactive",
    }
    page = client.post(reverse("disclosure:item_new"), data).content.decode()
    assert 'value="乐退役军人发〔2026〕12号"' in page
