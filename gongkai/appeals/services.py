"""What staff do with 行政复议/行政诉讼 cases. Each change is one transaction and audited.

register_appeal(agency, *, data, actor) -> Appeal        AppealError (Chinese message) on bad input
close_appeal(appeal, *, closed_on, result, note="", actor) -> Appeal
reopen_appeal(appeal, *, actor, reason) -> Appeal        undo a closing recorded by mistake
appeals_visible_to(user) -> QuerySet
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from gongkai import audit
from gongkai.agencies.access import agencies_visible_to

from .models import CLOSED_RESULTS, Appeal, AppealKind, AppealResult

REGISTER_FIELDS = ("application", "kind", "review", "body", "case_number", "filed_on", "summary")


class AppealError(ValueError):
    """Input that cannot make a true case record; the message says why, in Chinese."""


def appeals_visible_to(user):
    return Appeal.objects.filter(agency__in=agencies_visible_to(user))


def _check_links(agency, application, kind, review) -> None:
    if application is not None and application.agency_id != agency.pk:
        raise AppealError("所涉申请不是本机关受理的申请")
    if review is not None:
        if kind != AppealKind.LITIGATION_AFTER_REVIEW:
            raise AppealError("只有“复议后起诉”的案件才能关联前置行政复议")
        if review.agency_id != agency.pk or review.kind != AppealKind.REVIEW:
            raise AppealError("前置行政复议须是本机关的行政复议案件")


@transaction.atomic
def register_appeal(agency, *, data: dict, actor) -> Appeal:
    values = {name: data.get(name) for name in REGISTER_FIELDS}
    if values["kind"] not in AppealKind.values:
        raise AppealError("请选择案件类型")
    if not (values["body"] or "").strip():
        raise AppealError("请填写复议机关或审理法院")
    filed_on = values["filed_on"]
    if not isinstance(filed_on, date):
        raise AppealError("请填写立案/受理日期")
    if filed_on > timezone.localdate():
        raise AppealError(f"立案/受理日期 {filed_on.isoformat()} 不能晚于今天")
    _check_links(agency, values["application"], values["kind"], values["review"])
    if values["application"] is None and values["review"] is not None:
        values["application"] = values["review"].application
    for text in ("body", "case_number", "summary"):
        values[text] = (values[text] or "").strip()
    appeal = Appeal.objects.create(agency=agency, created_by=actor, **values)
    audit.record(
        "appeal.register",
        actor=actor,
        agency=agency,
        target=appeal,
        details={
            "kind": appeal.kind,
            "filed_on": filed_on,
            "application": appeal.application_id,
            "body": appeal.body,
            "case_number": appeal.case_number,
        },
    )
    return appeal


def close_appeal(appeal: Appeal, *, closed_on: date, result: str, note: str = "", actor) -> Appeal:
    if result not in CLOSED_RESULTS:
        raise AppealError("审结须选择结果：结果维持、结果纠正或其他结果")
    if not isinstance(closed_on, date):
        raise AppealError("请填写审结日期")
    with transaction.atomic():
        locked = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if not locked.is_open:
            raise AppealError(f"该案件已于 {locked.closed_on.isoformat()} 审结")
        if closed_on < locked.filed_on:
            raise AppealError(
                f"审结日期 {closed_on.isoformat()} 早于立案/受理日期 {locked.filed_on.isoformat()}"
            )
        if closed_on > timezone.localdate():
            raise AppealError(f"审结日期 {closed_on.isoformat()} 不能晚于今天")
        locked.closed_on = closed_on
        locked.result = result
        locked.closing_note = note
        locked.save(update_fields=["closed_on", "result", "closing_note", "updated_at"])
        audit.record(
            "appeal.close",
            actor=actor,
            agency=locked.agency_id,
            target=locked,
            details={"closed_on": closed_on, "result": result},
        )
    return locked


def reopen_appeal(appeal: Appeal, *, actor, reason: str) -> Appeal:
    if not (reason or "").strip():
        raise AppealError("请说明撤销审结登记的原因")
    with transaction.atomic():
        locked = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if locked.is_open:
            raise AppealError("该案件尚未审结")
        before = {"closed_on": locked.closed_on, "result": locked.result}
        locked.closed_on = None
        locked.result = AppealResult.PENDING
        locked.save(update_fields=["closed_on", "result", "updated_at"])
        audit.record(
            "appeal.reopen",
            actor=actor,
            agency=locked.agency_id,
            target=locked,
            details={**before, "reason": reason},
        )
    return locked
