"""`gongkai files check`: where uploaded files are kept (gongkai.storage), and whether that works."""

import sys


def register(subparsers) -> None:
    p = subparsers.add_parser("files", help="上传文件的存放位置（本地磁盘或对象存储）")
    sub = p.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(p))
    c = sub.add_parser(
        "check",
        help="显示文件存放在哪里，并在公开、非公开两处各写入、读回、删除一个小文件，确认配置可用",
    )
    c.set_defaults(func=run_check)


def run_check(args) -> int:
    from gongkai.storage import StorageProblem, check, where

    print(f"文件存放在：{where()}")
    try:
        for line in check():
            print(line)
    except StorageProblem as exc:
        print(f"检查失败：{exc}", file=sys.stderr)
        return 2
    print("文件存储可用。")
    return 0
