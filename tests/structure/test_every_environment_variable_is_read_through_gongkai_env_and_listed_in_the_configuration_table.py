"""Configuration: every environment variable the code reads is in the one table of docs/configuration.md,
and within gongkai it is read through the typed helpers of gongkai.env with its name written out, so
that the table can be checked against the code (an operator never meets a variable nobody documented).

The benchmarks, the load test and the tests read a few variables of their own; the table lists them too.
"""

import ast
import re
from functools import cache

from tests.structure.support import PACKAGE, REPO, syntax_tree

TABLE = REPO / "docs" / "configuration.md"
HELPERS = {"env_str", "env_bool", "env_int", "env_float", "env_list"}
CODE = [PACKAGE, REPO / "benchmarks", REPO / "loadtest", REPO / "tests"]


def dotted(node) -> str:
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


def is_environ(node) -> bool:
    return dotted(node) in {"os.environ", "environ"}


def reads(path) -> list[tuple[int, str | None, str]]:
    """(line, variable name or None when it is not written out, how it is read) for each read."""
    found = []
    for node in ast.walk(syntax_tree(path)):
        if isinstance(node, ast.Call):
            name = dotted(node.func)
            via_environ = isinstance(node.func, ast.Attribute) and is_environ(node.func.value)
            if name.rpartition(".")[2] in HELPERS or name in {"os.getenv", "getenv"} or via_environ:
                first = node.args[0] if node.args else None
                literal = (
                    first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
                )
                if via_environ and node.func.attr in {"items", "keys", "values", "copy"}:
                    continue  # the whole environment handed on to a child process
                found.append((node.lineno, literal, name))
        elif isinstance(node, ast.Subscript) and is_environ(node.value):
            key = node.slice
            literal = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else None
            found.append((node.lineno, literal, "os.environ[…]"))
        elif isinstance(node, ast.Compare) and any(is_environ(c) for c in node.comparators):
            left = node.left
            literal = left.value if isinstance(left, ast.Constant) and isinstance(left.value, str) else None
            found.append((node.lineno, literal, "in os.environ"))
    return found


@cache
def every_read() -> tuple[tuple, ...]:
    return tuple(
        (path.relative_to(REPO), line, name, how)
        for folder in CODE
        for path in sorted(folder.rglob("*.py"))
        for line, name, how in reads(path)
    )


def documented() -> set[str]:
    return set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)`", TABLE.read_text(encoding="utf-8"), re.MULTILINE))


def test_the_table_and_the_code_name_the_same_variables():
    read = {name for _, _, name, _ in every_read() if name}
    assert len(read) > 30, "the scan no longer finds the settings"
    assert sorted(read - documented()) == [], "read by the code but missing from docs/configuration.md"
    assert sorted(documented() - read) == [], "in docs/configuration.md but read nowhere"


def test_every_read_names_its_variable():
    # gongkai.env itself reads whichever name its caller gives.
    unnamed = [f"{path}:{line}" for path, line, name, _ in every_read() if name is None]
    assert [where for where in unnamed if not where.startswith("gongkai/env.py:")] == []


def test_gongkai_reads_the_environment_only_through_its_typed_helpers():
    # Writing a default for Django's own variable is the one use of os.environ left outside gongkai.env.
    bare = [
        f"{path}:{line} {how}({name})"
        for path, line, name, how in every_read()
        if path.parts[0] == "gongkai"
        and path.name != "env.py"
        and how.rpartition(".")[2] not in HELPERS
        and not (how == "os.environ.setdefault" and name == "DJANGO_SETTINGS_MODULE")
    ]
    assert bare == []
