"""The checks every correct report passes: rules A1–A10 of docs/report-format.md §7.

A1–A8 are arithmetic over the cells; A9 compares the figures stated in the prose (§一, §五, §六) with the
tables and the records; A10 asks §六 to account for 信息处理费. `check_report` runs every rule the content
allows. Each rule is a plain function returning findings. A blank (None) cell means "not
reported", never 0: an equation that needs a blank cell is skipped rather than guessed.

A4 (区分处理 is counted once, under （二）部分公开) holds by construction and has no function: cells
hold one number per row, and an application maps to exactly one §三 row when the report is
computed from records, so nothing in the table can count it twice; in a published report the
double count is invisible in the numbers (it would surface, if at all, as an A1/A2 imbalance).
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass
from decimal import Decimal

from gongkai.formats.cells import ReportCells, Value
from gongkai.formats.declaration import Kind, section_of
from gongkai.formats.statements import Claim, find_claims, speaks_of_fees

ERROR = "error"
WARNING = "warning"
SEVERITY_LABELS = {ERROR: "错误", WARNING: "警告"}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    cells: list[str]
    message: str
    # The sentence a text rule (A9, A10) is about: {"section", "start", "end", "quote"}; offsets into
    # that section's text. Absent for the arithmetic rules.
    where: dict | None = None

    def to_dict(self) -> dict:
        out = asdict(self)
        if self.where is None:
            del out["where"]
        return out

    def describe(self) -> str:
        """One line for people: rule, severity, message, cells and the sentence involved."""
        line = f"[{self.rule}] {SEVERITY_LABELS[self.severity]}：{self.message}"
        if self.cells:
            line += f"（单元格：{'、'.join(self.cells)}）"
        if self.where:
            line += f"（第{self.where['section']}部分：“{self.where['quote']}”）"
        return line


def _show(value: Value) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _filled(cells: ReportCells, addresses: list[str]) -> bool:
    return all(cells[a] is not None for a in addresses)


def check_a1(cells: ReportCells) -> list[Finding]:
    """For every §三 column: new_received + carried_over = total + carried_forward (the header note)."""
    s3 = cells.format.section3
    findings = []
    for col in s3.columns:
        left = [s3.address(row, col) for row in s3.received_rows]
        right = [s3.address(row, col) for row in s3.settled_rows]
        if not _filled(cells, left + right):
            continue
        received = sum(cells[a] for a in left)
        settled = sum(cells[a] for a in right)
        if received != settled:
            labels = [s3.row(r).label for r in s3.received_rows + s3.settled_rows]
            findings.append(
                Finding(
                    "A1",
                    ERROR,
                    left + right,
                    f"“{col.label}”列：{labels[0]}与{labels[1]}之和为 {_show(received)}，"
                    f"而{labels[2]}与{labels[3]}之和为 {_show(settled)}，两者应相等",
                )
            )
    return findings


def _sum_finding(cells: ReportCells, rule: str, total: str, parts: list[str], message) -> Finding | None:
    """A finding when the filled cell `total` differs from the sum of the filled `parts`.

    `message(total_value, summed)` words the difference for people.
    """
    if not _filled(cells, parts + [total]):
        return None
    summed = sum(cells[a] for a in parts)
    if summed == cells[total]:
        return None
    return Finding(rule, ERROR, [total, *parts], message(_show(cells[total]), _show(summed)))


def check_a2(cells: ReportCells) -> list[Finding]:
    """For every §三 column: the （七）总计 row = the sum of the outcome rows."""
    s3 = cells.format.section3
    total_label = s3.row(s3.total_row).label
    findings = [
        _sum_finding(
            cells,
            "A2",
            s3.address(s3.total_row, col),
            [s3.address(row, col) for row in s3.outcome_rows],
            lambda total, summed, col=col: (
                f"“{col.label}”列：{total_label}为 {total}，但各项办理结果之和为 {summed}"
            ),
        )
        for col in s3.columns
    ]
    return [f for f in findings if f]


def check_a3(cells: ReportCells) -> list[Finding]:
    """For every §三 row: the 总计 column = the sum of the six applicant columns.

    Published reports sometimes leave 总计 blank; a row is judged only when all its cells are filled.
    """
    s3 = cells.format.section3
    total_label = s3.total_column.label
    findings = [
        _sum_finding(
            cells,
            "A3",
            s3.total(row),
            [s3.address(row, col) for col in s3.applicant_columns],
            lambda total, summed, row=row: (
                f"“{row.label}”行：{total_label}为 {total}，但六类申请人之和为 {summed}"
            ),
        )
        for row in s3.rows
    ]
    return [f for f in findings if f]


def check_blank_totals(cells: ReportCells) -> list[Finding]:
    """A 总计 left blank beside a row (§三) or block (§四) that counts something (warning, rule A3/A5).

    A blank is never read as 0, so the sum equations skip such a row; the blank itself is worth a word.
    """
    findings = []
    for address, _ in cells.format.cells():
        parts = _total_parts(cells, address)
        if not parts or cells[address] is not None:
            continue
        counted = [p for p in parts if cells[p]]
        if not counted:
            continue
        rule = "A3" if section_of(address) == cells.format.section3.key else "A5"
        findings.append(
            Finding(
                rule,
                WARNING,
                [address, *counted],
                f"总计为空白，而同一行的{_named_cells(cells, counted)}不为 0：总计应填写",
            )
        )
    return findings


def check_a5(cells: ReportCells) -> list[Finding]:
    """For every §四 block: total = upheld + corrected + other + pending."""
    s4 = cells.format.section4
    findings = []
    for block in s4.blocks:
        findings.append(
            _sum_finding(
                cells,
                "A5",
                s4.total(block),
                [s4.address(block, col) for col in s4.columns if col.key != s4.total_column],
                lambda total, summed, name=block.heading: (
                    f"{name}：总计为 {total}，但各项结果之和为 {summed}"
                ),
            )
        )
    return [f for f in findings if f]


def _check_previous(cells: ReportCells, previous: ReportCells) -> None:
    if previous.agency != cells.agency or previous.year != cells.year - 1:
        raise ValueError(
            f"上一年度的单元格应为“{cells.agency}”{cells.year - 1} 年的报告，"
            f"而提供的是“{previous.agency}”{previous.year} 年的报告"
        )


def check_a6(cells: ReportCells, previous: ReportCells | None = None) -> list[Finding]:
    """§三 carried_over of year Y = carried_forward of year Y−1, same agency (warning)."""
    if previous is None:
        return []
    _check_previous(cells, previous)
    s3 = cells.format.section3
    findings = []
    for col in s3.columns:
        this = s3.address(s3.carried_over_row, col)
        before = previous.format.section3.address(previous.format.section3.carried_forward_row, col)
        if before not in previous.values or cells[this] is None or previous[before] is None:
            continue
        if cells[this] != previous[before]:
            findings.append(
                Finding(
                    "A6",
                    WARNING,
                    [this],
                    f"“{col.label}”列：本年{s3.row(s3.carried_over_row).label}为 {_show(cells[this])}，"
                    f"而 {previous.year} 年报告的{s3.row(s3.carried_forward_row).label}为 {_show(previous[before])}",
                )
            )
    return findings


def check_a7(cells: ReportCells, previous: ReportCells | None = None) -> list[Finding]:
    """§二 stock: in_force(Y) = in_force(Y−1) + made(Y) − repealed(Y) (warning; 2021 format)."""
    rule = cells.format.stock_rule
    if rule is None or previous is None:
        return []
    _check_previous(cells, previous)
    block = cells.format.section2.block(rule.block)
    findings = []
    for row in block.rows:
        stock, added, removed = (block.address(row, key) for key in (rule.stock, rule.added, rule.removed))
        if (
            stock not in previous.values
            or not _filled(cells, [stock, added, removed])
            or previous[stock] is None
        ):
            continue
        expected = previous[stock] + cells[added] - cells[removed]
        if cells[stock] != expected:
            labels = {c.key: c.label for c in block.columns}
            findings.append(
                Finding(
                    "A7",
                    WARNING,
                    [stock, added, removed],
                    f"“{row.label}”：{labels[rule.stock]}为 {_show(cells[stock])}，但上年的 {_show(previous[stock])}"
                    f"加{labels[rule.added]} {_show(cells[added])}减{labels[rule.removed]} {_show(cells[removed])}"
                    f"应为 {_show(expected)}（修订、重新归类可能造成差异）",
                )
            )
    return findings


def check_a8(cells: ReportCells) -> list[Finding]:
    """Counts are non-negative integers; signed changes are integers; amounts are non-negative."""
    findings = []
    for address, col in cells.format.cells():
        value = cells[address]
        if value is None:
            continue
        whole = isinstance(value, int) or value == value.to_integral_value()
        if col.kind is Kind.COUNT and (value < 0 or not whole):
            problem = f"“{col.label}”是件数，应为非负整数，而不是 {_show(value)}"
        elif col.kind is Kind.SIGNED and not whole:
            problem = f"“{col.label}”应为整数，而不是 {_show(value)}"
        elif col.kind is Kind.AMOUNT and value < 0:
            problem = f"“{col.label}”是金额，不能为负数（{_show(value)}）"
        else:
            continue
        findings.append(Finding("A8", ERROR, [address], problem))
    return findings


def _total_parts(cells: ReportCells, address: str) -> list[str]:
    """The cells a 总计 cell adds up (a §三 row's applicant columns, a §四 block's results), else []."""
    fmt = cells.format
    s3, s4 = fmt.section3, fmt.section4
    section = section_of(address)
    if section == s3.key:
        row = next((r for r in s3.rows if s3.total(r) == address), None)
        return [s3.address(row, c) for c in s3.applicant_columns] if row else []
    if section == s4.key:
        block = next((b for b in s4.blocks if s4.total(b) == address), None)
        return [s4.address(block, c) for c in s4.columns if c.key != s4.total_column] if block else []
    return []


def _cell_value(cells: ReportCells, address: str) -> tuple[Value, list[str]]:
    """A cell's value and the cells it was read from: a blank 总计 is its row's sum when those are filled."""
    if cells[address] is not None:
        return cells[address], [address]
    parts = _total_parts(cells, address)
    if parts and _filled(cells, parts):
        return sum(cells[p] for p in parts), parts
    return None, []


def _table_sum(cells: ReportCells, addresses: tuple[str, ...]) -> tuple[Value, list[str]]:
    total, used = 0, []
    for address in addresses:
        value, read = _cell_value(cells, address)
        if value is None:
            return None, []
        total += value
        used += read
    return (total, used) if addresses else (None, [])


def _claimed_actual(claim: Claim, cells: ReportCells, facts: dict | None) -> Value:
    """What the records or tables say of a claim's target; None when they cannot tell."""
    target = claim.target
    if target.fact:
        node = facts
        for key in target.fact:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        return node
    return _table_sum(cells, target.cells)[0]


def _named_cells(cells: ReportCells, addresses: list[str]) -> str:
    """“（一）予以公开·总计 200、（二）部分公开…·总计 75”: each cell a sum was taken from, with its value."""
    names = {
        p.address: "·".join(x for x in (p.group, p.row, p.column.label) if x) for p in cells.format.places()
    }
    return "、".join(f"{names.get(a, a)} {_show(cells[a])}" for a in addresses)


def check_a9(cells: ReportCells, facts: dict | None = None) -> list[Finding]:
    """Numbers stated in the text of §一/§五/§六 agree with the tables and, where given, the records.

    `facts` are the record figures a generated report states (documents_issued, documents_proactive,
    documents_not_public, items_by_category, fees_collected in 元); an imported report has none, and its
    text is checked against its tables only.
    """
    categories = tuple((facts or {}).get("items_by_category") or ())
    findings = []
    for claim in find_claims(cells.format, cells.sections, categories):
        actual = _claimed_actual(claim, cells, facts)
        if actual is None or Decimal(actual) == Decimal(claim.value):
            continue
        target = claim.target
        alternatives = [_table_sum(cells, cells_) for cells_ in target.alternatives]
        if any(v is not None and Decimal(v) == Decimal(claim.value) for v, _ in alternatives):
            continue  # the words also fit another reading that agrees (收到 = 新收 + 上年结转)
        source = "记录" if target.fact else "表格"
        message = (
            f"第{claim.section}部分正文称{target.label}为 {_show(claim.value)}，而{source}为 {_show(actual)}"
        )
        addresses = list(target.cells)
        if not target.fact:
            used = _table_sum(cells, target.cells)[1]
            if used != addresses or len(used) > 1:
                message += f"（{_named_cells(cells, used)}）"
                addresses += [a for a in used if a not in addresses]
            for value, used_alt in alternatives:
                if value is not None:
                    message += f"；与{_named_cells(cells, used_alt)}之和 {_show(value)} 也不相符"
                    addresses += [a for a in used_alt if a not in addresses]
        findings.append(Finding("A9", WARNING, addresses, message, claim.where()))
    return findings


def check_a10(cells: ReportCells, facts: dict | None = None) -> list[Finding]:
    """§六 accounts for 信息处理费: whenever fees were collected or fee notices went unpaid, and always in
    the 2021 format (which asks §六 to state the fees collected, or that none were).

    Judged only when the report has narrative text at all: a table-only document says nothing of §六.
    """
    if not any((cells.sections or {}).values()):
        return []
    sixth = cells.sections.get("六") or ""
    if speaks_of_fees(sixth):
        return []
    collected = Decimal((facts or {}).get("fees_collected") or 0)
    unpaid_address = cells.format.section3.total("other_unpaid_fee")
    unpaid = cells.values.get(unpaid_address) or 0
    title = cells.format.numbered_title("六")
    if collected > 0:
        reason = f"本年收取信息处理费 {_show(collected)} 元"
    elif unpaid > 0:
        reason = f"有 {unpaid} 件申请因逾期未缴纳信息处理费而不再处理"
    elif cells.format.fees_in_section6:
        reason = "2021 年版格式要求说明信息处理费的收取情况（未收取的也应写明）"
    else:
        return []
    return [
        Finding(
            "A10",
            WARNING,
            [unpaid_address] if unpaid > 0 else [],
            f"“{title}”未说明信息处理费：{reason}",
            {"section": "六", "start": 0, "end": len(sixth), "quote": sixth.strip()[:60]},
        )
    ]


RULES: dict[str, Callable[..., list[Finding]]] = {
    "A1": check_a1,
    "A2": check_a2,
    "A3": check_a3,
    "A5": check_a5,
    "A6": check_a6,
    "A7": check_a7,
    "A8": check_a8,
}
NEEDS_PREVIOUS = ("A6", "A7")


def check_cells(cells: ReportCells, previous: ReportCells | None = None) -> list[Finding]:
    """All arithmetic rules; A6 and A7 run only when the previous year's cells are given."""
    findings = []
    for rule, check in RULES.items():
        findings.extend(check(cells, previous) if rule in NEEDS_PREVIOUS else check(cells))
    return findings + check_blank_totals(cells)


def check_report(
    cells: ReportCells, previous: ReportCells | None = None, facts: dict | None = None
) -> list[Finding]:
    """Every rule the content allows: A1–A8 on the cells, A6/A7 with the previous year, A9/A10 on the text
    (cells.sections) against the tables and, when given, the record facts."""
    return check_cells(cells, previous) + check_a9(cells, facts) + check_a10(cells, facts)


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)
