"""《条例》第四十九条: a department's report on year Y is due by 31 January of Y+1, a government's own
report by 31 March (docs/law.md §10)."""

from datetime import date

from gongkai.rules.report_dates import reminder_due, report_due


def test_a_department_reports_by_31_january_and_a_government_by_31_march():
    assert report_due(2020, government=False) == date(2021, 1, 31)
    assert report_due(2020, government=True) == date(2021, 3, 31)
    assert report_due(2025, government=False) == date(2026, 1, 31)


def test_reminders_start_fourteen_days_before_the_due_date_and_go_on_when_overdue():
    assert not reminder_due(2025, government=False, today=date(2026, 1, 16))
    assert reminder_due(2025, government=False, today=date(2026, 1, 17))
    assert reminder_due(2025, government=False, today=date(2026, 2, 3))
    assert not reminder_due(2025, government=True, today=date(2026, 2, 3))
