"""Reading gongkai's own source for the structure tests: its modules, and what each one imports."""

import ast
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "gongkai"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def syntax_tree(path: Path) -> ast.Module:
    """The parsed file, read once per test run: the structure tests walk the same files many times."""
    return ast.parse(path.read_text(encoding="utf-8"))


def modules() -> dict[str, Path]:
    """Every Python module of the package (migrations left out: they are written by Django)."""
    return {
        module_name(path): path for path in sorted(PACKAGE.rglob("*.py")) if "migrations" not in path.parts
    }


def imported_modules(path: Path) -> set[str]:
    """The gongkai modules a file imports anywhere in it, at the top or inside a function."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(syntax_tree(path)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from gongkai import audit` imports the module gongkai.audit.
            found.update(f"{target}.{alias.name}" for alias in node.names)
            found.add(target)
    return {m for m in found if m == "gongkai" or m.startswith("gongkai.")}


def app_of(module: str) -> str:
    """The first part under gongkai: `gongkai.rules.clock` → `rules`."""
    return module.split(".")[1] if module.count(".") else ""
