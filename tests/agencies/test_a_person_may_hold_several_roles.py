import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gongkai.agencies.models import Membership, Role
from tests.factories import make_agency, make_department, make_person

pytestmark = pytest.mark.django_db


def test_one_person_holds_different_roles_in_different_agencies():
    a, b = make_agency(), make_agency()
    person = make_person(a, Role.REGISTRAR)
    Membership.objects.create(user=person, agency=a, role=Role.SECRECY_REVIEWER)
    Membership.objects.create(user=person, agency=b, role=Role.LEADER)
    assert person.memberships.count() == 3


def test_the_same_role_twice_in_one_agency_is_refused():
    agency = make_agency()
    person = make_person(agency, Role.REGISTRAR)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=person, agency=agency, role=Role.REGISTRAR)


def test_a_membership_department_must_belong_to_the_same_agency():
    a, b = make_agency(), make_agency()
    foreign_department = make_department(b, "办公室")
    membership = Membership(
        user=make_person(), agency=a, role=Role.DEPARTMENT_HEAD, department=foreign_department
    )
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert error.value.message_dict["department"] == ["科室/局属单位必须属于所选机关。"]


def test_roles_carry_their_official_chinese_labels():
    assert [label for _, label in Role.choices] == [
        "登记员",
        "科室负责人",
        "保密审查员",
        "领导",
        "上级监督员",
        "管理员",
    ]
