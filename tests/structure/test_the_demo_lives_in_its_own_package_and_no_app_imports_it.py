"""The demo's data and loaders live in gongkai/demo/, which only the `gongkai demo` command loads: an app
never depends on demo records (the demo of 依申请公开 once tied applications and appeals to each other)."""

from tests.structure.support import app_of, imported_modules, modules


def test_every_demo_module_is_in_the_demo_package():
    everything = modules()
    assert "gongkai.demo" in everything
    assert [name for name in everything if "demo" in name and app_of(name) != "demo"] == []


def test_only_the_command_line_imports_the_demo():
    importers = sorted(
        name
        for name, path in modules().items()
        if app_of(name) not in {"demo", "cli"}
        for target in imported_modules(path)
        if app_of(target) == "demo"
    )
    assert importers == []
