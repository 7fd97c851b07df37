"""`gongkai calendar add-workdays DATE N` and `gongkai calendar show YEAR`."""

import sys
from datetime import date


def register(subparsers) -> None:
    p = subparsers.add_parser("calendar", help="工作日历：计算期限、查看某年放假调休安排")
    sub = p.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(p))

    a = sub.add_parser("add-workdays", help="计算某日之后第 N 个工作日（起算日不计入）")
    a.add_argument("date", help="起算日，如 2026-01-30")
    a.add_argument("n", type=int, help="工作日数")
    a.add_argument("--provisional", action="store_true", help="某年尚无放假安排时按周一至周五临时计算并标注")
    a.set_defaults(func=add_workdays)

    s = sub.add_parser("show", help="列出某年的休息日、调休上班日及国务院办公厅通知")
    s.add_argument("year", type=int, help="年度，如 2026")
    s.set_defaults(func=show)


def add_workdays(args) -> int:
    from gongkai.calendar import workdays

    try:
        start = date.fromisoformat(args.date)
    except ValueError:
        print(f"日期无效：{args.date}（应为 YYYY-MM-DD，如 2026-01-30）", file=sys.stderr)
        return 2
    if args.n < 0:
        print("工作日数不能为负数", file=sys.stderr)
        return 2
    try:
        if args.provisional:
            result = workdays.add_workdays(start, args.n, allow_provisional=True)
            mark = "（临时：含尚未公布放假安排的年份，按周一至周五计算）" if result.provisional else ""
            print(f"{result.date.isoformat()}{mark}")
        else:
            print(workdays.add_workdays(start, args.n).isoformat())
    except workdays.MissingCalendarYear as exc:
        print(f"{exc}；可加 --provisional 临时计算", file=sys.stderr)
        return 2
    return 0


WEEKDAYS = "一二三四五六日"


def show(args) -> int:
    from gongkai.calendar.models import CalendarDay, CalendarYear

    record = CalendarYear.objects.filter(year=args.year).first()
    if record is None:
        print(f"{args.year} 年的工作日历尚未录入", file=sys.stderr)
        return 2
    print(f"{record.year} 年  {record.notice_title}（{record.notice_number}）")
    if record.notice_url:
        print(f"  {record.notice_url}")
    if record.amended:
        print(f"  调整：{record.amendment_number} {record.amendment_notes}".rstrip())
    for kind in (CalendarDay.Kind.REST, CalendarDay.Kind.WORKDAY):
        days = record.days.filter(kind=kind).order_by("date")
        print(f"{kind.label}（{len(days)} 天）：")
        for day in days:
            print(f"  {day.date.isoformat()} 星期{WEEKDAYS[day.date.weekday()]}  {day.holiday}".rstrip())
    return 0
