"""The 主动公开 entries of the 工作台 待办 (gongkai.todo): items waiting for this person's review or
sign-off, 公文 past their publication deadline, items published late."""

from django.urls import reverse

from gongkai.todo import Todo, Urgency

from .dashboard import home_summary
from .models import ItemStatus

AREA = "主动公开"


def todo_for(user, today) -> list[Todo]:
    summary = home_summary(user, today)
    items_url = reverse("disclosure:items")
    entries = []
    by_status: dict[str, int] = {}
    for item in summary["to_review"]:
        by_status[item.status] = by_status.get(item.status, 0) + 1
    for status, count in by_status.items():
        label = f"待我处理（{ItemStatus(status).label}）"
        entries.append(Todo(AREA, label, count, f"{items_url}?status={status}"))
    overdue = len(summary["overdue_documents"])
    entries.append(
        Todo(AREA, "超过期限未发布的公文", overdue, reverse("disclosure:register"), Urgency.OVERDUE)
    )
    return entries
