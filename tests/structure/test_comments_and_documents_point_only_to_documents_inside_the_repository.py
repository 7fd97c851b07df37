"""A comment or a document that sends its reader to a file must send them to one in the repository: the
law, the report format and the configuration the code relies on are written down in docs/ (docs/law.md,
docs/report-format.md, docs/configuration.md), never only in specifications kept outside it. Tests may
still read those specifications as data; they may not cite them as the explanation."""

import ast
import io
import re
import tokenize
from functools import cache

from tests.structure.support import REPO, syntax_tree

OUTSIDE = ("shared/" + "spec", "shared/" + "seed")
DOCUMENT_NAME = re.compile(r"(?<![\w./-])((?:\.\./|[\w-]+/)*[\w-]+\.md)\b")
PYTHON_FOLDERS = ("gongkai", "tests", "benchmarks", "loadtest")


def python_comments(path) -> list[tuple[int, str]]:
    """Comments and docstrings of a Python file, with their line numbers."""
    source = path.read_text(encoding="utf-8")
    found = [
        (token.start[0], token.string)
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    ]
    for node in ast.walk(syntax_tree(path)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            docstring = ast.get_docstring(node, clean=False)
            if docstring is not None:
                found.append((node.body[0].lineno, docstring))
    return found


@cache
def prose() -> tuple[tuple, ...]:
    """(file, line, text) for every comment and docstring, and every line of the Markdown documents."""
    found = [
        (path, line, text)
        for folder in PYTHON_FOLDERS
        for path in sorted((REPO / folder).rglob("*.py"))
        for line, text in python_comments(path)
    ]
    for path in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        lines = path.read_text(encoding="utf-8").splitlines()
        found += [(path, line, text) for line, text in enumerate(lines, start=1)]
    return tuple(found)


def test_no_comment_or_document_cites_a_specification_outside_the_repository():
    citing = [
        f"{path.relative_to(REPO)}:{line}"
        for path, line, text in prose()
        if any(outside in text for outside in OUTSIDE)
    ]
    assert citing == []


def test_every_document_named_in_a_comment_or_a_document_exists_in_the_repository():
    missing = [
        f"{path.relative_to(REPO)}:{line} {name}"
        for path, line, text in prose()
        for name in DOCUMENT_NAME.findall(text)
        if not (REPO / name).is_file() and not (path.parent / name).is_file()
    ]
    assert missing == []
