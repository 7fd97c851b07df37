"""Architecture: a name with a leading underscore is its module's own. Another module that needs it asks for
it under a public name, so that the module can change its private helpers without breaking anyone."""

from .imports import private_imports

# Being removed with the split of the applications app into packages (letter views take the case loader).
KNOWN = {("gongkai.applications.letter_views", "gongkai.applications.views", "_case")}


def test_no_module_imports_a_private_name_of_another_module():
    found = [
        f"{module} 使用了 {source} 的 {name}"
        for module, source, name in private_imports()
        if (module, source, name) not in KNOWN
    ]
    assert not found, "\n".join(found)


def test_the_private_name_still_allowed_is_still_taken_so_the_allowance_is_removed_with_it():
    assert set(private_imports()) >= KNOWN
