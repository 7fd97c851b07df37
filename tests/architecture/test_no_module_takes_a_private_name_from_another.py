"""Architecture: a name with a leading underscore is its module's own. Another module that needs it asks for
it under a public name, so that the module can change its private helpers without breaking anyone."""

from .imports import private_imports


def test_no_module_imports_a_private_name_of_another_module():
    found = [f"{module} 使用了 {source} 的 {name}" for module, source, name in private_imports()]
    assert not found, "\n".join(found)
