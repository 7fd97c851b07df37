"""Where the command line lives, and which way the imports point.

Every module that adds `gongkai` sub-commands is in gongkai/cli/ and listed there; no app imports the
command line. The bottom layers — the law (rules), the report formats, the working-day calendar and the
agencies — import only one another, the audit trail and log-in security every app shares, and the small
standalone helpers (settings from the environment, safe spreadsheet cells), so they can be read, tested and
reused without the apps built on them.
"""

import ast

import gongkai.cli
from tests.structure.support import app_of, imported_modules, modules, syntax_tree

BOTTOM = {"rules", "formats", "calendar", "agencies"}
SHARED = {"audit", "security", "env", "spreadsheets"}


def top_level_functions(path) -> set[str]:
    return {node.name for node in syntax_tree(path).body if isinstance(node, ast.FunctionDef)}


def adds_sub_commands(path) -> bool:
    """Whether the module calls argparse's `add_parser`."""
    return any(
        isinstance(node, ast.Attribute) and node.attr == "add_parser" for node in ast.walk(syntax_tree(path))
    )


def test_every_module_that_adds_sub_commands_is_in_the_cli_package_and_listed_there():
    everything = modules()
    adding = {name for name, path in everything.items() if adds_sub_commands(path)}
    assert adding, "no command module found: the test no longer sees them"
    assert {name for name in adding if app_of(name) != "cli"} == set()
    registering = {name for name in adding if "register" in top_level_functions(everything[name])}
    assert set(gongkai.cli.COMMAND_MODULES) == registering


def test_no_app_imports_the_command_line():
    importers = {
        name
        for name, path in modules().items()
        if app_of(name) != "cli" and name != "gongkai.__main__"
        for target in imported_modules(path)
        if app_of(target) == "cli"
    }
    assert importers == set()


def test_the_bottom_layers_import_nothing_above_them():
    upward = sorted(
        f"{name} → {target}"
        for name, path in modules().items()
        if app_of(name) in BOTTOM
        for target in imported_modules(path)
        if target != "gongkai" and app_of(target) not in BOTTOM | SHARED
    )
    assert upward == []
