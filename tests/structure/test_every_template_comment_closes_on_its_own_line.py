"""Django's `{# … #}` comment ends on the line it starts; one that runs on to the next line is not a comment
at all and is printed on the page, as an English note once was above the list of annual reports. Longer
notes use `{% comment %}`."""

import re

import pytest

from tests.structure.support import PACKAGE

TEMPLATES = sorted(PACKAGE.rglob("templates/**/*.html")) + sorted(PACKAGE.rglob("templates/**/*.txt"))
OPEN_COMMENT = re.compile(r"\{#(?!.*?#\})")


def unclosed(text: str) -> list[int]:
    return [number for number, line in enumerate(text.splitlines(), start=1) if OPEN_COMMENT.search(line)]


def test_there_are_templates_to_check():
    assert len(TEMPLATES) >= 20


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_each_comment_closes_on_its_line(path):
    assert unclosed(path.read_text(encoding="utf-8")) == []


def test_a_comment_running_on_to_the_next_line_is_found():
    assert unclosed("{# one line #}\n{# starts here\n and ends here #}\n") == [2]
