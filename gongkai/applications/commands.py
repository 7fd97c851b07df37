"""`gongkai applications remind`: queue the reminder e-mails (run daily, e.g. from cron)."""

import sys
from datetime import date


def register(subparsers):
    parser = subparsers.add_parser("applications", help="依申请公开：办理提醒等")
    sub = parser.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(parser))
    remind = sub.add_parser("remind", help="向各机关登记员发送即将到期和已超期申请的提醒邮件（后台任务）")
    remind.add_argument("--date", help="以该日期计算（YYYY-MM-DD，默认今天）")
    remind.set_defaults(func=run_remind)


def run_remind(args) -> int:
    from .tasks import enqueue_reminders

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
