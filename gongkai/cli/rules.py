"""`gongkai clock EVENTS.json` and `gongkai fee --per-item N | --pages P`: the rules of 依申请公开 from outside.

Both print their answer so that a script can check it: `clock` prints one JSON object, `fee` prints the
total in yuan alone on the last line. Bad input exits 2 with the reason in Chinese on stderr.
"""

import json
import sys
from datetime import date
from pathlib import Path

from gongkai.rules import clock, fees

OUTPUT_FIELDS = ("reply_due", "correction_notice_due", "consultation_answer_due", "fee_payment_due")


def register(subparsers) -> None:
    c = subparsers.add_parser(
        "clock",
        help="由申请的事件计算答复期限等法定期限",
        description="读取事件文件，输出答复期限、补正告知期限、征求意见答复期限、缴费期限及状态（JSON）。\n"
        '文件格式：{"events": [{"type": "received", "date": "2026-01-05"}, …]}',
    )
    c.add_argument("events", help="事件文件（JSON）")
    c.add_argument(
        "--as-of",
        dest="as_of",
        metavar="DATE",
        help="计算日期（YYYY-MM-DD）：据此判断是否逾期、视为放弃，并给出剩余工作日",
    )
    c.add_argument(
        "--fee-does-not-pause",
        dest="fee_pauses_clock",
        action="store_false",
        help="缴费期间计入答复期限（默认不计入）",
    )
    c.set_defaults(func=run_clock)

    f = subparsers.add_parser(
        "fee",
        help="计算信息处理费（国办函〔2020〕109号）",
        description="按件：申请人本月第 1 至 N 件申请的合计；按量：一件申请 P 页。两种方式只能选一种。最后一行为合计金额（元）。",
    )
    f.add_argument(
        "--per-item", dest="per_item", type=int, metavar="N", help="按件计收：同一申请人本月申请件数"
    )
    f.add_argument("--pages", type=int, metavar="P", help="按量计收：页数")
    f.set_defaults(func=run_fee)


def run_clock(args) -> int:
    from gongkai.calendar.workdays import MissingCalendarYear, current_calendar

    try:
        data = json.loads(Path(args.events).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return _fail(f"无法读取事件文件 {args.events}：文件不存在")
    except IsADirectoryError:
        return _fail(f"无法读取事件文件 {args.events}：这是一个目录")
    except PermissionError:
        return _fail(f"无法读取事件文件 {args.events}：没有读取权限")
    except OSError as exc:
        return _fail(f"无法读取事件文件 {args.events}：{exc}")
    except UnicodeDecodeError:
        return _fail(f"事件文件 {args.events} 不是 UTF-8 文本")
    except json.JSONDecodeError as exc:
        return _fail(f"事件文件不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）：{exc.msg}")
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        return _fail('事件文件应为 {"events": [ … ]} 形式的 JSON 对象')
    as_of = None
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            return _fail(f"计算日期无效：{args.as_of}（应为 YYYY-MM-DD）")
    settings = clock.ClockSettings(fee_pauses_clock=args.fee_pauses_clock)
    try:
        events = clock.parse_events(data["events"])
        state = clock.compute_clock(events, current_calendar(), as_of=as_of, settings=settings)
    except clock.ClockError as exc:
        return _fail(str(exc))
    except MissingCalendarYear as exc:
        return _fail(str(exc))
    out = {name: _iso(getattr(state, name)) for name in OUTPUT_FIELDS}
    out["status"] = state.status.value
    out["status_label"] = state.status.label
    out["correction_due"] = _iso(state.correction_due)
    if as_of is not None:
        out["as_of"] = as_of.isoformat()
        out["overdue"] = state.overdue
        out["workdays_left"] = state.workdays_left
    if state.warnings:
        out["warnings"] = list(state.warnings)
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def run_fee(args) -> int:
    if args.per_item is not None and args.pages is not None:
        return _fail("同一申请只能选择按件或按量一种方式计收，--per-item 与 --pages 不能同时使用")
    if args.per_item is None and args.pages is None:
        return _fail("请给出 --per-item N（按件）或 --pages P（按量）之一")
    try:
        if args.per_item is not None:
            bands = fees.per_item_bands(args.per_item)
            total = fees.per_item_total(args.per_item)
            print(f"按件计收：同一申请人本月 {args.per_item} 件申请（超额累进）")
        else:
            bands = fees.per_page_bands(args.pages)
            total = fees.per_page_fee(args.pages)
            print(f"按量计收：{args.pages} 页（超额累进）")
    except ValueError as exc:
        return _fail(str(exc))
    for band in bands:
        print(f"  {band.describe()}")
    print("合计（元）：")
    print(total)
    return 0


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2
