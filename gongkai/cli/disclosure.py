"""`gongkai disclosure archive`: the yearly archive package of an agency's published items.
`gongkai disclosure publish-due`: publish the signed-off items whose 发布时间 has come (the worker does this
at each item's time; run it from cron as well if queued tasks might be lost)."""

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("disclosure", help="主动公开", description="主动公开相关命令。")
    commands = parser.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(parser))
    archive = commands.add_parser(
        "archive",
        help="生成年度归档包（ZIP）",
        description="生成某机关某年度已发布信息的归档包：元数据（JSON、CSV）、正文 HTML、附件和 SHA-256 校验清单。",
    )
    archive.add_argument("--agency", required=True, metavar="代码", help="机关代码，如 yqtyjrswj")
    archive.add_argument("--year", required=True, type=int, metavar="年份", help="发布年度，如 2025")
    archive.add_argument("-o", "--output", required=True, metavar="文件", help="输出的 ZIP 文件")
    archive.set_defaults(func=run_archive)
    due = commands.add_parser(
        "publish-due",
        help="发布已到预定发布时间的信息",
        description="发布所有已签发、预定发布时间已到的信息（可重复运行）。",
    )
    due.set_defaults(func=run_publish_due)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def run_publish_due(args) -> int:
    from gongkai.disclosure.workflow import publish_due

    published = publish_due()
    for item in published:
        print(f"已发布：{item.index_number} {item.title}")
    print(f"共发布 {len(published)} 条。")
    return 0


def run_archive(args) -> int:
    from gongkai.agencies.models import Agency
    from gongkai.disclosure.archive import build_archive

    agency = Agency.objects.filter(code=args.agency).first()
    if agency is None:
        print(f"找不到代码为“{args.agency}”的机关。", file=sys.stderr)
        return 1
    summary = build_archive(agency, args.year, args.output)
    print(
        f"已生成 {agency.name} {args.year} 年度归档包：{args.output}（{summary.items} 条信息，{summary.files} 个文件）。"
    )
    return 0
