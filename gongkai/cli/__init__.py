"""The `gongkai` command: one entry point for people who run the system.

Every command module lives in this package and adds its sub-commands through a `register(subparsers)`
function; COMMAND_MODULES lists them in the order `gongkai --help` shows them, and the dispatcher below
knows nothing about them. The command modules reach into the apps; no app imports them.

What goes wrong outside a command's own work is answered here, once, for every command: a bad argument, a
missing or malformed setting (a key, the database URL), a database that was never migrated or cannot be
reached. Each is one Chinese line on standard error and exit code 2 — never a Python traceback.
"""

import argparse
import importlib
import os
import re
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
        self.exit(2, f"{self.prog}：{argument_problem(message)}（运行 {self.prog} --help 查看用法）\n")


# argparse's own messages (Python 3.12), in Chinese. A message not listed keeps argparse's wording after a
# Chinese lead, rather than being lost.
ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.+)", "缺少参数 {0}"),
    (r"unrecognized arguments: (.+)", "无法识别的参数 {0}"),
    (r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)", "参数 {0} 的取值 {1} 无效（可选：{2}）"),
    (r"argument (.+?): invalid (\w+) value: (.+)", "参数 {0} 的取值 {2} 无效"),
    (r"argument (.+?): expected one argument", "参数 {0} 后面须跟一个值"),
    (r"argument (.+?): expected at least one argument", "参数 {0} 后面至少须跟一个值"),
    (r"argument (.+?): not allowed with argument (.+)", "参数 {0} 不能与 {1} 同时使用"),
    (r"argument (.+?): ignored explicit argument (.+)", "参数 {0} 不接受值 {1}"),
    (r"one of the arguments (.+) is required", "须给出 {0} 之一"),
    (r"ambiguous option: (.+?) could match (.+)", "选项 {0} 不明确，可能是 {1}"),
    (r"argument (.+?): (.+)", "参数 {0}：{1}"),  # a type function's own (Chinese) message
]


def argument_problem(message: str) -> str:
    for pattern, chinese in ARGPARSE_MESSAGES:
        found = re.fullmatch(pattern, message.strip(), re.S)
        if found:
            return chinese.format(*found.groups())
    return f"参数有误：{message}"


def database_problem(exc: Exception) -> str:
    """One Chinese line for a database error met outside a command's own work: not migrated, or not there."""
    from django.conf import settings
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    db = settings.DATABASES["default"]
    where = (
        str(db.get("NAME"))
        if "sqlite" in db["ENGINE"]
        else f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{db.get('NAME')}"
    )
    try:
        connection.close()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return f"无法连接数据库 {where}：请检查环境变量 DATABASE_URL、数据库服务是否在运行、用户名和口令是否正确。"
    if pending:
        return f"数据库 {where} 尚未建立表或未升级到当前版本（{len(pending)} 项迁移未执行）：请先运行 gongkai migrate。"
    return f"数据库出错（{where}）：{exc.__class__.__name__}。请检查数据库状态后重试。"


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
        setup_django()
        from django.db import DatabaseError

        try:
            return args.func(args) or 0
        except DatabaseError as exc:
            print(database_problem(exc), file=sys.stderr)
            return 2
    except ImproperlyConfigured as exc:
        # A missing or malformed setting (a key, a database URL) is the operator's to fix: say which.
        print("配置错误：" + " ".join(str(exc).split()), file=sys.stderr)
        return 2
