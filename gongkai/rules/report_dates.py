"""When an annual report is due (《条例》第四十九条).

A department of a government at county level or above publishes its report on year Y before 31 January
of Y+1; the government's own report (本级人民政府) is published before 31 March of Y+1. "Before" is read
as "on or before": the last day is the due date.
"""

from datetime import date


def report_due(year: int, *, government: bool) -> date:
    return date(year + 1, 3, 31) if government else date(year + 1, 1, 31)


def reminder_due(year: int, *, government: bool, today: date, days_before: int = 14) -> bool:
    """True from `days_before` days before the due date on (overdue included)."""
    due = report_due(year, government=government)
    return (due - today).days <= days_before
