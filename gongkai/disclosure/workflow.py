"""The publication workflow: draft → 科室负责人审核 → 保密审查 → 领导签发 → published.

Each function checks who may act, moves the item one step inside a transaction (the item row locked,
so two reviewers cannot both approve), records the step in the item's history and the audit trail,
and raises WorkflowError with a Chinese message when the step is not allowed — NotAllowed when the
person's roles do not allow it (the `item.*` actions of gongkai.agencies.access). Views only call these.
"""

from dataclasses import dataclass

from django.db import transaction
from django.tasks import default_task_backend, task
from django.utils import timezone

from gongkai import audit
from gongkai.agencies.access import ACTIONS, allows, require
from gongkai.disclosure.index_numbers import assign_index_number
from gongkai.disclosure.models import DisclosureAttribute, Item, ItemEvent, ItemStatus
from gongkai.disclosure.sanitize import sanitise_body
from gongkai.rules.document_number import validate_document_number
from gongkai.rules.secrecy import CODES as SECRECY_CODES
from gongkai.rules.secrecy import secrecy_problems


class WorkflowError(Exception):
    """A step that is not allowed; str(error) is the message shown to the person."""


@dataclass(frozen=True)
class Review:
    status: str
    action: str  # who may pass it: an action of gongkai.agencies.access.ACTIONS

    @property
    def label(self) -> str:
        """What the reviewer does, for messages and buttons."""
        return ACTIONS[self.action].what

    @property
    def roles_text(self) -> str:
        return ACTIONS[self.action].roles_text


REVIEWS = [
    Review(ItemStatus.DEPARTMENT_REVIEW, "item.department_review"),
    Review(ItemStatus.SECRECY_REVIEW, "item.secrecy_review"),
    Review(ItemStatus.LEADER_REVIEW, "item.leader_review"),
]
REVIEW_BY_STATUS = {review.status: review for review in REVIEWS}
EDITABLE = {ItemStatus.DRAFT}


def check_draft(item: Item) -> None:
    """What must hold before a draft leaves the drafter's hands."""
    problems = []
    if not item.title.strip():
        problems.append("标题不能为空。")
    if item.document_number:
        try:
            validate_document_number(item.document_number)
        except ValueError as exc:
            problems.append(f"文号：{exc}")
    if item.attribute == DisclosureAttribute.WITHHELD and not item.withheld_basis:
        problems.append("不予公开的信息须选择法律依据（《条例》第十四条至第十六条）。")
    if item.interprets_id and item.interprets.agency_id != item.agency_id:
        problems.append("政策解读只能关联本机关的政策文件。")
    if problems:
        raise WorkflowError("".join(problems))


def save_draft(item: Item, actor) -> Item:
    """Create or update a draft; only the agency's own staff may, and only while it is a draft."""
    # The stored status decides, not the caller's possibly stale copy.
    stored = Item.objects.filter(pk=item.pk).values_list("status", flat=True).first() if item.pk else None
    if stored is not None and stored not in EDITABLE:
        raise WorkflowError("只有草稿可以修改；已提交的信息请先退回起草人。")
    require(actor, "item.draft", item.agency)
    item.body = sanitise_body(item.body)
    if item.document_number:
        check_draft(item)
    creating = item.pk is None
    with transaction.atomic():
        item.save()
        audit.record(
            "disclosure.item.create" if creating else "disclosure.item.edit",
            actor=actor,
            agency=item.agency,
            target=item,
            details={"title": item.title},
        )
    return item


def _step(item: Item, actor, action: str, to_status: str, reason: str = "", checklist=None) -> Item:
    from_status = item.status
    item.status = to_status
    item.save()
    ItemEvent.objects.create(
        item=item,
        action=action,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        checklist=checklist or {},
    )
    details = {"from": from_status, "to": to_status, "reason": reason, "index_number": item.index_number}
    if checklist:
        details["checklist"] = checklist
    if item.publish_at and to_status == ItemStatus.SCHEDULED:
        details["publish_at"] = item.publish_at.isoformat()
    audit.record(f"disclosure.item.{action}", actor=actor, agency=item.agency, target=item, details=details)
    return item


def _locked(item: Item) -> Item:
    # of=("self",): lock the item row only. Without it PostgreSQL locks the joined agency row too, and a
    # publication then deadlocks with any transaction whose foreign-key check needs that agency.
    return Item.objects.select_for_update(of=("self",)).select_related("agency").get(pk=item.pk)


def submit(item: Item, actor) -> Item:
    with transaction.atomic():
        item = _locked(item)
        if item.status != ItemStatus.DRAFT:
            raise WorkflowError(f"该信息当前为“{item.get_status_display()}”，不能再次提交。")
        if actor.pk != item.drafter_id:
            raise WorkflowError("只有起草人可以提交审核。")
        check_draft(item)
        return _step(item, actor, "submit", ItemStatus.DEPARTMENT_REVIEW)


def current_review(item: Item) -> Review | None:
    return REVIEW_BY_STATUS.get(item.status)


def can_review(item: Item, actor) -> bool:
    review = current_review(item)
    return bool(review) and actor.pk != item.drafter_id and allows(actor, review.action, item.agency)


def _require_reviewer(item: Item, actor) -> Review:
    review = current_review(item)
    if review is None:
        raise WorkflowError(f"该信息当前为“{item.get_status_display()}”，没有待办的审核。")
    if actor.pk == item.drafter_id:
        # Sign-off is a second pair of eyes: the drafter never reviews their own item.
        raise WorkflowError("不能审核或签发自己起草的信息。")
    require(actor, review.action, item.agency)
    return review


def secrecy_record(item: Item):
    """The latest 保密审查 that passed the item (its event: checklist and opinion), or None."""
    return (
        item.events.filter(from_status=ItemStatus.SECRECY_REVIEW, to_status=ItemStatus.LEADER_REVIEW)
        .select_related("actor")
        .order_by("-at", "-pk")
        .first()
    )


def approve(item: Item, actor, *, checklist=None, opinion: str = "", publish_at=None) -> Item:
    """Pass the current review; the leader's sign-off publishes a 主动公开 item, now or at `publish_at`.

    保密审查 passes only with every question of the checklist answered and an opinion
    (gongkai.rules.secrecy); both are kept on the step's event.
    """
    with transaction.atomic():
        item = _locked(item)
        review = _require_reviewer(item, actor)
        position = REVIEWS.index(review)
        if review.status == ItemStatus.SECRECY_REVIEW:
            answers = {code: (checklist or {}).get(code) for code in SECRECY_CODES}
            opinion = (opinion or "").strip()
            to_be_disclosed = item.attribute != DisclosureAttribute.WITHHELD
            problems = secrecy_problems(answers, opinion, to_be_disclosed=to_be_disclosed)
            if problems:
                raise WorkflowError("".join(problems))
            return _step(item, actor, "approve", REVIEWS[position + 1].status, opinion, answers)
        if position + 1 < len(REVIEWS):
            return _step(item, actor, "approve", REVIEWS[position + 1].status)
        if item.attribute != DisclosureAttribute.PROACTIVE:
            return _step(item, actor, "sign", ItemStatus.FILED)
        now = timezone.now()
        if publish_at is not None and publish_at > now:
            item.publish_at = publish_at
            item = _step(item, actor, "schedule", ItemStatus.SCHEDULED)
            transaction.on_commit(lambda: _enqueue_publication(item))
            return item
        return _publish_now(item, actor, now)


def _publish_now(item: Item, actor, now, reason: str = "") -> Item:
    item.published_at = now
    assign_index_number(item, timezone.localdate(now))
    return _step(item, actor, "publish", ItemStatus.PUBLISHED, reason)


@task
def publish_scheduled_items() -> int:
    """The worker's task, queued at sign-off to run at the 发布时间: publishes whatever is due."""
    return len(publish_due())


def _enqueue_publication(item: Item) -> None:
    # The database backend holds the task until the 发布时间 and the worker (`gongkai worker`) runs it then.
    # A backend that cannot wait (tests run tasks at once) leaves it to `gongkai disclosure publish-due`.
    if default_task_backend.supports_defer:
        publish_scheduled_items.using(run_after=item.publish_at).enqueue()


def publish_due(now=None) -> list[Item]:
    """Publish every scheduled item whose 发布时间 has come; safe to run any number of times.

    The worker runs it at each item's time; `gongkai disclosure publish-due` runs it too, so an item is
    published even if its queued task was lost. The sign-off's leader is recorded as having published it.
    """
    now = now or timezone.now()
    published = []
    due = Item.objects.filter(status=ItemStatus.SCHEDULED, publish_at__lte=now).values_list("pk", flat=True)
    for pk in list(due):
        with transaction.atomic():
            item = Item.objects.select_for_update(of=("self",)).select_related("agency").get(pk=pk)
            if item.status != ItemStatus.SCHEDULED or item.publish_at > now:
                continue  # published (or cancelled) meanwhile
            signed = item.events.filter(to_status=ItemStatus.SCHEDULED).order_by("-at", "-pk").first()
            actor = signed.actor if signed else item.drafter
            reason = f"按签发时确定的发布时间 {timezone.localtime(item.publish_at):%Y-%m-%d %H:%M} 发布"
            published.append(_publish_now(item, actor, now, reason))
    return published


def cancel_schedule(item: Item, actor, reason: str) -> Item:
    """Take a scheduled item back to 领导签发 before its time; it was never public."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("取消预定发布须填写理由。")
    with transaction.atomic():
        item = _locked(item)
        if item.status != ItemStatus.SCHEDULED:
            raise WorkflowError("只有已签发待发布的信息可以取消预定发布。")
        require(actor, "item.leader_review", item.agency)
        item.publish_at = None
        return _step(item, actor, "unschedule", ItemStatus.LEADER_REVIEW, reason)


def return_to_drafter(item: Item, actor, reason: str) -> Item:
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("退回须填写理由。")
    with transaction.atomic():
        item = _locked(item)
        _require_reviewer(item, actor)
        return _step(item, actor, "return", ItemStatus.DRAFT, reason)


def withdraw(item: Item, actor, reason: str) -> Item:
    """Take a published item off the portal; it is never deleted and keeps its 索引号."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("撤回须填写理由。")
    with transaction.atomic():
        item = _locked(item)
        if item.status != ItemStatus.PUBLISHED:
            raise WorkflowError("只有已发布的信息可以撤回。")
        require(actor, "item.withdraw", item.agency, what="撤回")
        return _step(item, actor, "withdraw", ItemStatus.WITHDRAWN, reason)
