"""The labels a parser looks for, taken from the format declarations (never listed here).

A row anchor is a row label followed by that row's numbers (§二 and §三). Every other label of a
format — captions, column headers, group cells, the §三 note — is known too, so that it is never
mistaken for an unknown row.
"""

from dataclasses import dataclass
from functools import cache, wraps

from gongkai.formats import all_formats, get_format
from gongkai.formats.declaration import Column, ReportFormat
from gongkai.importer.text import matches_label, normalize


def per_format(function):
    """Cache by format version: hashing a whole declaration on every call would cost more than the work."""
    cached = cache(lambda version: function(get_format(version)))

    @wraps(function)
    def wrapper(fmt: ReportFormat):
        return cached(fmt.version)

    return wrapper


@dataclass(frozen=True)
class RowAnchor:
    section: str  # 二 or 三
    addresses: tuple[str, ...]  # the row's cells, one for each of its columns
    label: str
    norm: str
    columns: tuple[Column, ...]
    caption: str  # the §二 block caption, or the §三 group path, for messages
    variants: tuple[str, ...] = ()  # normalised labels published tables use for this row (declared)
    key: str = ""  # the row's key in the declaration

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.norm, *self.variants)

    def matches(self, norm: str) -> bool:
        return any(matches_label(norm, label) for label in self.labels)

    def cell(self, column: Column) -> str:
        return self.addresses[self.columns.index(column)]


@per_format
def row_anchors(fmt: ReportFormat) -> tuple[RowAnchor, ...]:
    found = []
    for block in fmt.section2.blocks:
        for row in block.rows:
            found.append(
                RowAnchor(
                    "二",
                    tuple(block.address(row, col) for col in block.columns),
                    row.label,
                    normalize(row.label),
                    block.columns,
                    block.caption,
                    tuple(normalize(label) for label in row.variants),
                    row.key,
                )
            )
    s3 = fmt.section3
    for row in s3.rows:
        path = "/".join(p for p in (row.group, row.subgroup) if p)
        addresses = tuple(s3.address(row, col) for col in s3.columns)
        found.append(
            RowAnchor("三", addresses, row.label, normalize(row.label), s3.columns, path, key=row.key)
        )
    return tuple(found)


@per_format
def known_labels(fmt: ReportFormat) -> frozenset[str]:
    """Every label of the format and the declared variants published tables use for its rows."""
    extra = {label for block in fmt.section2.blocks for row in block.rows for label in row.variants}
    extra |= {label for label, _ in fmt.split_rows}
    return all_labels(fmt) | {normalize(label) for label in extra}


@per_format
def all_labels(fmt: ReportFormat) -> frozenset[str]:
    """Every label of the format, normalised."""
    s2, s3, s4 = fmt.section2, fmt.section3, fmt.section4
    labels = {s2.first_column_header, s3.note, s3.applicant_header, s3.organisation_header}
    for block in s2.blocks:
        labels.add(block.caption)
        labels.update(c.label for c in block.columns)
        labels.update(r.label for r in block.rows)
    labels.update(c.label for c in s3.columns)
    for row in s3.rows:
        labels.update(p for p in (row.label, row.group, row.subgroup) if p)
    for block in s4.blocks:
        labels.update(p for p in (block.group, block.subgroup) if p)
    labels.update(c.label for c in s4.columns)
    return frozenset(normalize(label) for label in labels)


@per_format
def section4_labels(fmt: ReportFormat) -> frozenset[str]:
    """Labels that only the §四 table has (its 总计 is also a §三 column, so it does not count)."""
    s4 = fmt.section4
    labels = {normalize(p) for b in s4.blocks for p in (b.group, b.subgroup) if p}
    labels |= {normalize(c.label) for c in s4.columns}
    return frozenset(labels - {normalize(c.label) for c in fmt.section3.columns})


@per_format
def distinctive_labels(fmt: ReportFormat) -> frozenset[str]:
    """Labels of this format that no other declared format has: what tells the templates apart."""
    others = set().union(*(all_labels(f) for f in all_formats() if f is not fmt))
    return all_labels(fmt) - others


def is_known_label(norm: str, fmt: ReportFormat) -> bool:
    """A label of the format; a flattened header (Markdown: 法人或其他组织·商业企业) is known if each part is,
    and so are header cells a PDF's layout stacked into one (申请人情况 over 法人或其他组织)."""
    labels = known_labels(fmt)
    return all(
        any(matches_label(part, label) for label in labels) or _stacked_labels(part, labels)
        for part in norm.split("·")
        if part
    )


def _stacked_labels(text: str, labels: frozenset[str], parts: int = 3) -> bool:
    """`text` is two or three whole labels one after the other."""
    if parts == 0:
        return False
    for label in labels:
        if len(label) >= 2 and text.startswith(label):
            rest = text[len(label) :]
            if rest in labels or _stacked_labels(rest, labels, parts - 1):
                return True
    return False


def is_section4_header(norm: str, fmt: ReportFormat) -> bool:
    labels = section4_labels(fmt)
    return any(part in labels for part in norm.split("·"))
