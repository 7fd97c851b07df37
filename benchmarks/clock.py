"""The statutory clock: cases per second computing each case's state and due dates from its stored
events (gongkai.applications.clock.clock_state, the code every list and reminder uses), against a loop
over the same events doing only the date arithmetic of a 20-day period. Events are read once, before
timing; both sides walk the same Python objects.
"""

import random
import time
from datetime import date, timedelta

from django.db.models import Prefetch

from gongkai.applications.clock import clock_state
from gongkai.applications.models import Application, ApplicationEvent

AS_OF = date(2026, 6, 30)


def bare(application) -> date:
    """The received date plus 28 days, moved by every event after it: date arithmetic and nothing else."""
    events = sorted(application.events.all(), key=lambda e: (e.date, e.pk))
    due = events[0].date + timedelta(days=28)
    for event in events[1:]:
        if event.date > due:
            due = event.date
    return due


def run(context) -> list[dict]:
    rng = random.Random(context.seed)
    last = Application.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    count = min(20_000, last)
    start = rng.randrange(max(1, last - count + 1))
    cases = list(
        Application.objects.filter(pk__gt=start, pk__lte=start + count)
        .only("pk", "received_on")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=ApplicationEvent.objects.only(
                    "pk", "application_id", "type", "date", "data", "voided_at"
                ),
            )
        )
    )
    rates = {}
    for name, fn in (("ours", lambda a: clock_state(a, as_of=AS_OF)), ("bare", bare)):
        t0 = time.perf_counter()
        for application in cases:
            fn(application)
        rates[name] = len(cases) / (time.perf_counter() - t0)
    return [
        {
            "name": f"期限计算（{len(cases):,} 件）",
            "ours_rate": rates["ours"],
            "bare_rate": rates["bare"],
            "unit": "件/秒",
        }
    ]
