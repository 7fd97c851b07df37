"""Arrange a set of agencies as nested nodes for display (portal home, a supervisor's overview)."""

from dataclasses import dataclass, field

from gongkai.agencies.models import Agency


@dataclass
class Node:
    agency: Agency
    children: list["Node"] = field(default_factory=list)


def build_tree(agencies) -> list[Node]:
    """Nodes for `agencies`; one whose parent is not in the set becomes a root. Siblings keep the given order."""
    nodes = {a.pk: Node(a) for a in agencies}
    roots: list[Node] = []
    for node in nodes.values():
        parent = nodes.get(node.agency.parent_id)
        (parent.children if parent is not None else roots).append(node)
    return roots
