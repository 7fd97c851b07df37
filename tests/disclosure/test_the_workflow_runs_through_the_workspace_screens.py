"""The publication workflow as people meet it: forms, buttons and a confirmation for withdrawal."""

from django.urls import reverse

from gongkai.disclosure.models import Item, ItemStatus
from gongkai.rules.secrecy import CODES


def item_form(**overrides):
    data = {
        "title": "关于开展2026年度退役军人优待证申领工作的通知",
        "document_number": "乐退役军人发〔2026〕8号",
        "formed_on": "2026-03-02",
        "publisher": "乐清市退役军人事务局",
        "kind": "general",
        "validity": "valid",
        "summary": "优待证申领范围、材料和办理地点。",
        "body": "<p>各镇街：</p><p onclick='x()'>现将有关事项通知如下。</p><script>alert(1)</script>",
        "attribute": "proactive",
        "withheld_basis": "",
    }
    data.update(overrides)
    return data


# The 保密审查 checklist answered 否 throughout with an opinion, and 签发 for publication at once; each step
# reads only its own fields.
ANSWERS = {**dict.fromkeys(CODES, "no"), "opinion": "经审查，不涉密，同意公开。", "when": "now"}


def test_a_draft_goes_from_the_form_through_every_review_to_publication(people, client):
    client.force_login(people.registrar)
    response = client.post(reverse("disclosure:item_new"), item_form())
    item = Item.objects.get()
    assert response.status_code == 302
    assert "<script>" not in item.body and "onclick" not in item.body
    client.post(reverse("disclosure:item_action", args=[item.pk, "submit"]))

    for reviewer in (people.department_head, people.reviewer, people.leader):
        client.force_login(reviewer)
        page = client.get(reverse("disclosure:item", args=[item.pk])).content.decode()
        assert "退回起草人" in page
        client.post(reverse("disclosure:item_action", args=[item.pk, "approve"]), ANSWERS)

    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED and item.index_number
    history = [(e.actor, e.to_status) for e in item.events.all()]
    assert history == [
        (people.registrar, ItemStatus.DEPARTMENT_REVIEW),
        (people.department_head, ItemStatus.SECRECY_REVIEW),
        (people.reviewer, ItemStatus.LEADER_REVIEW),
        (people.leader, ItemStatus.PUBLISHED),
    ]


def test_the_drafter_is_offered_no_approval_of_their_own_item(people, client, draft):
    item = draft(drafter=people.department_head)
    client.force_login(people.department_head)
    client.post(reverse("disclosure:item_action", args=[item.pk, "submit"]))
    page = client.get(reverse("disclosure:item", args=[item.pk])).content.decode()
    assert "审核通过" not in page and "须由其他人审核" in page

    client.post(reverse("disclosure:item_action", args=[item.pk, "approve"]), follow=True)
    item.refresh_from_db()
    assert item.status == ItemStatus.DEPARTMENT_REVIEW


def test_a_reviewer_returns_an_item_with_a_reason_that_the_history_keeps(people, client, draft):
    item = draft()
    client.force_login(people.registrar)
    client.post(reverse("disclosure:item_action", args=[item.pk, "submit"]))
    client.force_login(people.department_head)

    response = client.post(
        reverse("disclosure:item_action", args=[item.pk, "return"]), {"reason": ""}, follow=True
    )
    assert "退回须填写理由" in response.content.decode()
    client.post(reverse("disclosure:item_action", args=[item.pk, "return"]), {"reason": "文号有误，请核对。"})

    item.refresh_from_db()
    assert item.status == ItemStatus.DRAFT
    assert item.events.last().reason == "文号有误，请核对。"
    client.force_login(people.registrar)
    assert "文号有误，请核对。" in client.get(reverse("disclosure:item", args=[item.pk])).content.decode()


def test_withdrawal_is_confirmed_on_its_own_page_and_needs_a_reason(people, client, draft, publish):
    item = publish(draft())
    url = reverse("disclosure:item_withdraw", args=[item.pk])
    client.force_login(people.leader)

    assert "确认撤回" in client.get(url).content.decode()
    assert client.post(url, {"reason": ""}).status_code == 200
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED

    client.post(url, {"reason": "内容已被新文件替代。"})
    item.refresh_from_db()
    assert item.status == ItemStatus.WITHDRAWN and item.index_number
    assert item.events.last().reason == "内容已被新文件替代。"


def test_withholding_without_a_basis_is_refused_in_the_form(people, client):
    client.force_login(people.registrar)
    response = client.post(reverse("disclosure:item_new"), item_form(attribute="withheld"))
    assert response.status_code == 200
    assert "须选择法律依据" in response.content.decode()
    assert not Item.objects.exists()

    client.post(
        reverse("disclosure:item_new"), item_form(attribute="withheld", withheld_basis="process_info")
    )
    assert Item.objects.get().get_withheld_basis_display() == "过程性信息（第十六条第二款）"


def test_an_interpretation_links_to_its_policy_and_the_policy_page_lists_it(people, client, draft):
    policy = draft(
        title="乐清市退役军人优待办法", kind="normative", document_number="乐退役军人发〔2026〕3号"
    )
    client.force_login(people.registrar)
    client.post(
        reverse("disclosure:item_new"),
        item_form(
            title="《乐清市退役军人优待办法》政策解读",
            document_number="",
            kind="interpretation",
            interprets=policy.pk,
        ),
    )
    interpretation = Item.objects.get(kind="interpretation")
    assert interpretation.interprets == policy
    page = client.get(reverse("disclosure:item", args=[policy.pk])).content.decode()
    assert "《乐清市退役军人优待办法》政策解读" in page


def test_the_list_filters_by_status(people, client, draft, publish):
    publish(draft(title="已经发布的通知"))
    draft(title="仍是草稿的通知")
    client.force_login(people.registrar)
    page = client.get(reverse("disclosure:items"), {"status": "draft"}).content.decode()
    assert "仍是草稿的通知" in page and "已经发布的通知" not in page
