"""The 主动公开 card of the 工作台 home: what waits for the person, late items and stale categories."""

from gongkai.agencies.access import agencies_visible_to, roles_of
from gongkai.disclosure import workflow
from gongkai.disclosure.access import documents_visible_to, items_visible_to
from gongkai.disclosure.models import ItemStatus
from gongkai.disclosure.register import pending_documents
from gongkai.disclosure.timeliness import late_items, stale_categories


def home_summary(user, today=None) -> dict:
    items = items_visible_to(user)
    to_review = [
        item
        for item in items.filter(status__in=list(workflow.REVIEW_BY_STATUS)).select_related("agency")
        if workflow.can_review(item, user)
    ]
    own_agencies = [a for a in agencies_visible_to(user).order_by("name") if roles_of(user, a)]
    stale = [row for agency in own_agencies for row in stale_categories(agency, today)]
    pending = pending_documents(documents_visible_to(user), today)
    return {
        "to_review": to_review,
        "my_drafts": items.filter(drafter=user, status=ItemStatus.DRAFT).count(),
        "late": late_items(items)[:10],
        "stale": stale[:20],
        "stale_count": len(stale),
        "overdue_documents": [p for p in pending if p.overdue],
        "pending_documents": len(pending),
    }
