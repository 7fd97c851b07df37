"""A synthetic province: agencies in a tree, five years of items, 依申请公开 cases with their events, appeals.

    generate_province(scale, seed) -> dict of row counts and seconds per phase

Shape: 省人民政府 and its 厅 → 市人民政府 and their 局 → 区人民政府, their 局 and 街道办事处. Rows go straight
into the tables (benchmarks.bulk: COPY on PostgreSQL), with explicit ids so events can name their case
without reading anything back. Every case's events are written in the order the clock accepts (补正 first,
then 征求意见, 延期, 收费, then the decision and its delivery), cut at the end of the last year, so the
cases still open then stay open. The search index is built once, after the items.
"""

import hashlib
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock_time

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from benchmarks.bulk import Table, reset_sequences
from benchmarks.generate import (
    ACTIONS,
    CATEGORY_NAMES,
    DEPARTMENT_WORDS,
    GENRES,
    SENTENCES,
    SUBJECTS,
    build_index,
    suspend_index,
    uscc,
)
from benchmarks.progress import Progress
from gongkai.agencies.models import Agency, AgencyKind, Level
from gongkai.appeals.models import Appeal, AppealKind, AppealResult
from gongkai.applications import crypto
from gongkai.applications.models import Application, ApplicationEvent
from gongkai.applications.numbers import format_reference
from gongkai.disclosure.models import CatalogueCategory, Item, ItemEvent, ItemKind, ItemStatus, Validity
from gongkai.rules.channels import Channel
from gongkai.rules.clock import EventType
from gongkai.rules.fees import per_page_fee
from gongkai.rules.index_number import organisation_code
from gongkai.rules.outcomes import ApplicantType, Outcome
from gongkai.search import outbox
from gongkai.search.segment import html_to_text, segment
from gongkai.statistics.models import StatisticEntry, StatisticKind

FIRST_YEAR = 2021
BATCH = 20_000


@dataclass(frozen=True)
class Scale:
    agencies: int
    items: int
    applications: int
    years: int = 5
    cities: int = 11
    districts_per_city: int = 8
    province_departments: int = 39
    city_departments: int = 29
    district_departments: int = 24
    townships_per_district: int = 5


SCALES = {
    "province": Scale(agencies=3_000, items=5_000_000, applications=1_000_000),
    "small": Scale(
        agencies=89,
        items=100_000,
        applications=20_000,
        cities=2,
        districts_per_city=3,
        province_departments=10,
        city_departments=8,
        district_departments=6,
        townships_per_district=3,
    ),  # fmt: skip
    "tiny": Scale(
        agencies=12,
        items=400,
        applications=300,
        years=2,
        cities=1,
        districts_per_city=2,
        province_departments=2,
        city_departments=2,
        district_departments=1,
        townships_per_district=1,
    ),  # fmt: skip
}

DEPARTMENTS = DEPARTMENT_WORDS + ["人力资源和社会保障", "自然资源", "住房和城乡建设", "交通运输", "水利", "农业农村",
                                  "商务", "文化和旅游", "审计", "统计", "医疗保障", "司法", "公安", "林业"]  # fmt: skip
APPLICANT_WEIGHTS = {
    ApplicantType.NATURAL_PERSON: 70,
    ApplicantType.COMMERCIAL: 12,
    ApplicantType.RESEARCH: 2,
    ApplicantType.SOCIAL: 3,
    ApplicantType.LEGAL_SERVICE: 8,
    ApplicantType.OTHER_ORG: 5,
}
# Decided on the merits: most granted, the rest across every row of the format.
MERIT_OUTCOMES = [o for o in Outcome if o not in (Outcome.OTHER_NO_CORRECTION, Outcome.OTHER_UNPAID_FEE)]
MERIT_WEIGHTS = [
    40 if o is Outcome.GRANTED else 12 if o is Outcome.PARTIALLY_GRANTED else 2 for o in MERIT_OUTCOMES
]
NAMES = ["张伟", "王芳", "李娜", "刘强", "陈静", "杨洋", "赵敏", "黄磊"]


@dataclass
class AgencySpec:
    pk: int
    parent: int | None
    name: str
    level: str
    kind: str
    weight: int  # how busy: a province department publishes and receives more than a township


def agency_tree(scale: Scale) -> list[AgencySpec]:
    """The province's agencies, parents before children, cut at `scale.agencies`."""
    specs: list[AgencySpec] = []

    def add(parent, name, level, kind, weight) -> int:
        specs.append(AgencySpec(len(specs) + 1, parent, name, level, kind, weight))
        return len(specs)

    def departments(parent, prefix, count, suffix, level, weight):
        for n in range(count):
            word = DEPARTMENTS[n % len(DEPARTMENTS)]
            extra = "" if n < len(DEPARTMENTS) else str(n // len(DEPARTMENTS) + 1)
            add(parent, f"{prefix}{word}{suffix}{extra}", level, AgencyKind.DEPARTMENT, weight)

    gov = AgencyKind.GOVERNMENT
    province = add(None, "基准省人民政府", Level.PROVINCE, gov, 6)
    departments(province, "基准省", scale.province_departments, "厅", Level.PROVINCE, 4)
    for c in range(1, scale.cities + 1):
        city_name = f"基准省第{c}市"
        city = add(province, f"{city_name}人民政府", Level.CITY, gov, 4)
        departments(city, city_name, scale.city_departments, "局", Level.CITY, 2)
        for d in range(1, scale.districts_per_city + 1):
            district_name = f"{city_name}第{d}区"
            district = add(city, f"{district_name}人民政府", Level.COUNTY, gov, 2)
            departments(district, district_name, scale.district_departments, "局", Level.COUNTY, 1)
            for t in range(1, scale.townships_per_district + 1):
                add(district, f"{district_name}第{t}街道办事处", Level.TOWNSHIP, gov, 1)
    return specs[: scale.agencies]


def agency_code(pk: int) -> str:
    return f"sheng{pk}"


def write_agencies(specs: list[AgencySpec]) -> None:
    table = Table(
        Agency,
        ["id", "parent_id", "name", "code", "uscc", "level", "kind", "disclosure_office"],
        with_pk=True,
    )
    table.write(
        {
            "id": s.pk,
            "parent_id": s.parent,
            "name": s.name,
            "code": agency_code(s.pk),
            "uscc": uscc(500000 + s.pk),
            "level": s.level,
            "kind": s.kind,
            "disclosure_office": "办公室",
        }
        for s in specs
    )


def category_id(agency_pk: int, position: int) -> int:
    return (agency_pk - 1) * len(CATEGORY_NAMES) + position + 1


def write_categories(specs) -> None:
    table = Table(CatalogueCategory, ["id", "agency_id", "code", "name", "position"], with_pk=True)
    table.write(
        {"id": category_id(s.pk, i), "agency_id": s.pk, "code": code, "name": name, "position": i}
        for s in specs
        for i, (code, name) in enumerate(CATEGORY_NAMES)
    )


class Tokens:
    """Item.search_tokens without segmenting the same sentence a million times.

    item_text joins the searched fields with newlines and jieba never joins words across one, so the
    tokens of the whole are the tokens of each part in order; the parts repeat, so each is segmented once.
    (tests/benchmarks checks this against tokens_for.)
    """

    def __init__(self):
        self.cache: dict[str, str] = {}

    def part(self, text: str) -> str:
        tokens = self.cache.get(text)
        if tokens is None:
            tokens = self.cache[text] = segment(text)
        return tokens

    def of(self, title, document_number, index_number, keywords, summary, body) -> str:
        parts = [
            self.part(title),
            segment(document_number) if document_number else "",
            segment(index_number) if index_number else "",
            self.part(keywords),
            self.part(summary),
            self.part(html_to_text(body)),
        ]
        return " ".join(p for p in parts if p)


def _weighted(specs) -> list[int]:
    cumulative, total = [], 0
    for s in specs:
        total += s.weight
        cumulative.append(total)
    return cumulative


def write_items(specs, scale: Scale, rng: random.Random, drafter_id: int) -> tuple[float, int]:
    """The items and, for the withdrawn ones, their 撤回 event. Returns (seconds, items withdrawn)."""
    columns = ["id", "agency_id", "category_id", "title", "keywords", "summary", "body", "formed_on", "publisher",
               "drafter_id", "status", "kind", "validity", "invalid_from", "published_at", "index_year",
               "index_seq", "index_number", "document_number", "search_tokens"]  # fmt: skip
    items = Table(Item, columns, with_pk=True)
    events = Table(ItemEvent, ["item_id", "action", "actor_id", "at", "from_status", "to_status", "reason"])
    cumulative = _weighted(specs)
    org_codes = {s.pk: organisation_code(uscc(500000 + s.pk)) for s in specs}
    tokens = Tokens()
    start = timezone.make_aware(datetime(FIRST_YEAR, 1, 1, 9))
    span_minutes = scale.years * 365 * 24 * 60
    sequences: dict[tuple[int, int], int] = {}
    bodies = ["".join(f"<p>{s}</p>" for s in rng.sample(SENTENCES, 4)) for _ in range(40)]
    progress = Progress(scale.items, "生成政府信息")
    withdrawn_count = 0
    pk = 0
    while pk < scale.items:
        rows, withdrawals = [], []
        for _ in range(min(BATCH, scale.items - pk)):
            pk += 1
            spec = specs[rng.choices(range(len(specs)), cum_weights=cumulative)[0]]
            roll = rng.random()
            status = (
                ItemStatus.PUBLISHED
                if roll < 0.9
                else ItemStatus.DRAFT
                if roll < 0.95
                else ItemStatus.WITHDRAWN
            )
            subject = rng.choice(SUBJECTS)
            published_at = start + timedelta(minutes=rng.randrange(span_minutes))
            title = f"{rng.choice(ACTIONS)}{subject}{rng.choice(GENRES)}"
            summary, body = rng.choice(SENTENCES), rng.choice(bodies)
            row = {
                "id": pk,
                "agency_id": spec.pk,
                "category_id": category_id(spec.pk, rng.randrange(len(CATEGORY_NAMES))),
                "title": title,
                "keywords": subject,
                "summary": summary,
                "body": body,
                "formed_on": published_at.date(),
                "publisher": spec.name,
                "drafter_id": drafter_id,
                "status": status,
                "kind": ItemKind.GENERAL,
                "validity": Validity.VALID,
                "invalid_from": None,
                "published_at": None,
                "index_year": None,
                "index_seq": None,
                "index_number": None,
                "document_number": "",
            }
            # Some regulations and normative documents, a fifth of them later repealed: §二 has work to do.
            kind_roll = rng.random()
            if kind_roll < 0.06:
                row["kind"] = ItemKind.REGULATION if kind_roll < 0.01 else ItemKind.NORMATIVE
                if rng.random() < 0.2:
                    row["validity"] = Validity.REPEALED
                    row["invalid_from"] = published_at.date() + timedelta(days=rng.randrange(30, 900))
            if status != ItemStatus.DRAFT:
                year = published_at.year
                seq = sequences[(spec.pk, year)] = sequences.get((spec.pk, year), 0) + 1
                row.update(published_at=published_at, index_year=year, index_seq=seq)
                row["index_number"] = f"{org_codes[spec.pk]}/{year}-{seq:05d}"
                if rng.random() < 0.3:
                    row["document_number"] = (
                        f"基{DEPARTMENTS[spec.pk % len(DEPARTMENTS)][:2]}〔{year}〕{seq}号"
                    )
            if status == ItemStatus.WITHDRAWN:
                withdrawals.append(
                    {
                        "item_id": pk,
                        "action": "withdraw",
                        "actor_id": drafter_id,
                        "at": published_at + timedelta(days=rng.randrange(1, 200)),
                        "from_status": ItemStatus.PUBLISHED,
                        "to_status": ItemStatus.WITHDRAWN,
                        "reason": "内容已过时",
                    }
                )
            row["search_tokens"] = tokens.of(
                title, row["document_number"], row["index_number"], subject, summary, body
            )
            rows.append(row)
        with transaction.atomic():
            items.write(rows)
            events.write(withdrawals)
        withdrawn_count += len(withdrawals)
        progress.advance(len(rows))
    return progress.finish(), withdrawn_count


class CaseWriter:
    """One application's row and its events, in the order the clock accepts them."""

    def __init__(self, rng: random.Random, last_day: date):
        self.rng, self.last_day = rng, last_day
        self.event_pk = 0
        self.appeal_rows: list[dict] = []
        self.names = [crypto.encrypt(name) for name in NAMES]  # Fernet tokens decrypt whatever row holds them
        self.digests = {s: hashlib.sha256(f"{s}相关信息".encode()).hexdigest() for s in SUBJECTS}
        self.applicant_types = list(APPLICANT_WEIGHTS)
        self.applicant_weights = list(APPLICANT_WEIGHTS.values())

    def events(self, pk: int, received: date) -> list[tuple[str, date, dict]]:
        rng = self.rng
        out = [(EventType.RECEIVED, received, {})]
        start = received
        if rng.random() < 0.08:
            deadline = received + timedelta(days=17)
            out.append((EventType.CORRECTION_REQUESTED, received + timedelta(days=2),
                        {"correction_deadline": deadline.isoformat()}))  # fmt: skip
            if rng.random() < 0.15:  # never corrected: closed as 申请人无正当理由逾期不补正
                out.append(
                    (
                        EventType.DECIDED,
                        deadline + timedelta(days=1),
                        {"outcome": Outcome.OTHER_NO_CORRECTION},
                    )
                )
                return out
            start = received + timedelta(days=9)
            out.append((EventType.CORRECTION_RECEIVED, start, {}))
        if rng.random() < 0.03:
            out.append((EventType.WITHDRAWN, start + timedelta(days=rng.randrange(1, 10)), {}))
            return out
        day = start
        if rng.random() < 0.06:
            party = rng.choice(["third_party", "agency"])
            out.append((EventType.CONSULTATION_SENT, start + timedelta(days=3), {"party": party}))
            day = start + timedelta(days=3)
            if rng.random() < 0.9:
                day = start + timedelta(days=10)
                out.append((EventType.CONSULTATION_ANSWERED, day, {"party": party}))
        if rng.random() < 0.05:
            # Within 12 calendar days of the start: always before a 20-working-day period ends.
            day = start + timedelta(days=12)
            out.append((EventType.EXTENSION_APPROVED, day, {"workdays": rng.choice([10, 15, 20])}))
        if rng.random() < 0.03:
            pages = rng.randrange(150, 2000)
            fee = {"fee_method": "per_page", "amount": per_page_fee(pages), "pages": pages}
            day = start + timedelta(days=14)
            out.append((EventType.FEE_NOTICE_RECEIVED, day, fee))
            if rng.random() < 0.2:  # 45 calendar days is past any 20-working-day payment period
                out.append(
                    (EventType.DECIDED, day + timedelta(days=45), {"outcome": Outcome.OTHER_UNPAID_FEE})
                )
                return out
            day = day + timedelta(days=4)
            out.append((EventType.FEE_PAID, day, {"amount": fee["amount"], "fee_method": "per_page"}))
        decided = max(day, start) + timedelta(days=rng.randrange(3, 30))
        outcome = rng.choices(MERIT_OUTCOMES, weights=MERIT_WEIGHTS)[0]
        out.append((EventType.DECIDED, decided, {"outcome": outcome}))
        out.append((EventType.DELIVERED, decided + timedelta(days=rng.randrange(0, 4)),
                    {"method": rng.choice(["direct", "post"])}))  # fmt: skip
        return out

    def appeal(self, agency_pk: int, application_pk: int, decided_on: date) -> None:
        rng = self.rng
        filed = decided_on + timedelta(days=rng.randrange(20, 60))
        if filed > self.last_day:
            return
        closed = filed + timedelta(days=rng.randrange(40, 200))
        row = {
            "agency_id": agency_pk,
            "application_id": application_pk,
            "kind": rng.choice(list(AppealKind)),
            "body": "基准省人民政府",
            "filed_on": filed,
            "closed_on": None,
            "result": AppealResult.PENDING,
        }
        if closed <= self.last_day and rng.random() < 0.85:
            row.update(
                closed_on=closed,
                result=rng.choice([AppealResult.UPHELD, AppealResult.CORRECTED, AppealResult.OTHER]),
            )
        self.appeal_rows.append(row)


def write_applications(specs, scale: Scale, rng: random.Random) -> tuple[float, int]:
    """The cases, their events and appeals. Returns (seconds, events written)."""
    applications = Table(Application, ["id", "agency_id", "reference", "year", "sequence", "channel", "arrived_at",
                                       "received_on", "applicant_type", "applicant_name", "request_description",
                                       "carriers", "routes", "applicant_key", "information_digest"], with_pk=True)  # fmt: skip
    events = Table(ApplicationEvent, ["id", "application_id", "type", "date", "data"], with_pk=True)
    appeals = Table(
        Appeal, ["agency_id", "application_id", "kind", "body", "filed_on", "closed_on", "result"]
    )
    first_day = date(FIRST_YEAR, 1, 1)
    last_day = date(FIRST_YEAR + scale.years - 1, 12, 31)
    span = (last_day - first_day).days + 1
    cumulative = _weighted(specs)
    channels = list(Channel)
    writer = CaseWriter(rng, last_day)
    sequences: dict[tuple[int, int], int] = {}
    progress = Progress(scale.applications, "生成依申请公开案件")
    event_count = pk = 0
    while pk < scale.applications:
        case_rows, event_rows = [], []
        writer.appeal_rows = []
        for _ in range(min(BATCH, scale.applications - pk)):
            pk += 1
            spec = specs[rng.choices(range(len(specs)), cum_weights=cumulative)[0]]
            received = first_day + timedelta(days=rng.randrange(span))
            year = received.year
            seq = sequences[(spec.pk, year)] = sequences.get((spec.pk, year), 0) + 1
            subject = rng.choice(SUBJECTS)
            case_rows.append(
                {
                    "id": pk,
                    "agency_id": spec.pk,
                    "reference": format_reference(agency_code(spec.pk), year, seq),
                    "year": year,
                    "sequence": seq,
                    "channel": rng.choice(channels),
                    "arrived_at": timezone.make_aware(datetime.combine(received, clock_time(10))),
                    "received_on": received,
                    "applicant_type": rng.choices(writer.applicant_types, weights=writer.applicant_weights)[
                        0
                    ],
                    "applicant_name": rng.choice(writer.names),
                    "request_description": f"{subject}相关信息",
                    "carriers": ["paper"],
                    "routes": ["post"],
                    "applicant_key": f"np:bench{rng.randrange(pk * 2)}",
                    "information_digest": writer.digests[subject],
                }
            )
            for type_, day, data in writer.events(pk, received):
                if day > last_day:
                    break  # still under way at the end of the last year
                event_count += 1
                event_rows.append(
                    {"id": event_count, "application_id": pk, "type": type_, "date": day, "data": data}
                )
                if type_ == EventType.DECIDED and rng.random() < 0.02:
                    writer.appeal(spec.pk, pk, day)
        with transaction.atomic():
            applications.write(case_rows)
            events.write(event_rows)
            appeals.write(writer.appeal_rows)
        progress.advance(len(case_rows))
    return progress.finish(), event_count


def write_statistics(specs, scale: Scale, rng: random.Random) -> None:
    """Quarterly 第二十条 entries (decisions and fees) for every agency and year."""
    kinds = [StatisticKind.LICENSING_DECISIONS, StatisticKind.PENALTY_DECISIONS,
             StatisticKind.COERCION_DECISIONS, StatisticKind.FEES_AMOUNT]  # fmt: skip
    table = Table(StatisticEntry, ["agency_id", "kind", "period_start", "period_end", "value", "source"])
    quarters = [
        (date(y, m, 1), date(y, m + 2, 28))
        for y in range(FIRST_YEAR, FIRST_YEAR + scale.years)
        for m in (1, 4, 7, 10)
    ]
    table.write(
        {
            "agency_id": s.pk,
            "kind": kind,
            "period_start": a,
            "period_end": b,
            "value": rng.randrange(0, 500),
            "source": "基准数据",
        }  # fmt: skip
        for s in specs
        for a, b in quarters
        for kind in kinds
    )


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def build_search_engine() -> float:
    """gongkai's own index of the items (what `gongkai search rebuild` does), as a deployment would build it."""
    t0 = time.perf_counter()
    bars: list[Progress] = []

    def progress(done: int, total: int) -> None:
        if not bars:
            bars.append(Progress(total, "建立检索索引"))
        bars[0].advance(done - bars[0].done)

    count = outbox.rebuild(progress=progress)
    if bars:
        bars[0].finish()
    seconds = time.perf_counter() - t0
    say(f"检索索引（tantivy，{count:,} 条公开信息）用时 {seconds:.1f}s")
    return seconds


def generate_province(scale: Scale, seed: int = 2026) -> dict:
    rng = random.Random(seed)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    drafter = get_user_model().objects.create_user(username="bench", password=None)
    specs = agency_tree(scale)
    with transaction.atomic():
        write_agencies(specs)
        write_categories(specs)
        write_statistics(specs, scale, rng)
    timings["agencies"] = time.perf_counter() - t0
    say(
        f"机关 {len(specs):,} 个、目录 {len(specs) * len(CATEGORY_NAMES):,} 个、统计 用时 {timings['agencies']:.1f}s"
    )

    suspend_index(connection.vendor)
    timings["items"], withdrawn = write_items(specs, scale, rng, drafter.pk)
    t0 = time.perf_counter()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The GIN index over millions of rows is built far faster with room to sort in memory.
            cursor.execute("SET maintenance_work_mem TO '1GB'")
    build_index(connection.vendor)
    timings["search_index"] = time.perf_counter() - t0
    say(f"全文索引 用时 {timings['search_index']:.1f}s")
    timings["search_engine"] = build_search_engine()

    timings["applications"], event_count = write_applications(specs, scale, rng)
    t0 = time.perf_counter()
    reset_sequences(Agency, CatalogueCategory, Item, Application, ApplicationEvent)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, or the planner guesses at empty tables
    timings["analyze"] = time.perf_counter() - t0
    return {
        "agencies": len(specs),
        "items": scale.items,
        "withdrawn_items": withdrawn,
        "applications": scale.applications,
        "events": event_count,
        "appeals": Appeal.objects.count(),
        "seconds": timings,
    }
