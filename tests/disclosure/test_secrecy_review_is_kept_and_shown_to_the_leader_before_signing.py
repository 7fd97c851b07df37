"""保密审查 with a record: the reviewer's checklist and opinion stay in the item's history, the leader sees
them before 签发, and answers that bar disclosure stop the item."""

from django.urls import reverse

from gongkai.audit.models import AuditEntry
from gongkai.disclosure import workflow
from gongkai.disclosure.models import ItemStatus
from gongkai.rules.secrecy import CODES, THIRD_PARTY

OPINION = "已删除第三段中的个人身份信息，其余内容不涉密，同意公开。"


def at_secrecy_review(people, draft):
    item = draft()
    workflow.submit(item, people.registrar)
    return workflow.approve(item, people.department_head)


def test_the_checklist_and_opinion_are_kept_on_the_step_and_in_the_audit_trail(people, draft):
    item = at_secrecy_review(people, draft)
    answers = {**dict.fromkeys(CODES, False), THIRD_PARTY: True}

    item = workflow.approve(item, people.reviewer, checklist=answers, opinion=OPINION)

    assert item.status == ItemStatus.LEADER_REVIEW
    record = workflow.secrecy_record(item)
    assert record.actor == people.reviewer
    assert record.checklist == answers and record.reason == OPINION
    audit = AuditEntry.objects.get(
        action="disclosure.item.approve", target_id=str(item.pk), actor_id=people.reviewer.pk
    )
    assert audit.details["checklist"][THIRD_PARTY] is True


def test_without_the_checklist_the_review_does_not_pass(people, draft):
    item = at_secrecy_review(people, draft)

    try:
        workflow.approve(item, people.reviewer)
    except workflow.WorkflowError as exc:
        assert "逐项回答" in str(exc)
    else:
        raise AssertionError("保密审查不应在未回答清单时通过")
    item.refresh_from_db()
    assert item.status == ItemStatus.SECRECY_REVIEW
    assert not item.events.filter(to_status=ItemStatus.LEADER_REVIEW).exists()


def test_the_reviewer_answers_on_the_page_and_a_bar_to_disclosure_keeps_the_answers(people, client, draft):
    item = at_secrecy_review(people, draft)
    client.force_login(people.reviewer)
    url = reverse("disclosure:item_action", args=[item.pk, "approve"])

    page = client.get(reverse("disclosure:item", args=[item.pk])).content.decode()
    assert "保密审查清单" in page and "三安全一稳定" in page

    refused = client.post(
        url, {**dict.fromkeys(CODES, "no"), "state_secret": "yes", "opinion": "涉及国家秘密"}
    )
    assert refused.status_code == 400
    text = refused.content.decode()
    assert "第十四条" in text and "涉及国家秘密" in text  # the opinion typed is still there
    item.refresh_from_db()
    assert item.status == ItemStatus.SECRECY_REVIEW

    client.post(url, {**dict.fromkeys(CODES, "no"), "opinion": OPINION})
    item.refresh_from_db()
    assert item.status == ItemStatus.LEADER_REVIEW

    client.force_login(people.leader)
    page = client.get(reverse("disclosure:item", args=[item.pk])).content.decode()
    before_sign = page.index("签发并发布")
    assert 0 < page.index("保密审查意见") < before_sign
    assert page.index(OPINION) < before_sign
