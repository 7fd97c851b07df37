"""Architecture: a cell's address and an official label are written once, in the format declarations.

Everything else asks the declaration — `block.address(row, column)`, `section3.total(row)`, a group's
`title` — so a new format or a corrected label is one change in one module. This test reads the source of
the whole package (docstrings and comments aside: they explain, they do not build) and fails on any string
literal of the address form or equal to an official label.
"""

import ast
import re
from pathlib import Path

from gongkai.formats import all_formats

PACKAGE = Path(__file__).resolve().parents[2] / "gongkai"
DECLARATIONS = re.compile(r"v\d{4}\.py")
ADDRESS = re.compile(r"\bsection[234]\.")
# 其他 heads the last 法人或其他组织 column, and is also the everyday word "other" of many a list of choices.
EVERYDAY_WORDS = {"其他"}


def official_labels() -> set[str]:
    """Every label of every format, except the §二 captions: those cite an article of the 条例
    (第二十条第（一）项), which the catalogue cites as well."""
    labels = set()
    for fmt in all_formats():
        s2, s3, s4 = fmt.section2, fmt.section3, fmt.section4
        labels.update(title for _, title in fmt.section_titles)
        labels.update((s2.first_column_header, s3.note, s3.applicant_header, s3.organisation_header))
        for block in s2.blocks:
            labels.update(row.label for row in block.rows)
            labels.update(column.label for column in block.columns)
        for row in s3.rows:
            labels.update(label for label in (row.label, row.group, row.subgroup) if label)
        labels.update(group.title for group in s3.outcome_groups)
        labels.update(column.label for column in s3.columns)
        for block in s4.blocks:
            labels.update(label for label in (block.group, block.subgroup) if label)
        labels.update(column.label for column in s4.columns)
    return labels - EVERYDAY_WORDS


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string literal, the constant parts of f-strings included, docstrings left out."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def offences(source: str, labels: set[str]) -> list[tuple[int, str]]:
    return [(line, text) for line, text in literals(source) if ADDRESS.search(text) or text in labels]


def package_modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue  # a migration keeps the choices of its day, labels included
        if path.parent.name == "formats" and DECLARATIONS.fullmatch(path.name):
            continue
        yield path


def test_the_check_catches_a_hand_built_address_and_a_restated_label_but_not_a_docstring():
    source = '''
"""A module that explains section3.granted.total in its docstring."""
def cells(row, s3):
    """So does this function: section4.review.total."""
    return [f"section3.{row}.total", "（三）不予公开", s3.total(row), "其他"]
'''
    found = offences(source, official_labels())
    assert sorted(found) == [(5, "section3."), (5, "（三）不予公开")]


def test_no_module_outside_the_declarations_builds_a_cell_address_or_restates_an_official_label():
    labels = official_labels()
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {text!r}"
        for path in package_modules()
        for line, text in offences(path.read_text(encoding="utf-8"), labels)
    ]
    assert found == [], "\n".join(found)


def test_no_template_or_script_writes_a_cell_address():
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{number}"
        for path in sorted(PACKAGE.rglob("*"))
        if path.suffix in (".html", ".js", ".txt")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if ADDRESS.search(line)
    ]
    assert found == [], "\n".join(found)


def test_the_labels_checked_include_every_row_and_group_of_both_formats():
    labels = official_labels()
    assert {"规范性文件", "行政规范性文件", "其他对外管理服务事项"} <= labels  # §二 rows, 2019 and 2021
    assert {
        "（三）不予公开",
        "（六）其他处理",
        "三、本年度办理结果",
        "3.其他",
    } <= labels  # §三 groups and rows
    assert {"行政复议", "行政诉讼", "复议后起诉", "结果纠正"} <= labels  # §四 headings and columns
