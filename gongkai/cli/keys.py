"""`gongkai keys new` and `gongkai keys rotate`: the field-encryption key (GONGKAI_FIELD_KEY)."""

import sys


def register(subparsers) -> None:
    p = subparsers.add_parser("keys", help="个人信息加密密钥（GONGKAI_FIELD_KEY）：生成与轮换")
    sub = p.add_subparsers(title="子命令", metavar="<子命令>", parser_class=type(p))
    n = sub.add_parser("new", help="生成一个新的密钥（打印到屏幕，请妥善保存）")
    n.set_defaults(func=run_new)
    r = sub.add_parser(
        "rotate",
        help="用 GONGKAI_FIELD_KEY 的第一个密钥重新加密全部个人信息与身份证明材料文件并重算指纹（轮换密钥时、"
        "升级到加密存储文件的版本后各运行一次）",
    )
    r.set_defaults(func=run_rotate)


def run_new(args) -> int:
    from gongkai.applications.key_rotation import new_key

    print(new_key())
    return 0


def run_rotate(args) -> int:
    from django.core.exceptions import ImproperlyConfigured

    from gongkai.applications.key_rotation import rotate_field_key

    try:
        count, files = rotate_field_key()
    except ImproperlyConfigured as exc:
        print(f"轮换失败：{exc}", file=sys.stderr)
        return 2
    print(
        f"已用新密钥重新加密 {count} 件申请的个人信息和 {files} 个身份证明材料、送达凭证文件。"
        "确认无误后，可从 GONGKAI_FIELD_KEY 中去掉旧密钥。"
    )
    return 0
