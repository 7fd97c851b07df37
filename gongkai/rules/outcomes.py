"""How an application ends: outcomes, their legal basis and letter, and where they count in the report.

An outcome is one leaf row of §三 “三、本年度办理结果” of the 2021 format (keys of docs/report-format.md §4), bound to
its articles of the 条例 (docs/law.md §6 — a mapping inferred, not published) and to the kind of letter that answers it.
Exactly one outcome per decided application: a 区分处理 (Art. 37) answer is `partially_granted` only, whatever
reasons the withheld parts had (rule A4). The 2019 format has one （六）其他处理 row where 2021 has three.

Row labels are never repeated here: they are read from the format declarations in gongkai.formats.

Also: the applicant types (the §三 columns), and two proposals the law asks agencies to consider —
Art. 36(6) repeat requests and Art. 44 information many applicants ask for. Both only propose; a person
decides.

Public API:
    Outcome (StrEnum), OUTCOMES: dict[Outcome, OutcomeSpec]
    report_row(outcome, version) -> str           row key in that format
    report_row_for_year(outcome, year) -> str
    row_label(outcome, version) -> str            the official label of that row
    outcome_groups() -> [(OutcomeGroup, [Outcome])]   the outcomes under their group （一）–（六）
    reason_text(outcome) -> str                   the label without its number, for letters
    ApplicantType (StrEnum), APPLICANT_TYPE_CHOICES
    RequestRecord, information_key(text, document_number=None)
    find_repeats(new, history) -> list[RequestRecord]
    find_shared_requests(records, min_applicants=2) -> list[SharedRequest]
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from gongkai.formats import format_for_year, get_format
from gongkai.formats.declaration import OutcomeGroup
from gongkai.rules.document_number import normalise_document_number


class Outcome(StrEnum):
    GRANTED = "granted"
    PARTIALLY_GRANTED = "partially_granted"
    DENIED_STATE_SECRET = "denied_state_secret"
    DENIED_LAW_FORBIDDEN = "denied_law_forbidden"
    DENIED_SECURITY_STABILITY = "denied_security_stability"
    DENIED_THIRD_PARTY = "denied_third_party"
    DENIED_INTERNAL_AFFAIRS = "denied_internal_affairs"
    DENIED_PROCESS_INFO = "denied_process_info"
    DENIED_ENFORCEMENT_FILE = "denied_enforcement_file"
    DENIED_ADMIN_QUERY = "denied_admin_query"
    UNABLE_NOT_HELD = "unable_not_held"
    UNABLE_NEEDS_CREATION = "unable_needs_creation"
    UNABLE_STILL_UNCLEAR = "unable_still_unclear"
    REJECTED_PETITION = "rejected_petition"
    REJECTED_REPEAT = "rejected_repeat"
    REJECTED_PUBLICATION = "rejected_publication"
    REJECTED_EXCESSIVE = "rejected_excessive"
    REJECTED_CONFIRMATION = "rejected_confirmation"
    OTHER_NO_CORRECTION = "other_no_correction"
    OTHER_UNPAID_FEE = "other_unpaid_fee"
    OTHER_MISC = "other_misc"

    @property
    def label(self) -> str:
        """The official 2021 row label, e.g. “1.属于国家秘密”."""
        return row_label(self, "2021")

    @property
    def spec(self) -> "OutcomeSpec":
        return OUTCOMES[self]


@dataclass(frozen=True)
class OutcomeSpec:
    # The legal basis as cited in a letter: 条例 articles, unless the text names another source.
    articles: tuple[str, ...]
    letter: str  # letter kind key, the template the applications app renders
    row_2019: str  # the 2019 format's row


ART_36_3 = "第三十六条第（三）项"
OTHER_2019 = "other"

OUTCOMES: dict[Outcome, OutcomeSpec] = {
    # 36(1) already published (route given) and 36(2) provided both count as 予以公开.
    Outcome.GRANTED: OutcomeSpec(
        ("第三十六条第（一）项", "第三十六条第（二）项"), "reply_granted", "granted"
    ),
    Outcome.PARTIALLY_GRANTED: OutcomeSpec(("第三十七条",), "reply_partially_granted", "partially_granted"),
    Outcome.DENIED_STATE_SECRET: OutcomeSpec(("第十四条", ART_36_3), "reply_denied", "denied_state_secret"),
    Outcome.DENIED_LAW_FORBIDDEN: OutcomeSpec(("第十四条", ART_36_3), "reply_denied", "denied_law_forbidden"),
    Outcome.DENIED_SECURITY_STABILITY: OutcomeSpec(
        ("第十四条", ART_36_3), "reply_denied", "denied_security_stability"
    ),
    Outcome.DENIED_THIRD_PARTY: OutcomeSpec(
        ("第十五条", "第三十二条", ART_36_3), "reply_denied", "denied_third_party"
    ),
    Outcome.DENIED_INTERNAL_AFFAIRS: OutcomeSpec(
        ("第十六条第一款", ART_36_3), "reply_denied", "denied_internal_affairs"
    ),
    Outcome.DENIED_PROCESS_INFO: OutcomeSpec(
        ("第十六条第二款", ART_36_3), "reply_denied", "denied_process_info"
    ),
    Outcome.DENIED_ENFORCEMENT_FILE: OutcomeSpec(
        ("第十六条第二款", ART_36_3), "reply_denied", "denied_enforcement_file"
    ),
    Outcome.DENIED_ADMIN_QUERY: OutcomeSpec(
        ("第三十六条第（七）项",), "reply_admin_query", "denied_admin_query"
    ),
    # 36(4) does not exist and 36(5) not this agency's (with the responsible agency named) share the row.
    Outcome.UNABLE_NOT_HELD: OutcomeSpec(
        ("第三十六条第（四）项", "第三十六条第（五）项"), "reply_not_held", "unable_not_held"
    ),
    Outcome.UNABLE_NEEDS_CREATION: OutcomeSpec(
        ("第三十八条",), "reply_needs_creation", "unable_needs_creation"
    ),
    Outcome.UNABLE_STILL_UNCLEAR: OutcomeSpec(("第三十条",), "reply_still_unclear", "unable_still_unclear"),
    Outcome.REJECTED_PETITION: OutcomeSpec(("第三十九条第一款",), "reply_not_processed", "rejected_petition"),
    Outcome.REJECTED_REPEAT: OutcomeSpec(("第三十六条第（六）项",), "reply_not_processed", "rejected_repeat"),
    Outcome.REJECTED_PUBLICATION: OutcomeSpec(
        ("第三十九条第二款",), "reply_not_processed", "rejected_publication"
    ),
    Outcome.REJECTED_EXCESSIVE: OutcomeSpec(("第三十五条",), "reply_not_processed", "rejected_excessive"),
    # Practice, not an article (docs/law.md §6).
    Outcome.REJECTED_CONFIRMATION: OutcomeSpec((), "reply_not_processed", "rejected_confirmation"),
    Outcome.OTHER_NO_CORRECTION: OutcomeSpec(("第三十条",), "notice_abandoned_no_correction", OTHER_2019),
    Outcome.OTHER_UNPAID_FEE: OutcomeSpec(
        ("国办函〔2020〕109号",), "notice_abandoned_unpaid_fee", OTHER_2019
    ),
    Outcome.OTHER_MISC: OutcomeSpec((), "reply_other", OTHER_2019),
}


def outcome_groups() -> list[tuple[OutcomeGroup, list[Outcome]]]:
    """The outcomes under the §三 group they count in, （一） to （六）, in the table's order (2021 format)."""
    section = get_format("2021").section3
    return [(group, [Outcome(row.key) for row in section.rows_of(group)]) for group in section.outcome_groups]


# Outcomes after which the applicant has had an answer on the substance (for Art. 36(6)): not the （六） rows.
ANSWERED_OUTCOMES = frozenset(
    o for group, members in outcome_groups() if group.key != "other" for o in members
)
# Outcomes that show the information is disclosable (for Art. 44).
DISCLOSABLE_OUTCOMES = frozenset({Outcome.GRANTED, Outcome.PARTIALLY_GRANTED})


def report_row(outcome: Outcome | str, version: str) -> str:
    """The §三 row key that counts `outcome` in the format `version` ("2019", "2021")."""
    outcome = Outcome(outcome)
    keys = {row.key for row in get_format(version).section3.outcome_rows}
    for key in (outcome.value, OUTCOMES[outcome].row_2019):
        if key in keys:
            return key
    raise KeyError(f"结果“{outcome.value}”在 {version} 年版格式中没有对应的行")


def report_row_for_year(outcome: Outcome | str, year: int) -> str:
    """The §三 row key for a report on `year` (the format that year uses)."""
    return report_row(outcome, format_for_year(year).version)


def row_label(outcome: Outcome | str, version: str) -> str:
    return get_format(version).section3.row(report_row(outcome, version)).label


def reason_text(outcome: Outcome | str) -> str:
    """The 2021 label without its numbering, e.g. “属于国家秘密”, “予以公开”, for the text of a letter."""
    return re.sub(r"^(\d+\.|（[一二三四五六七]）)", "", Outcome(outcome).label)


class ApplicantType(StrEnum):
    """The §三 applicant columns: 自然人, or the kind of 法人或其他组织."""

    NATURAL_PERSON = "natural_person"
    COMMERCIAL = "commercial"
    RESEARCH = "research"
    SOCIAL = "social"
    LEGAL_SERVICE = "legal_service"
    OTHER_ORG = "other_org"

    @property
    def label(self) -> str:
        return _column_labels()[self.value]

    @property
    def is_organisation(self) -> bool:
        return self is not ApplicantType.NATURAL_PERSON


def _column_labels() -> dict[str, str]:
    section = get_format("2021").section3
    return {c.key: c.label for c in section.applicant_columns}


APPLICANT_TYPE_CHOICES = [(t.value, t.label) for t in ApplicantType]
ORGANISATION_KIND_CHOICES = [(t.value, t.label) for t in ApplicantType if t.is_organisation]


# --- proposals: Art. 36(6) repeats and Art. 44 shared requests ------------------------------------------

_NOT_WORD = re.compile(r"[\W_]+")


def information_key(text: str, document_number: str | None = None) -> str:
    """A key under which two requests for the same information meet.

    A 文号 identifies a document best, so it wins when given and valid; otherwise the description is
    folded (full-width to half-width, case, spaces and punctuation removed), which matches re-typed
    copies of the same request but not paraphrases — a person still decides.
    """
    if document_number:
        normalised = normalise_document_number(document_number)
        if normalised:
            return f"文号:{normalised}"
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return f"内容:{_NOT_WORD.sub('', folded)}"


@dataclass(frozen=True)
class RequestRecord:
    """What the proposals need to know of one application."""

    reference: str  # the case's own id or 受理编号, handed back in proposals
    applicant_key: str  # the same for the same applicant, e.g. ID number or 统一社会信用代码
    information_key: str  # see information_key()
    received_on: date
    decided_on: date | None = None
    outcome: Outcome | None = None


def find_repeats(new: RequestRecord, history: Iterable[RequestRecord]) -> list[RequestRecord]:
    """Earlier applications of the same applicant for the same information already answered before
    `new` arrived — grounds to propose 不予处理·重复申请 (Art. 36(6)). Oldest first."""
    found = [
        r
        for r in history
        if r.reference != new.reference
        and r.applicant_key == new.applicant_key
        and r.information_key == new.information_key
        and r.decided_on is not None
        and r.decided_on <= new.received_on
        and r.outcome is not None
        and Outcome(r.outcome) in ANSWERED_OUTCOMES
    ]
    return sorted(found, key=lambda r: (r.decided_on, r.reference))


@dataclass(frozen=True)
class SharedRequest:
    """Information that several applicants asked for and that was found disclosable (Art. 44(1))."""

    information_key: str
    applicant_keys: tuple[str, ...]
    records: tuple[RequestRecord, ...]


def find_shared_requests(records: Iterable[RequestRecord], min_applicants: int = 2) -> list[SharedRequest]:
    """Information asked for by at least `min_applicants` different applicants and granted (fully or in
    part) at least once — candidates to move into 主动公开. Most-asked first."""
    by_key: dict[str, list[RequestRecord]] = defaultdict(list)
    for record in records:
        by_key[record.information_key].append(record)
    found = []
    for key, group in by_key.items():
        applicants = tuple(sorted({r.applicant_key for r in group}))
        disclosable = any(r.outcome is not None and Outcome(r.outcome) in DISCLOSABLE_OUTCOMES for r in group)
        if len(applicants) >= min_applicants and disclosable:
            found.append(SharedRequest(key, applicants, tuple(sorted(group, key=lambda r: r.received_on))))
    return sorted(found, key=lambda s: (-len(s.applicant_keys), s.information_key))
