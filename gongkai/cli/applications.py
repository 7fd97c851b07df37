"""`gongkai applications remind`: queue the reminder e-mails (run daily, e.g. from cron).
`gongkai applications erase-personal-data`: erase applicants' personal data after the retention period."""

import sys
from datetime import date


def register(subparsers):
    parser = subparsers.add_parser("applications", help="依申请公开：办理提醒等")
    sub = parser.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(parser))
    remind = sub.add_parser("remind", help="向各机关登记员发送即将到期和已超期申请的提醒邮件（后台任务）")
    remind.add_argument("--date", help="以该日期计算（YYYY-MM-DD，默认今天）")
    remind.set_defaults(func=run_remind)
    register_erasure(sub)


def run_remind(args) -> int:
    from gongkai.applications.tasks import enqueue_reminders

    as_of = None
    if args.date:
        try:
            as_of = date.fromisoformat(args.date)
        except ValueError:
            print(f"日期无效：“{args.date}”（应为 YYYY-MM-DD）", file=sys.stderr)
            return 2
    count = enqueue_reminders(as_of)
    print(f"已排队 {count} 个机关的提醒任务。")
    return 0


def register_erasure(sub):
    erase = sub.add_parser(
        "erase-personal-data",
        help="删除办结满保存期限的申请人个人信息（期限在机关设置中填写；保留统计所需信息，记入审计日志）",
    )
    erase.add_argument("--agency", metavar="CODE", help="只处理该机关（简称代码）；默认所有设了期限的机关")
    erase.add_argument("--date", help="以该日期计算（YYYY-MM-DD，默认今天）")
    erase.add_argument("--dry-run", action="store_true", help="只列出将被删除的申请，不删除")
    erase.add_argument("--yes", action="store_true", help="不再询问确认（定时任务用）")
    erase.add_argument("--queue", action="store_true", help="交给后台任务执行（每个机关一个任务，不询问）")
    erase.set_defaults(func=run_erase)


def run_erase(args) -> int:
    from gongkai.agencies.models import Agency
    from gongkai.applications.personal_data import erase_personal_data, expired_cases
    from gongkai.applications.tasks import enqueue_erasure

    today = date.today()
    if args.date:
        try:
            today = date.fromisoformat(args.date)
        except ValueError:
            print(f"日期无效：“{args.date}”（应为 YYYY-MM-DD）", file=sys.stderr)
            return 2
    if args.queue:
        print(f"已排队 {enqueue_erasure(today if args.date else None)} 个机关的个人信息删除任务。")
        return 0
    agencies = Agency.objects.filter(personal_data_retention_years__isnull=False).order_by("name")
    if args.agency:
        agencies = Agency.objects.filter(code=args.agency)
        if not agencies:
            print(f"没有简称代码为“{args.agency}”的机关。", file=sys.stderr)
            return 2
        if agencies[0].personal_data_retention_years is None:
            print(f"{agencies[0].name}未设置申请人个人信息保存期限，不删除任何信息。")
            return 0
    plan = [(agency, expired_cases(agency, today)) for agency in agencies]
    total = sum(len(cases) for _, cases in plan)
    for agency, cases in plan:
        if cases:
            refs = "、".join(c.reference for c in cases[:10]) + ("等" if len(cases) > 10 else "")
            print(
                f"{agency.name}（保存期限 {agency.personal_data_retention_years} 年）：{len(cases)} 件：{refs}"
            )
    if not total:
        print("没有办结满保存期限的申请。")
        return 0
    if args.dry_run:
        print(f"共 {total} 件（试运行，未删除）。")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            print("删除个人信息须确认：请在终端中运行，或加 --yes。", file=sys.stderr)
            return 2
        answer = input(f"将删除以上 {total} 件申请的申请人个人信息，删除后不能恢复。确认请输入“删除”：")
        if answer.strip() != "删除":
            print("未删除。")
            return 1
    for agency, cases in plan:
        for application in cases:
            erase_personal_data(
                application, reason=f"办结满保存期限 {agency.personal_data_retention_years} 年（命令行）"
            )
    print(f"已删除 {total} 件申请的申请人个人信息。")
    return 0
