"""Synthetic agencies, categories and items in bulk: bulk_create in batches, the search index built after.

Titles and bodies are made of real government vocabulary so that segmentation, word frequencies and
match counts look like an agency's catalogue (common words such as 通知 match a large share of items,
specific ones such as 优待证 few).
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from benchmarks.progress import Progress
from gongkai.agencies.models import Agency, AgencyKind, Level
from gongkai.disclosure.models import CatalogueCategory, Item, ItemKind, ItemStatus, Validity
from gongkai.rules.index_number import organisation_code
from gongkai.rules.uscc import uscc_check_character
from gongkai.search import backends
from gongkai.search.indexing import tokens_for
from gongkai.statistics.models import StatisticEntry, StatisticKind

ACTIONS = ["关于", "关于印发", "关于开展", "关于做好", "关于加强", "关于公布", "关于调整", "关于进一步规范"]
SUBJECTS = [
    "退役军人优待证申领",
    "行政复议案件办理",
    "政府信息公开工作",
    "城乡居民医疗保险",
    "最低生活保障",
    "特困人员救助供养",
    "安全生产大检查",
    "防汛防台工作",
    "农村集体土地征收",
    "营商环境优化",
    "双拥模范城创建",
    "烈士纪念设施保护",
    "退役士兵安置",
    "老年人福利补贴",
    "残疾人两项补贴",
    "义务教育招生",
    "职业技能培训",
    "食品安全监督抽检",
    "生态环境保护督察",
    "文明城市创建",
    "重点项目建设",
    "财政预算执行",
    "政府采购意向",
    "行政许可事项",
    "行政处罚裁量基准",
    "慈善组织登记",
    "婚姻登记服务",
    "殡葬改革",
    "社区治理",
    "养老服务设施",
]
GENRES = ["的通知", "的公告", "的实施意见", "的办法", "的工作方案", "的通报", "的决定", "情况的报告"]
SENTENCES = [
    "根据有关法律法规和上级部署，结合本地实际，制定本方案。",
    "各单位要高度重视，加强组织领导，明确责任分工，确保各项工作落到实处。",
    "申请人对答复不服的，可以依法申请行政复议或者提起行政诉讼。",
    "本办法自发布之日起施行，有效期五年。",
    "请各乡镇人民政府、街道办事处于规定时间前报送工作进展情况。",
    "对工作中发现的问题，要及时整改，建立长效机制。",
    "符合条件的退役军人可持身份证件到服务站申领优待证。",
    "资金由市财政统筹安排，专款专用，接受审计监督。",
    "进一步优化办事流程，压缩办理时限，提升群众满意度。",
    "加强政策解读和宣传引导，及时回应社会关切。",
]
DEPARTMENT_WORDS = ["退役军人", "民政", "财政", "教育", "卫生健康", "生态环境", "应急管理", "市场监管"]
CATEGORY_NAMES = [
    ("jgzn", "机构职能"),
    ("zcwj", "政策文件"),
    ("zcjd", "政策解读"),
    ("tzgg", "通知公告"),
    ("ghjh", "规划计划"),
    ("czzj", "财政资金"),
    ("rsxx", "人事信息"),
    ("xzzf", "行政执法"),
    ("jytz", "建议提案办理"),
    ("ndbg", "政府信息公开年报"),
]


def uscc(n: int) -> str:
    first17 = f"11330382{n:09d}"
    return first17 + uscc_check_character(first17)


def make_agencies(count: int) -> list[Agency]:
    agencies = [
        Agency(
            name=f"基准测试{DEPARTMENT_WORDS[n % len(DEPARTMENT_WORDS)]}局{n}",
            code=f"bench{n}",
            uscc=uscc(900000 + n),
            level=Level.COUNTY,
            kind=AgencyKind.DEPARTMENT,
        )
        for n in range(count)
    ]
    Agency.objects.bulk_create(agencies, batch_size=1000)
    return list(Agency.objects.filter(code__startswith="bench").order_by("pk"))


def make_categories(agencies) -> dict[int, list[int]]:
    CatalogueCategory.objects.bulk_create(
        [
            CatalogueCategory(agency=agency, code=code, name=name, position=i)
            for agency in agencies
            for i, (code, name) in enumerate(CATEGORY_NAMES)
        ],
        batch_size=5000,
    )
    by_agency: dict[int, list[int]] = {}
    for agency_id, pk in CatalogueCategory.objects.values_list("agency_id", "pk"):
        by_agency.setdefault(agency_id, []).append(pk)
    return by_agency


def suspend_index(vendor: str) -> None:
    with connection.schema_editor() as editor:
        backends.drop_search_index(editor, Item)


def build_index(vendor: str) -> None:
    with connection.schema_editor() as editor:
        backends.create_search_index(editor, Item)  # SQLite: recreates triggers and rebuilds FTS5


def make_statistics(agencies, rng) -> None:
    """Quarterly decision and fee entries for every agency, 2019–2025 (§二 of the 2021 format)."""
    kinds = [
        StatisticKind.LICENSING_DECISIONS,
        StatisticKind.PENALTY_DECISIONS,
        StatisticKind.COERCION_DECISIONS,
        StatisticKind.FEES_AMOUNT,
    ]
    rows = [
        StatisticEntry(
            agency_id=agency.pk,
            kind=kind,
            period_start=datetime.date(year, month, 1),
            period_end=datetime.date(year, month + 2, 28),
            value=rng.randrange(0, 500),
            source="基准数据",
        )
        for agency in agencies
        for year in range(2019, 2026)
        for month in (1, 4, 7, 10)
        for kind in kinds
    ]
    StatisticEntry.objects.bulk_create(rows, batch_size=5000)


def generate(items: int, agency_count: int, seed: int = 2026, batch: int = 5000) -> dict:
    rng = random.Random(seed)
    vendor = connection.vendor
    drafter = get_user_model().objects.create_user(username="bench", password=None)
    agencies = make_agencies(agency_count)
    categories = make_categories(agencies)
    sequences = {}
    start = timezone.make_aware(datetime.datetime(2019, 1, 1, 9))
    span_minutes = 7 * 365 * 24 * 60

    suspend_index(vendor)
    progress = Progress(items, "生成政府信息")
    made = 0
    while made < items:
        rows = []
        for _ in range(min(batch, items - made)):
            agency = agencies[rng.randrange(len(agencies))]
            roll = rng.random()
            status = (
                ItemStatus.PUBLISHED
                if roll < 0.9
                else ItemStatus.DRAFT
                if roll < 0.95
                else ItemStatus.WITHDRAWN
            )
            subject = rng.choice(SUBJECTS)
            published_at = start + datetime.timedelta(minutes=rng.randrange(span_minutes))
            item = Item(
                agency_id=agency.pk,
                category_id=rng.choice(categories[agency.pk]),
                title=f"{rng.choice(ACTIONS)}{subject}{rng.choice(GENRES)}",
                keywords=subject,
                summary=rng.choice(SENTENCES),
                body="".join(f"<p>{s}</p>" for s in rng.sample(SENTENCES, 4)),
                formed_on=published_at.date(),
                publisher=agency.name,
                drafter_id=drafter.pk,
                status=status,
            )
            # A few regulations and normative documents, some later repealed, so §二 has work to do.
            kind_roll = rng.random()
            if kind_roll < 0.06:
                item.kind = ItemKind.REGULATION if kind_roll < 0.01 else ItemKind.NORMATIVE
                if rng.random() < 0.2:
                    item.validity = Validity.REPEALED
                    item.invalid_from = published_at.date() + datetime.timedelta(days=rng.randrange(30, 900))
            if status != ItemStatus.DRAFT:
                year = published_at.year
                seq = sequences[(agency.pk, year)] = sequences.get((agency.pk, year), 0) + 1
                item.published_at = published_at
                item.index_year, item.index_seq = year, seq
                item.index_number = f"{organisation_code(agency.uscc)}/{year}-{seq:05d}"
                if rng.random() < 0.3:
                    item.document_number = f"乐{DEPARTMENT_WORDS[agency.pk % 8]}〔{year}〕{seq}号"
            item.search_tokens = tokens_for(item)
            rows.append(item)
        with transaction.atomic():
            Item.objects.bulk_create(rows, batch_size=batch)
        made += len(rows)
        progress.advance(len(rows))
    load_seconds = progress.finish()
    make_statistics(agencies, rng)

    import time

    t0 = time.perf_counter()
    build_index(vendor)
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # every table: stale agency statistics mislead the join planning
    index_seconds = time.perf_counter() - t0
    return {"load_seconds": load_seconds, "index_seconds": index_seconds}
