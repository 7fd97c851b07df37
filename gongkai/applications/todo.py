"""The 依申请公开 entries of the 工作台 待办 (gongkai.todo): new applications not yet assigned, cases overdue
or due soon, cases given to this person, and letters waiting for this person's signature. Each links to the
list it counts."""

from django.urls import reverse

from gongkai.agencies.access import agencies_where
from gongkai.todo import Todo, Urgency

from .queues import LETTER_QUEUE_LABELS, QUEUE_LABELS, assigned_count, letters_to_sign, queues_for

AREA = "依申请公开"
URGENCY = {
    "overdue": Urgency.OVERDUE,
    "due_soon": Urgency.SOON,
    "clock_errors": Urgency.SOON,
    "new": Urgency.SOON,
}


def todo_for(user, today) -> list[Todo]:
    queues_url = reverse("applications:queues")
    entries = []
    counts = queues_for(user, today).counts()
    # Who assigns and handles cases acts on the case queues; the department head and leader sign letters.
    handles = agencies_where(user, "case.handle").exists()
    for key in ("new", "overdue", "due_soon", "needs_closing", "clock_errors") if handles else ():
        entries.append(
            Todo(
                AREA, QUEUE_LABELS[key], counts[key], f"{queues_url}#{key}", URGENCY.get(key, Urgency.NORMAL)
            )
        )
    mine = assigned_count(user)
    list_url = reverse("applications:list")
    entries.append(Todo(AREA, "分办给我办理的申请", mine, f"{list_url}?bucket=open&handler=me"))
    for key, letters in letters_to_sign(user).items():
        entries.append(Todo(AREA, LETTER_QUEUE_LABELS[key], len(letters), f"{queues_url}#{key}"))
    return entries
