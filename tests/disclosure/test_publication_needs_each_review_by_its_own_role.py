import pytest

from gongkai.agencies.access import NotAllowed
from gongkai.agencies.models import Membership, Role
from gongkai.audit.models import AuditEntry
from gongkai.disclosure import workflow
from gongkai.disclosure.models import DisclosureAttribute, ItemStatus, WithheldBasis
from tests.disclosure.conftest import CLEARED, approve


def test_an_item_passes_department_secrecy_and_leader_review_before_publication(people, draft):
    item = draft()

    item = workflow.submit(item, people.registrar)
    assert item.status == ItemStatus.DEPARTMENT_REVIEW
    item = workflow.approve(item, people.department_head)
    assert item.status == ItemStatus.SECRECY_REVIEW
    item = workflow.approve(item, people.reviewer, **CLEARED)
    assert item.status == ItemStatus.LEADER_REVIEW
    item = workflow.approve(item, people.leader)

    assert item.status == ItemStatus.PUBLISHED
    assert item.published_at is not None
    steps = [(e.action, e.actor.username) for e in item.events.all()]
    assert steps == [
        ("submit", "registrar"),
        ("approve", "department_head"),
        ("approve", "reviewer"),
        ("publish", "leader"),
    ]
    assert AuditEntry.objects.filter(action="disclosure.item.publish", target_id=str(item.pk)).exists()


def test_a_step_needs_the_role_of_that_step(people, draft):
    item = draft()
    workflow.submit(item, people.registrar)

    with pytest.raises(NotAllowed, match="科室负责人"):
        workflow.approve(item, people.leader)
    item.refresh_from_db()
    assert item.status == ItemStatus.DEPARTMENT_REVIEW


def test_a_reviewer_cannot_sign_their_own_draft(people, draft):
    Membership.objects.create(user=people.leader, agency=people.agency, role=Role.DEPARTMENT_HEAD)
    item = draft(drafter=people.leader)
    workflow.submit(item, people.leader)

    with pytest.raises(workflow.WorkflowError, match="自己起草"):
        workflow.approve(item, people.leader)
    assert not workflow.can_review(item, people.leader)


def test_staff_of_another_agency_cannot_review_this_agencys_drafts(people, draft):
    Membership.objects.create(user=people.other_clerk, agency=people.other_agency, role=Role.DEPARTMENT_HEAD)
    item = draft()
    workflow.submit(item, people.registrar)

    with pytest.raises(NotAllowed, match="科室负责人审核须由乐清市退役军人事务局的科室负责人办理"):
        workflow.approve(item, people.other_clerk)


def test_any_reviewer_can_return_an_item_to_the_drafter_with_a_reason(people, draft):
    item = draft()
    workflow.submit(item, people.registrar)
    item = workflow.approve(item, people.department_head)

    with pytest.raises(workflow.WorkflowError, match="理由"):
        workflow.return_to_drafter(item, people.reviewer, "  ")
    item = workflow.return_to_drafter(item, people.reviewer, "第三段涉及个人信息，请删除")

    assert item.status == ItemStatus.DRAFT
    assert item.events.last().reason == "第三段涉及个人信息，请删除"


def test_withholding_needs_a_legal_basis_and_ends_on_file_not_on_the_portal(people, draft):
    item = draft(attribute=DisclosureAttribute.WITHHELD)
    with pytest.raises(workflow.WorkflowError, match="法律依据"):
        workflow.submit(item, people.registrar)

    item.withheld_basis = WithheldBasis.PROCESS_INFO
    item.save()
    workflow.submit(item, people.registrar)
    for reviewer in (people.department_head, people.reviewer, people.leader):
        item = approve(item, reviewer)

    assert item.status == ItemStatus.FILED
    assert item.index_number is None
    assert not item.is_public


def test_only_a_leader_or_administrator_withdraws_and_only_with_a_reason(people, draft, publish):
    item = publish(draft())

    with pytest.raises(NotAllowed, match="领导或管理员"):
        workflow.withdraw(item, people.registrar, "误发")
    with pytest.raises(workflow.WorkflowError, match="理由"):
        workflow.withdraw(item, people.leader, "")
    item = workflow.withdraw(item, people.leader, "误发")

    assert item.status == ItemStatus.WITHDRAWN


def test_a_submitted_item_cannot_be_edited_until_it_is_returned(people, draft):
    item = draft()
    workflow.submit(item, people.registrar)
    item.title = "改过的标题"

    with pytest.raises(workflow.WorkflowError, match="草稿"):
        workflow.save_draft(item, people.registrar)


def test_a_malformed_document_number_is_refused_with_the_normalised_form(people, draft):
    with pytest.raises(workflow.WorkflowError, match="〔2026〕"):
        draft(document_number="乐退役军人[2026]3号")
