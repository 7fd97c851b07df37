"""The demo: 乐清市人民政府 and four agencies under it, log-ins for every role, and records from 2020 to 2026.

load_demo() only creates what is missing and never overwrites, so it can run on every `gongkai demo` and
keeps whatever was changed in 系统配置 since. Each part's data lives beside its loader, as named records:

    agencies.py      the agencies, the seed agency's departments, the people and their roles
    applications.py  乐清市民政局's 依申请公开 cases, 复议/诉讼 and letters
    disclosure.py    the seed agency's 2020 主动公开 records and Art. 20 statistics; later years everywhere
    reports.py       the seed agency's ledger, its published 2020 report and a draft for 2021
    supervision.py   two reports published outside gongkai, for the city total
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.demo.agencies import (
    DEMO_PASSWORD,
    SEED,
    DemoSummary,
    load_agencies,
    load_people,
    load_seed_departments,
    load_superuser,
)
from gongkai.demo.applications import load_demo_applications
from gongkai.demo.disclosure import load_demo_disclosure
from gongkai.demo.reports import load_demo_reports
from gongkai.demo.supervision import load_demo_supervision

__all__ = ["DEMO_PASSWORD", "DemoSummary", "load_demo", "print_welcome"]


@transaction.atomic
def load_demo() -> DemoSummary:
    summary = DemoSummary()
    agencies = load_agencies(summary)
    seed = agencies[SEED]
    departments = load_seed_departments(seed)
    load_people(agencies, departments, summary)
    User = get_user_model()

    load_demo_applications(
        agencies["yqsmzj"],
        actor=User.objects.get(username="mzdengji"),
        signers=(User.objects.get(username="mzkeshi"), User.objects.get(username="mzlingdao")),
    )

    admin = load_superuser(summary)

    drafters = {
        "yqtyjrswj": User.objects.get(username="dengji"),
        "yqsmzj": User.objects.get(username="mzdengji"),
    }
    load_demo_disclosure(agencies, {code: drafters.get(code, admin) for code in agencies}, departments)

    # Last: publishing the seed's 2020 report locks that year's records.
    load_demo_reports(
        seed, registrar=User.objects.get(username="dengji"), leader=User.objects.get(username="lingdao")
    )

    load_demo_supervision(agencies, actor=admin)
    return summary


def print_welcome(summary: DemoSummary, addr: str) -> None:
    base = f"http://{addr}"
    print()
    print("gongkai 演示数据已就绪", end="")
    if summary.agencies_created or summary.users_created:
        print(f"（本次新建机关 {summary.agencies_created} 个、账号 {summary.users_created} 个）。")
    else:
        print("（已存在，未作改动）。")
    print()
    print(f"  门户网站  {base}/")
    print(f"  工作台    {base}/workspace/")
    print(f"  系统配置  {base}/admin/")
    print(
        f"  年度报告  {base}/yqtyjrswj/reports/2020/（已发布）  {base}/workspace/reports/yqtyjrswj/2021/（草稿）"
    )
    print(f"  上级监督  {base}/workspace/supervision/yqszf/total/?year=2020（监督员 jiandu：全市汇总）")
    print()
    print("演示账号：")
    width = max(len(login.username) for login in summary.logins)
    pwidth = max(len(login.password) for login in summary.logins)
    print(f"  {'用户名'.ljust(width - 3)}  {'密码'.ljust(pwidth - 2)}  角色（机关）")
    for login in summary.logins:
        print(
            f"  {login.username.ljust(width)}  {login.password.ljust(pwidth)}  {login.role}（{login.agency}）"
        )
    print()
    print("以上均为演示账号与演示数据，请勿用于正式环境。")
