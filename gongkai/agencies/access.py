"""Who may see and do what in which agency: the one vocabulary every view and service speaks.

Seeing:
- A person sees the agencies they hold a role in.
- A 上级监督员 also sees every agency below theirs (children, grandchildren, …), and holds the
  supervisor role there too.
- A superuser sees every agency, but holds no role they were not given: signing off, reviewing for
  secrets and approving are personal acts, so a superuser who must do them needs a membership. Only the
  actions marked `superuser` below (administration, oversight) are open to a superuser without one.

Doing: ACTIONS names every action a person takes with an agency's records and the roles that may take it.

    agencies_visible_to(user) -> QuerySet[Agency]
    roles_of(user, agency) -> set[Role]                 including 上级监督员 inherited from above
    allows(user, action, agency) -> bool
    allowed_actions(user, agency) -> frozenset[str]     every action the person may take there
    agencies_where(user, action) -> QuerySet[Agency]    where the person may take it, by name
    require(user, action, agency, *, what=None)         raises NotAllowed unless allowed
    NotAllowed(action, agency=None, *, what=None)       PermissionDenied carrying its Chinese message
    authorized(user, records, action=None, **lookup) -> the record, within the person's agencies (404
                                                        outside them) and allowed the action (NotAllowed)
    @load_authorized(records, action=None, lookup={"pk": "pk"})   the same for a view: it gets the record
"""

import functools
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

from gongkai.agencies.models import Agency, Membership, Role

REGISTRAR, DEPARTMENT_HEAD, SECRECY_REVIEWER = Role.REGISTRAR, Role.DEPARTMENT_HEAD, Role.SECRECY_REVIEWER
LEADER, SUPERVISOR, ADMIN = Role.LEADER, Role.SUPERVISOR, Role.ADMIN
# Everyone working in the agency itself, as against a supervisor looking on from above.
IN_AGENCY = frozenset({REGISTRAR, DEPARTMENT_HEAD, SECRECY_REVIEWER, LEADER, ADMIN})


@dataclass(frozen=True)
class Permission:
    roles: frozenset[Role]
    what: str  # the action in Chinese, as a refusal names it
    superuser: bool = False  # open to a superuser without a membership

    @property
    def roles_text(self) -> str:
        """“登记员、领导或管理员”: the roles in the order of Role."""
        labels = [role.label for role in Role if role in self.roles]
        return labels[0] if len(labels) == 1 else f"{'、'.join(labels[:-1])}或{labels[-1]}"


def _may(*roles: Role, what: str, superuser: bool = False) -> Permission:
    return Permission(frozenset(roles), what, superuser)


ACTIONS: dict[str, Permission] = {
    # 依申请公开
    "case.handle": _may(REGISTRAR, ADMIN, what="登记和办理申请"),
    # The supervisor from above reads cases without the applicant's personal data.
    "case.personal_data": _may(*IN_AGENCY, what="查看申请人的个人信息"),
    "case.reveal": _may(REGISTRAR, ADMIN, what="查看完整的证件号码和联系方式"),
    "case.archive": _may(REGISTRAR, ADMIN, what="导出案卷"),
    "letter.draft": _may(REGISTRAR, DEPARTMENT_HEAD, ADMIN, what="拟写文书"),
    "letter.sign": _may(DEPARTMENT_HEAD, what="科室负责人签字"),
    "letter.issue": _may(LEADER, what="领导签发"),
    "letter.settings": _may(ADMIN, what="维护文书设置"),
    # 行政复议、行政诉讼
    "appeal.handle": _may(REGISTRAR, ADMIN, what="登记复议、诉讼案件"),
    # 主动公开
    "item.draft": _may(*IN_AGENCY, what="起草信息"),
    "item.tidy_draft": _may(ADMIN, what="修改他人起草的草稿"),  # the drafter edits their own
    "item.department_review": _may(DEPARTMENT_HEAD, what="科室负责人审核"),
    "item.secrecy_review": _may(SECRECY_REVIEWER, what="保密审查"),
    "item.leader_review": _may(LEADER, what="领导签发"),
    "item.withdraw": _may(LEADER, ADMIN, what="撤回信息"),
    "item.distribute": _may(*IN_AGENCY, what="登记发布渠道"),
    "document.register": _may(REGISTRAR, DEPARTMENT_HEAD, LEADER, ADMIN, what="登记公文"),
    "catalogue.edit": _may(ADMIN, what="编辑主动公开基本目录"),
    "disclosure.archive": _may(LEADER, ADMIN, what="生成归档包"),
    # 第二十条统计、工作台账
    "statistics.import": _may(REGISTRAR, ADMIN, what="导入统计数据"),
    "ledger.enter": _may(REGISTRAR, ADMIN, what="登记工作台账"),
    # 年度报告
    "report.edit": _may(REGISTRAR, ADMIN, what="编辑年度报告"),
    "report.check": _may(REGISTRAR, LEADER, ADMIN, what="校验年度报告"),
    "report.approve": _may(LEADER, what="审定年度报告"),
    "report.publish": _may(REGISTRAR, LEADER, ADMIN, what="发布年度报告"),
    "report.unlock": _may(ADMIN, what="解锁年度", superuser=True),
    "report.import": _may(REGISTRAR, SUPERVISOR, ADMIN, what="导入年度报告"),
    # 上级监督
    "agency.add_external": _may(SUPERVISOR, what="新建外部机关"),
    "supervision.view": _may(LEADER, SUPERVISOR, ADMIN, what="查看上级监督页面", superuser=True),
}


def roles_for(action: str) -> frozenset[Role]:
    return ACTIONS[action].roles


class NotAllowed(PermissionDenied):
    """A person tried an action their roles do not allow; str() is the Chinese message for them."""

    def __init__(self, action: str, agency: Agency | None = None, *, what: str | None = None):
        permission = ACTIONS[action]
        self.action, self.agency = action, agency
        where = agency.name if agency is not None else "本机关"
        super().__init__(f"{what or permission.what}须由{where}的{permission.roles_text}办理。")


def _active(user) -> bool:
    return getattr(user, "is_authenticated", False) and user.is_active


def _superuser(user) -> bool:
    return _active(user) and user.is_superuser


def agencies_visible_to(user) -> QuerySet[Agency]:
    if not _active(user):
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    own = set(Membership.objects.filter(user=user).values_list("agency_id", flat=True))
    supervised = Membership.objects.filter(user=user, role=Role.SUPERVISOR).values_list(
        "agency_id", flat=True
    )
    return Agency.objects.filter(pk__in=own | Agency.subtree_ids(supervised))


def roles_of(user, agency: Agency) -> set[Role]:
    """The roles `user` holds in `agency`, including 上级监督员 inherited from an agency above it."""
    if not _active(user):
        return set()
    roles = {
        Role(r) for r in Membership.objects.filter(user=user, agency=agency).values_list("role", flat=True)
    }
    above = [a.pk for a in agency.ancestors()]
    if above and Membership.objects.filter(user=user, agency_id__in=above, role=Role.SUPERVISOR).exists():
        roles.add(Role.SUPERVISOR)
    return roles


def _granted(permission: Permission, roles: set[Role], user) -> bool:
    return bool(roles & permission.roles) or (permission.superuser and _superuser(user))


def allows(user, action: str, agency: Agency) -> bool:
    return _granted(ACTIONS[action], roles_of(user, agency), user)


def allowed_actions(user, agency: Agency) -> frozenset[str]:
    """Every action `user` may take in `agency`, from one look at their roles there."""
    roles = roles_of(user, agency)
    return frozenset(action for action, permission in ACTIONS.items() if _granted(permission, roles, user))


def require(user, action: str, agency: Agency, *, what: str | None = None) -> None:
    """NotAllowed unless `user` may take `action` in `agency`; `what` names the step more closely."""
    if not allows(user, action, agency):
        raise NotAllowed(action, agency, what=what)


def agencies_where(user, action: str) -> QuerySet[Agency]:
    """The agencies where `user` may take `action`, by name (a supervisor's reach includes those below)."""
    permission = ACTIONS[action]
    if not _active(user):
        return Agency.objects.none()
    if permission.superuser and user.is_superuser:
        return Agency.objects.order_by("name")
    ids = set(
        Membership.objects.filter(user=user, role__in=permission.roles).values_list("agency_id", flat=True)
    )
    if SUPERVISOR in permission.roles:
        supervised = Membership.objects.filter(user=user, role=SUPERVISOR).values_list("agency_id", flat=True)
        ids |= Agency.subtree_ids(supervised)
    return Agency.objects.filter(pk__in=ids).order_by("name")


def _agency_of(record) -> Agency:
    return record if isinstance(record, Agency) else record.agency


def authorized(user, records, action: str | None = None, *, what: str | None = None, **lookup):
    """The record of `records` (a queryset or model) matching `lookup`, among the agencies `user` sees: a 404
    for one outside them, as for one that does not exist; NotAllowed if the person may not take `action`
    (None: seeing it is enough) in the record's agency."""
    queryset = (
        records._default_manager.all()
        if isinstance(records, type) and issubclass(records, Model)
        else records
    )
    visible = agencies_visible_to(user)
    if queryset.model is Agency:
        queryset = queryset.filter(pk__in=visible)
    else:
        queryset = queryset.filter(agency__in=visible)
    record = get_object_or_404(queryset, **lookup)
    if action is not None:
        require(user, action, _agency_of(record), what=what)
    return record


def load_authorized(records, action: str | None = None, *, lookup=None, what: str | None = None):
    """A view decorator: the URL arguments in `lookup` (record field → URL argument; by default the primary
    key from `pk`) load the record through `authorized`, and the view gets it after the request in their
    place."""
    lookup = lookup or {"pk": "pk"}

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            filters = {field: kwargs.pop(argument) for field, argument in lookup.items()}
            record = authorized(request.user, records, action, what=what, **filters)
            return view(request, record, *args, **kwargs)

        return wrapper

    return decorator
