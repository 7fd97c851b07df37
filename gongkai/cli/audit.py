"""`gongkai audit verify`: check the audit hash chain."""


def register(subparsers) -> None:
    p = subparsers.add_parser("audit", help="审计日志")
    sub = p.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(p))
    v = sub.add_parser("verify", help="校验审计链是否完整（内容未被修改，记录未被插入或删除）")
    v.set_defaults(func=verify)


def verify(args) -> int:
    from gongkai import audit

    result = audit.verify()
    print(result.message)
    return 0 if result.ok else 1
