"""The `gongkai` command: one entry point for people who run the system.

Every command module lives in this package and adds its sub-commands through a `register(subparsers)`
function; COMMAND_MODULES lists them in the order `gongkai --help` shows them, and the dispatcher below
knows nothing about them. The command modules reach into the apps; no app imports them.
"""

import argparse
import importlib
import os
import sys

COMMAND_MODULES = [
    "gongkai.cli.site",
    "gongkai.cli.backup",
    "gongkai.cli.files",
    "gongkai.cli.calendar",
    "gongkai.cli.report",
    "gongkai.cli.report_files",
    "gongkai.cli.audit",
    "gongkai.cli.accounts",
    "gongkai.cli.rules",
    "gongkai.cli.applications",
    "gongkai.cli.keys",
    "gongkai.cli.disclosure",
    "gongkai.cli.statistics",
    "gongkai.cli.report_build",
    "gongkai.cli.supervision",
    "gongkai.cli.search",
]


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse with Chinese section titles and exit code 2 for usage errors."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{message}\n")


def build_parser() -> Parser:
    parser = Parser(
        prog="gongkai",
        description="gongkai（公开）——政府信息公开工作系统。\n"
        "主动公开、依申请公开、行政复议与诉讼、年度报告。",
    )
    subparsers = parser.add_subparsers(title="子命令", metavar="<子命令>", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    from django.core.exceptions import ImproperlyConfigured

    try:
        setup_django()  # the settings themselves refuse a malformed value (an addressing style, a mode)
        return args.func(args) or 0
    except ImproperlyConfigured as exc:
        # A missing or malformed setting (a key, a database URL) is the operator's to fix: say which.
        print(f"配置错误：{exc}", file=sys.stderr)
        return 2
