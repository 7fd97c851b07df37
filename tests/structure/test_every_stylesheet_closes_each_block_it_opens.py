"""A stylesheet whose block is left open is still read by every browser: the block ends with the file, and
each rule after it applies only where that block does. One `@media (max-width: 40rem) {` left open by a
merge kept the item body's table borders and the attachment list's layout off every screen wider than a
phone, and no page looked broken enough for anyone to say so."""

import re
from pathlib import Path

import pytest

from tests.structure.support import PACKAGE

STYLESHEETS = sorted(PACKAGE.rglob("*.css"))
# Comments and quoted strings may hold braces that open nothing.
NOT_CODE = re.compile(r"/\*.*?\*/|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'", re.S)


def blanked(css: str) -> str:
    """The stylesheet with comments and strings replaced by spaces, keeping every line where it was."""
    return NOT_CODE.sub(lambda match: re.sub(r"[^\n]", " ", match[0]), css)


def unbalanced(css: str) -> list[str]:
    """Each brace without its partner, by line number."""
    opened, problems = [], []
    for number, line in enumerate(blanked(css).splitlines(), start=1):
        for character in line:
            if character == "{":
                opened.append(number)
            elif character == "}":
                if opened:
                    opened.pop()
                else:
                    problems.append(f"第 {number} 行的 }} 没有对应的 {{")
    problems += [f"第 {number} 行打开的块直到文件结尾都没有关闭" for number in opened]
    return problems


def test_there_are_stylesheets_to_check():
    assert len(STYLESHEETS) >= 5


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_each_block_closes(path: Path):
    assert unbalanced(path.read_text(encoding="utf-8")) == []


def test_an_open_block_is_found_where_it_opened_and_braces_in_comments_and_strings_are_not_counted():
    css = '/* { */\na::before { content: "}"; }\n@media (max-width: 40rem) {\n  a { color: red; }\n'
    assert unbalanced(css) == ["第 3 行打开的块直到文件结尾都没有关闭"]
    assert unbalanced("a { color: red; } }") == ["第 1 行的 } 没有对应的 {"]
