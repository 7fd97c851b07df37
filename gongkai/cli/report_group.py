"""The `gongkai report` command group, which render and check (report.py), parse and import
(report_files.py), build and remind (report_build.py) join, and the exit codes they share.

`report_subparsers(subparsers)` creates the `report` command once and returns its sub-parsers, so each
module adds its own sub-commands beside the others'.
"""

import sys

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def report_subparsers(subparsers):
    """The sub-parsers of `gongkai report`, created on first use."""
    existing = subparsers.choices.get("report")
    if existing is not None:
        return existing.gongkai_subparsers
    parser = subparsers.add_parser(
        "report", help="年度报告：生成、检查", description="政府信息公开工作年度报告。"
    )
    parser.gongkai_subparsers = parser.add_subparsers(
        title="子命令", metavar="<子命令>", parser_class=type(parser)
    )
    parser.set_defaults(func=lambda args: _usage(parser))
    return parser.gongkai_subparsers


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_BAD_INPUT
