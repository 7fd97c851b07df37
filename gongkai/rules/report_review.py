"""What may happen next to an annual report, and what blocks its publication.

An office drafts the report, checks it, submits it to its leader (提请审定), who approves it (审定) or
returns it with an opinion (退回); then it is published, in the background. Once published, the only step
left is a correction: a new version with its reason, after the year is unlocked.

    next_steps(status, *, locked) -> frozenset[str]
    required_sections(*, fees_charged, fees_in_section6) -> tuple[str, ...]
    publishes_early(year, today) -> bool      publishing on or before 31 December of the report's year
    under_read(read, total, share=UNDER_READ_SHARE) -> bool

The statuses are the values of gongkai.reports.models.ReportStatus; this module only knows their names.
"""

from datetime import date

DRAFT = "draft"
CHECKED = "checked"
SUBMITTED = "submitted"
APPROVED = "approved"
PUBLISHING = "publishing"
PUBLISHED = "published"

# An imported report of which fewer than this share of its cells was read is not published unconfirmed.
UNDER_READ_SHARE = 0.5


def next_steps(status: str, *, locked: bool) -> frozenset[str]:
    """The steps offered on a report in `status`: edit, redraft, check, submit, approve, return, publish,
    correct (start a correction: unlock the year)."""
    if status == PUBLISHING:
        return frozenset()
    if status == PUBLISHED or locked:
        # Published and locked: nothing may change the text or the figures; a correction starts with the
        # unlock of the year, with its reason.
        return frozenset({"correct"}) if locked else frozenset({"edit", "check", "redraft"})
    steps = {"edit", "check", "redraft"}
    if status == CHECKED:
        steps.add("submit")
    elif status == SUBMITTED:
        # With the leader: nothing changes it until it is approved or returned.
        return frozenset({"approve", "return"})
    elif status == APPROVED:
        steps.add("publish")
    return frozenset(steps)


def required_sections(*, fees_charged: bool, fees_in_section6: bool) -> tuple[str, ...]:
    """Text sections a report may not be published without: 一 (the overview) and 五 (problems and
    improvements) always; 六 when fees were charged, or when the format asks §六 to state them."""
    return ("一", "五", "六") if fees_charged or fees_in_section6 else ("一", "五")


def publishes_early(year: int, today: date) -> bool:
    """The year is not over: its records may still change, and publishing locks them."""
    return today <= date(year, 12, 31)


def under_read(read: int, total: int, share: float = UNDER_READ_SHARE) -> bool:
    """Fewer than `share` of the cells were read (none read counts as under-read)."""
    return total <= 0 or read <= 0 or read < share * total
