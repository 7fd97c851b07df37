"""The 工作台 待办: what waits for a person, each entry a count with a link to the list it counts.

Every app that gives people work contributes entries from its own `todo.py`, through a function

    todo_for(user, today) -> list[Todo]

listed in PROVIDERS. The contract for a provider:
- return only entries that concern this person (their roles, their agencies) and have a count above zero;
- `url` opens exactly the list the count counts (filtered so the same number of rows shows there);
- never raise for a person without agencies: return [].

This module sits below every app: the apps import the contract from here, and the providers are named by dotted
path, so nothing here imports an app and no app imports the workspace.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.module_loading import import_string

PROVIDERS = (
    "gongkai.applications.todo.todo_for",
    "gongkai.applications.letters.todo.todo_for",
    "gongkai.disclosure.todo.todo_for",
    "gongkai.reports.todo.todo_for",
)


class Urgency:
    """How soon an entry needs acting on; the home page lists the most urgent first."""

    OVERDUE = 2
    SOON = 1
    NORMAL = 0


@dataclass(frozen=True)
class Todo:
    area: str  # the work it belongs to, as people name it: 依申请公开, 主动公开, 年度报告
    label: str  # what waits, e.g. 待我签发的文书
    count: int
    url: str  # the list this count counts
    urgency: int = Urgency.NORMAL
    hint: str = ""  # an optional second line, e.g. the earliest due date
    counted: bool = True  # False for a single thing named in the label (one report), shown without "：1"


def todo_for(user, today: date | None = None) -> list[Todo]:
    today = today or timezone.localdate()
    entries = [entry for path in PROVIDERS for entry in import_string(path)(user, today) if entry.count > 0]
    return sorted(entries, key=lambda entry: -entry.urgency)
