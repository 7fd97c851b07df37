"""Architecture: the import statements of gongkai form no circle, between modules or between apps.

Every import statement counts, those inside functions too: an import deferred into a function still makes
two modules depend on each other, and the lower one can no longer be read, tested or moved alone. Between
apps (gongkai.reports, gongkai.ledger, …) the dependencies run one way: reports read the ledger, the ledger
never reaches back into reports.
"""

from .imports import app_graph, circles, import_graph


def _described(found: dict) -> str:
    return "\n".join(
        f"{len(group)} 个相互导入：{'、'.join(sorted(group))}；例如 {' → '.join(circle)}"
        for group, circle in found.items()
    )


def test_the_circle_finder_names_a_circle_of_three_modules_and_ignores_a_chain():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": {"e"}, "e": set()}
    assert circles(graph) == {frozenset({"a", "b", "c"}): ["a", "b", "c", "a"]}
    assert circles({"a": {"b"}, "b": {"c"}, "c": set()}) == {}


def test_apps_are_the_second_part_of_a_module_name():
    graph = {"gongkai.reports.facts": {"gongkai.ledger.services"}, "gongkai.ledger.services": set()}
    assert app_graph(graph) == {"reports": {"ledger"}, "ledger": frozenset()}


def test_no_module_imports_its_way_back_to_itself():
    found = circles(import_graph())
    assert not found, "模块之间有循环导入：\n" + _described(found)


def test_no_app_imports_its_way_back_to_itself():
    found = circles(app_graph(import_graph()))
    assert not found, "应用之间有循环导入：\n" + _described(found)
