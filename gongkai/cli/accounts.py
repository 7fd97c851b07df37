"""`gongkai accounts unlock NAME` and `gongkai accounts locked`: lockouts from the command line."""

import sys


def register(subparsers) -> None:
    p = subparsers.add_parser("accounts", help="账号：登录锁定与解锁")
    sub = p.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(p))
    u = sub.add_parser("unlock", help="解除账号在各网络地址的登录锁定（记入审计日志）")
    u.add_argument("username", help="用户名")
    u.set_defaults(func=run_unlock)
    s = sub.add_parser("locked", help="列出当前被锁定的账号")
    s.set_defaults(func=run_locked)


def run_unlock(args) -> int:
    from gongkai.security import lockout
    from gongkai.security.models import LoginLock

    locks = list(LoginLock.objects.filter(username__iexact=args.username.strip(), failures__gt=0))
    if not locks:
        print(f"账号“{args.username}”没有登录失败记录，无需解锁。", file=sys.stderr)
        return 2
    for lock in locks:
        lockout.unlock(lock, None)
    print(f"已解锁账号“{locks[0].username}”（{len(locks)} 个网络地址）。")
    return 0


def run_locked(args) -> int:
    from django.utils import timezone

    from gongkai.security.models import LoginLock

    locks = LoginLock.objects.filter(locked_until__gt=timezone.now()).order_by("username", "address")
    for lock in locks:
        print(
            f"{lock.username}\t锁定至 {timezone.localtime(lock.locked_until):%Y-%m-%d %H:%M}\t{lock.address}"
        )
    if not locks:
        print("没有被锁定的账号。")
    return 0
