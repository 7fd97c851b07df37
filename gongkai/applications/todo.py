"""The 依申请公开 entries of the 工作台 待办 (gongkai.todo): cases overdue or due soon, and letters waiting
for this person's signature. Each links to the queue section it counts."""

from django.urls import reverse

from gongkai.todo import Todo, Urgency

from .queues import LETTER_QUEUE_LABELS, QUEUE_LABELS, letters_to_sign, queues_for

AREA = "依申请公开"
URGENCY = {"overdue": Urgency.OVERDUE, "due_soon": Urgency.SOON, "clock_errors": Urgency.SOON}


def todo_for(user, today) -> list[Todo]:
    queues_url = reverse("applications:queues")
    entries = []
    counts = queues_for(user, today).counts()
    for key in ("overdue", "due_soon", "needs_closing", "clock_errors"):
        entries.append(
            Todo(
                AREA, QUEUE_LABELS[key], counts[key], f"{queues_url}#{key}", URGENCY.get(key, Urgency.NORMAL)
            )
        )
    for key, letters in letters_to_sign(user).items():
        entries.append(Todo(AREA, LETTER_QUEUE_LABELS[key], len(letters), f"{queues_url}#{key}"))
    return entries
