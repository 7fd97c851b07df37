"""The import statements of the gongkai package, read from its source with `ast` (nothing is imported).

modules() -> {module name: path}
import_graph() -> {module: {module it imports}}      every import statement, inside functions too
app_graph(graph) -> {app: {app it imports}}          gongkai.reports.compute belongs to the app "reports"
circles(graph) -> {group: [a, b, …, a]}              each group of nodes that reach one another, with a circle
                                                    through its first member
private_imports() -> [(module, imported from, name)] names with a leading underscore taken from another module
"""

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "gongkai"


@cache
def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _package_of(module: str) -> str:
    return module if modules()[module].name == "__init__.py" else module.rpartition(".")[0]


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = _package_of(module).split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _known(name: str) -> str | None:
    """The gongkai module a dotted name lives in (gongkai.formats.cells.ReportCells → gongkai.formats.cells)."""
    while name and name not in modules():
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str):
    """(imported module, names taken from it) for each import statement of `module`."""
    tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, ()
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, node)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                yield (submodule, ()) if submodule in modules() else (source, (alias.name,))


@cache
def import_graph() -> dict[str, frozenset[str]]:
    graph = {}
    for module in modules():
        targets = {_known(name) for name, _ in _imports(module) if name.split(".")[0] == "gongkai"}
        graph[module] = frozenset(targets - {None, module})
    return graph


def app_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def app_graph(graph: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    apps: dict[str, set[str]] = {}
    for module, targets in graph.items():
        apps.setdefault(app_of(module), set()).update(
            app_of(t) for t in targets if app_of(t) != app_of(module)
        )
    return {app: frozenset(targets) for app, targets in apps.items()}


def _groups(graph) -> list[set[str]]:
    """Groups of two or more nodes that each reach all the others (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _circle_within(group: set[str], graph) -> list[str]:
    """A shortest way from the group's first member back to itself, inside the group."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph.get(node, ())):
                if target == start:
                    return paths[node] + [start]
                if target in group and target not in paths:
                    paths[target] = paths[node] + [target]
                    following.append(target)
        frontier = following
    raise AssertionError(f"no circle inside {sorted(group)}")


def circles(graph) -> dict[frozenset[str], list[str]]:
    return {frozenset(group): _circle_within(group, graph) for group in _groups(graph)}


def private_imports() -> list[tuple[str, str, str]]:
    """`from gongkai.x import _name` (and `module._name` on an imported gongkai module) across modules."""
    found = []
    for module in modules():
        tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
        aliases = {}  # local name → gongkai module bound to it
        for name, taken in _imports(module):
            for item in taken:
                if item.startswith("_") and not item.startswith("__") and _known(name) != module:
                    found.append((module, name, item))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                source = _absolute(module, node)
                for alias in node.names:
                    if f"{source}.{alias.name}" in modules():
                        aliases[alias.asname or alias.name] = f"{source}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname and alias.name in modules():
                        aliases[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and aliases[node.value.id] != module
            ):
                found.append((module, aliases[node.value.id], node.attr))
    return sorted(set(found))
