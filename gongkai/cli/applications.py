"""`gongkai applications remind`: queue the reminder e-mails (run daily, e.g. from cron).
`gongkai applications erase-personal-data`: erase applicants' personal data after the retention period.
`gongkai applications export`: the 台账 of an agency and year as Excel or CSV.
`gongkai applications archive`: the case file of a closed case as a ZIP (the workspace's 归档 download)."""

import sys
from datetime import date

from .output import write_result


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def register(subparsers):
    parser = subparsers.add_parser("applications", help="依申请公开：办理提醒等")
    sub = parser.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(parser))
    remind = sub.add_parser("remind", help="向各机关登记员发送即将到期和已超期申请的提醒邮件（后台任务）")
    remind.add_argument("--date", help="以该日期计算（YYYY-MM-DD，默认今天）")
    remind.set_defaults(func=run_remind)
    register_erasure(sub)
    export = sub.add_parser(
        "export", help="导出某机关某年度的依申请公开台账（每件申请一行；申请人姓名默认只显示姓氏）"
    )
    export.add_argument("--agency", required=True, metavar="CODE", help="机关简称代码，例如 yqsmzj")
    export.add_argument("--year", required=True, type=_year, metavar="YYYY", help="年度（按收到申请之日）")
    export.add_argument("--format", choices=["xlsx", "csv"], default="xlsx", help="xlsx（默认）或 csv")
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="输出文件；“-”为标准输出（仅 csv）"
    )
    export.add_argument(
        "--full-names", action="store_true", help="写入申请人完整姓名（记入审计日志，仅在确有需要时使用）"
    )
    export.set_defaults(func=run_export)
    archive = sub.add_parser("archive", help="导出一件已办结申请的案卷（ZIP，含清单和校验和；记入审计日志）")
    archive.add_argument("reference", metavar="受理编号", help="例如 YQSMZJ-2026-00003")
    archive.add_argument("-o", "--output", required=True, metavar="FILE.zip", help="输出文件")
    archive.set_defaults(func=run_archive)


def _year(text: str) -> int:
    import argparse

    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"年度应为四位数字，例如 2026，而不是“{text}”")
    return int(text)


def run_export(args) -> int:
    from gongkai.agencies.models import Agency
    from gongkai.applications.case_ledger import ledger_file

    agency = Agency.objects.filter(code=args.agency).first()
    if agency is None:
        return _fail(f"没有简称代码为“{args.agency}”的机关。")
    if args.output == "-" and args.format != "csv":
        return _fail("Excel 表格不能写到标准输出：请用 -o 指定文件，或改用 --format csv。")
    name, _, content = ledger_file(agency, args.year, args.format, reveal=args.full_names)
    return write_result(content, args.output, _fail, encoding="utf-8-sig")


def run_archive(args) -> int:
    from gongkai.applications.archive import build_archive
    from gongkai.applications.models import Application, LetterError

    application = (
        Application.objects.select_related("agency").filter(reference=args.reference.strip().upper()).first()
    )
    if application is None:
        return _fail(f"没有受理编号为“{args.reference}”的申请。")
    try:
        _, content = build_archive(application, actor=None)
    except LetterError as exc:
        return _fail(str(exc))
    return write_result(content, args.output, _fail)


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
