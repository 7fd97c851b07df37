"""Agencies (a tree), their departments, and people's roles in them.

The tree is stored as a plain parent link and walked level by level (one query per level, at most a
handful: 省 → 市 → 县 → 乡镇). That is the same SQL on SQLite and PostgreSQL and can never go stale
when a parent changes, which a stored path could.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from gongkai.agencies.validators import validate_agency_code, validate_uscc


class Level(models.TextChoices):
    PROVINCE = "province", "省"
    CITY = "city", "市"
    COUNTY = "county", "县"
    TOWNSHIP = "township", "乡镇"


class AgencyKind(models.TextChoices):
    # Art. 49 of the 条例: a government's own report is due by 31 March, a department's by 31 January.
    GOVERNMENT = "government", "人民政府"
    DEPARTMENT = "department", "政府部门"


class Agency(models.Model):
    parent = models.ForeignKey(
        "self",
        verbose_name="上级机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField("机关名称", max_length=100)
    code = models.SlugField(
        "简称代码",
        max_length=40,
        unique=True,
        validators=[validate_agency_code],
        help_text="用于网址，只能包含小写字母、数字、连字符和下划线，例如 yqtyjrswj。",
    )
    # Blank only for an agency outside gongkai whose published reports are imported (a supervisor adds it
    # on the fly and the report does not state the code); an agency working here needs it for its 索引号.
    uscc = models.CharField(
        "统一社会信用代码",
        max_length=18,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_uscc],
        help_text="18 位，字母须大写。仅导入其年度报告的外部机关可不填。",
    )
    # An agency outside gongkai, added only to import its published reports: nobody here handles its
    # applications, so its portal pages take none and say where to apply instead.
    external = models.BooleanField(
        "外部机关",
        default=False,
        help_text="不在本系统办理政府信息公开工作的机关（仅导入其年度报告）；其门户页面不受理网上申请。",
    )
    level = models.CharField("行政层级", max_length=16, choices=Level.choices)
    kind = models.CharField(
        "机关类型",
        max_length=16,
        choices=AgencyKind.choices,
        help_text="本级人民政府的年度报告于 3 月 31 日前公布；政府部门的于 1 月 31 日前公布。",
    )

    # 政府信息公开指南 must give the office's name, address, office hours, telephone, fax and internet
    # contact (条例 Art. 12), so the contact block belongs to the agency record.
    address = models.CharField("办公地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)
    office_hours = models.CharField("办公时间", max_length=200, blank=True)
    telephone = models.CharField("联系电话", max_length=50, blank=True)
    fax = models.CharField("传真", max_length=50, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    website = models.URLField("网站", blank=True)
    disclosure_office = models.CharField(
        "政府信息公开工作机构", max_length=100, blank=True, help_text="例如：办公室。"
    )
    disclosure_office_head = models.CharField(
        "政府信息公开工作机构负责人",
        max_length=50,
        blank=True,
        help_text="延长答复期限须经其同意（《条例》第三十三条）。不在门户网站显示。",
    )

    # PIPL: how long the applicants' personal data of closed 依申请公开 cases is kept. Blank keeps it
    # (the agency has not decided); gongkai.applications.personal_data erases it once the period has run.
    personal_data_retention_years = models.PositiveSmallIntegerField(
        "申请人个人信息保存期限（年）",
        null=True,
        blank=True,
        help_text="申请办结（送达、撤回或视为放弃）满该年限后，删除申请人的姓名、证件、联系方式和身份证明材料，"
        "保留案件本身和统计所需的信息。不填则不自动删除。",
    )

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_government(self) -> bool:
        return self.kind == AgencyKind.GOVERNMENT

    def clean(self):
        super().clean()
        moving_under_itself = (
            self.parent_id is not None
            and self.pk is not None
            and (self.parent_id == self.pk or self.parent_id in self.descendant_ids())
        )
        if moving_under_itself:
            raise ValidationError({"parent": "上级机关不能是本机关或其下级机关。"})

    def ancestors(self) -> list["Agency"]:
        """The agencies above this one, the top first (breadcrumb order)."""
        chain: list[Agency] = []
        seen = {self.pk}
        node = self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        chain.reverse()
        return chain

    def descendant_ids(self) -> set[int]:
        return Agency.subtree_ids([self.pk]) - {self.pk}

    def descendants(self) -> models.QuerySet["Agency"]:
        """Every agency below this one: children, grandchildren and so on."""
        return Agency.objects.filter(pk__in=self.descendant_ids())

    def subtree(self) -> models.QuerySet["Agency"]:
        """This agency and every agency below it."""
        return Agency.objects.filter(pk__in=Agency.subtree_ids([self.pk]))

    @staticmethod
    def subtree_ids(root_ids: Iterable[int]) -> set[int]:
        """Ids of the given agencies and all agencies below them, walking one level per query."""
        found = set(root_ids)
        frontier = set(found)
        while frontier:
            children = set(Agency.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            # The `- found` guards against a cycle someone wrote around clean(); the walk always ends.
            frontier = children - found
            found |= frontier
        return found


class DepartmentKind(models.TextChoices):
    SECTION = "section", "科室"
    AFFILIATED_UNIT = "affiliated_unit", "局属单位"


class Department(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="所属机关", on_delete=models.CASCADE, related_name="departments"
    )
    name = models.CharField("名称", max_length=100)
    kind = models.CharField(
        "类型", max_length=20, choices=DepartmentKind.choices, default=DepartmentKind.SECTION
    )

    class Meta:
        verbose_name = "科室/局属单位"
        verbose_name_plural = "科室/局属单位"
        ordering = ["agency", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="department_name_unique_in_agency"),
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    REGISTRAR = "registrar", "登记员"
    DEPARTMENT_HEAD = "department_head", "科室负责人"
    SECRECY_REVIEWER = "secrecy_reviewer", "保密审查员"
    LEADER = "leader", "领导"
    SUPERVISOR = "supervisor", "上级监督员"
    ADMIN = "admin", "管理员"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(
        Agency, verbose_name="机关", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    department = models.ForeignKey(
        Department,
        verbose_name="科室/局属单位",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )

    class Meta:
        verbose_name = "人员角色"
        verbose_name_plural = "人员角色"
        ordering = ["agency", "user", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="membership_role_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.agency} · {self.get_role_display()}"

    def clean(self):
        super().clean()
        if (
            self.department_id is not None
            and self.agency_id is not None
            and self.department.agency_id != self.agency_id
        ):
            raise ValidationError({"department": "科室/局属单位必须属于所选机关。"})
