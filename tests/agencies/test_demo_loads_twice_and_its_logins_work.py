import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.password_validation import validate_password

from gongkai.agencies.access import agencies_visible_to, roles_of
from gongkai.agencies.models import Agency, Department, Membership, Role
from gongkai.demo import DEMO_PASSWORD, load_demo, print_welcome

pytestmark = pytest.mark.django_db


def snapshot():
    User = get_user_model()
    return (
        list(Agency.objects.order_by("pk").values()),
        list(Department.objects.order_by("pk").values()),
        list(Membership.objects.order_by("pk").values()),
        list(User.objects.order_by("pk").values("username", "password", "is_staff", "is_superuser")),
    )


def test_loading_the_demo_twice_changes_nothing_the_second_time():
    first = load_demo()
    before = snapshot()
    second = load_demo()
    assert snapshot() == before
    assert (first.agencies_created, first.users_created) == (5, 11)
    assert (second.agencies_created, second.users_created) == (0, 0)
    assert second.logins == first.logins


def test_every_demo_log_in_authenticates_and_the_password_passes_the_validators():
    summary = load_demo()
    validate_password(DEMO_PASSWORD)
    for login in summary.logins:
        assert authenticate(username=login.username, password=login.password) is not None, login.username


def test_the_seed_agency_has_the_contact_block_of_its_report():
    load_demo()
    seed = Agency.objects.get(code="yqtyjrswj")
    assert seed.name == "乐清市退役军人事务局"
    assert seed.parent.name == "乐清市人民政府" and seed.parent.is_government
    assert (seed.telephone, seed.email, seed.website) == (
        "0577-61882068",
        "1809263171@qq.com",
        "http://www.yueqing.gov.cn/",
    )
    assert seed.disclosure_office == "办公室"
    assert seed.departments.filter(name="办公室").exists()
    assert seed.departments.filter(kind="affiliated_unit").exists()
    for agency in Agency.objects.all():
        agency.full_clean()  # every demo 统一社会信用代码 has a valid check character


def test_there_is_one_demo_person_per_role_and_the_supervisor_sees_the_whole_county():
    load_demo()
    User = get_user_model()
    seed = Agency.objects.get(code="yqtyjrswj")
    for username, role in [
        ("dengji", Role.REGISTRAR),
        ("keshi", Role.DEPARTMENT_HEAD),
        ("baomi", Role.SECRECY_REVIEWER),
        ("lingdao", Role.LEADER),
        ("guanli", Role.ADMIN),
    ]:
        assert role in roles_of(User.objects.get(username=username), seed)
    jiandu = User.objects.get(username="jiandu")
    assert agencies_visible_to(jiandu).count() == Agency.objects.count()
    assert list(agencies_visible_to(User.objects.get(username="mzdengji"))) == [
        Agency.objects.get(code="yqsmzj")
    ]
    assert User.objects.get(username="admin").is_superuser


def test_the_welcome_lists_the_addresses_and_every_log_in(capsys):
    summary = load_demo()
    print_welcome(summary, "127.0.0.1:8000")
    out = capsys.readouterr().out
    for url in ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/workspace/", "http://127.0.0.1:8000/admin/"):
        assert url in out
    for login in summary.logins:
        assert login.username in out and login.role in out and login.agency in out
    assert DEMO_PASSWORD in out
