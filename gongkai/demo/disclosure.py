"""Demo 主动公开 records and Art. 20 statistics: the seed agency's 2020 as records, and other agencies' years.

The seed agency (乐清市退役军人事务局), 2020, as its published report states (its tables are kept in
tests/data/seed_2020_cells.json): 50 公文 (28 主动公开, each a published item; 22 不公开), 14 other items
(机构设置 5, 公示公告 6, 人事任免 3), a catalogue of 8 大类 and 18 小类, 71 其他对外管理服务事项 at the end of
2019 and 76 at the end of 2020 with 9016 decisions in 2020, nothing for 行政许可/行政处罚/行政强制, and the
outreach it lists as distribution records. Computing the 2020
report from these gives the seed's §二 table and its §一 公文 figures.

The 公文 titles, 文号 (乐退役军人〔2020〕N号 …), dates, 小类 names, matter names and monthly decision counts are
invented demo values; only the totals come from the seed. The other agencies get a small catalogue and a
few dozen published items a year from 2021 to 2026, with varied titles so that search has something to find.

load_demo_disclosure(agencies, drafters) only creates what is missing, keyed by natural keys (category code,
文号, item title and date, matter name and date, entry period and source): running it again changes nothing.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from gongkai.agencies.models import Membership, Role
from gongkai.demo.agencies import SEED
from gongkai.demo.attachments import attach_policy_files, measures_name
from gongkai.disclosure import workflow
from gongkai.disclosure.index_numbers import assign_index_number
from gongkai.disclosure.models import (
    CatalogueCategory,
    Channel,
    DisclosureAttribute,
    Distribution,
    Item,
    ItemKind,
    ItemStatus,
    OfficialDocument,
    UpdateFrequency,
    Validity,
    WithheldBasis,
)
from gongkai.rules.punctuation import book_title
from gongkai.rules.secrecy import CODES as SECRECY_CODES
from gongkai.statistics.models import Matter, MatterKind, StatisticEntry, StatisticKind
from gongkai.statistics.services import record_entry, record_matter

F = UpdateFrequency


@dataclass(frozen=True)
class DemoSubcategory:
    code: str
    name: str  # 小类
    frequency: UpdateFrequency = F.WITHIN_20_WORKDAYS


@dataclass(frozen=True)
class DemoCategory:
    code: str
    name: str  # 大类
    art_items: str  # the Art. 20/21 item it discloses, which its 小类 share
    children: tuple[DemoSubcategory, ...]


# The seed's 8 大类, 18 invented 小类.
SEED_CATALOGUE = [
    DemoCategory(
        "jgxx",
        "机构信息",
        "第二十条第（二）项",
        (
            DemoSubcategory("jgzn", "机构职能", F.LONG_TERM),
            DemoSubcategory("jgsz", "机构设置", F.WITHIN_20_WORKDAYS),
            DemoSubcategory("ldxx", "领导信息", F.WITHIN_20_WORKDAYS),
        ),
    ),
    DemoCategory(
        "rsxx",
        "人事信息",
        "第二十条第（十四）项",
        (
            DemoSubcategory("rsrm", "人事任免", F.WITHIN_20_WORKDAYS),
            DemoSubcategory("gwyzl", "公务员招录", F.YEARLY),
        ),
    ),
    DemoCategory(
        "gkxx",
        "政府信息公开相关信息",
        "第二十条第（十五）项",
        (
            DemoSubcategory("gkzn", "政府信息公开指南", F.LONG_TERM),
            DemoSubcategory("gkzd", "政府信息公开制度", F.LONG_TERM),
            DemoSubcategory("gknb", "政府信息公开年报", F.YEARLY),
        ),
    ),
    DemoCategory(
        "cwxx",
        "财务信息",
        "第二十条第（七）项",
        (
            DemoSubcategory("bmys", "部门预算", F.YEARLY),
            DemoSubcategory("bmjs", "部门决算", F.YEARLY),
        ),
    ),
    DemoCategory(
        "zwdt",
        "政务动态",
        "第二十条第（十五）项",
        (
            DemoSubcategory("gzdt", "工作动态", F.WITHIN_20_WORKDAYS),
            DemoSubcategory("gsgg", "公示公告", F.WITHIN_20_WORKDAYS),
        ),
    ),
    DemoCategory(
        "zcwj",
        "政策文件",
        "第二十条第（一）项、第（十一）项",
        (
            DemoSubcategory("bjgwj", "本机关文件", F.WITHIN_20_WORKDAYS),
            DemoSubcategory("gfxwj", ItemKind.NORMATIVE.label, F.WITHIN_20_WORKDAYS),
        ),
    ),
    DemoCategory(
        "zcjd",
        "政策解读",
        "第二十条第（一）项",
        (
            DemoSubcategory("wzjd", "文字解读", F.WITHIN_20_WORKDAYS),
            DemoSubcategory("twjd", "图文解读", F.WITHIN_20_WORKDAYS),
        ),
    ),
    DemoCategory(
        "wlwx",
        "网络问效",
        "第二十一条",
        (
            DemoSubcategory("zxhf", "咨询回复", F.WITHIN_20_WORKDAYS),
            DemoSubcategory("yjzj", "意见征集", F.WITHIN_20_WORKDAYS),
        ),
    ),
]

# The 28 主动公开 公文 of 2020 (invented titles in the style of a county veterans bureau).
PROACTIVE_2020 = [
    "关于做好2020年春节期间走访慰问优抚对象工作的通知",
    "关于开展退役军人和其他优抚对象信息采集工作的通知",
    "关于做好新冠肺炎疫情防控期间退役军人服务保障工作的通知",
    "关于组织退役军人参与疫情防控志愿服务的通知",
    "关于开展光荣牌悬挂工作的通知",
    "关于做好2020年度自主就业退役士兵一次性经济补助金发放工作的通知",
    "关于调整部分优抚对象等人员抚恤和生活补助标准的通知",
    "关于开展清明节烈士纪念活动的通知",
    "关于做好2020年退役士兵职业技能培训工作的通知",
    "关于举办2020年乐清市退役军人专场招聘会的通知",
    "关于开展退役军人服务站规范化建设的通知",
    "关于做好2019年冬季退役士兵接收安置工作的通知",
    "关于开展“最美退役军人”学习宣传活动的通知",
    "关于做好部分退役士兵社会保险接续工作的通知",
    "关于开展八一建军节走访慰问活动的通知",
    "关于做好2020年度义务兵家庭优待金发放工作的通知",
    "关于开展烈士纪念日公祭活动的通知",
    "关于开展退役军人创业就业扶持政策宣传月活动的通知",
    "关于做好伤残抚恤关系转移工作的通知",
    "关于开展军休干部健康体检工作的通知",
    "关于做好退役军人来信来访工作的通知",
    "关于印发《乐清市退役军人事务局2020年工作要点》的通知",
    "关于开展退役军人思想政治工作专项调研的通知",
    "关于做好2020年度烈士纪念设施维护管理工作的通知",
    "关于开展退役士兵返乡欢迎仪式的通知",
    "关于做好2020年冬季退役士兵报到工作的通知",
    "关于开展退役军人权益保障法律服务进村社活动的通知",
    "关于做好2021年元旦春节期间双拥工作的通知",
]


@dataclass(frozen=True)
class DemoUnpublishedDocument:
    title: str
    attribute: str  # on_request (依申请公开) or withheld (不予公开)
    reason: str


# The 22 不公开 公文. Invented.
NOT_PUBLIC_2020 = [
    DemoUnpublishedDocument("关于局机关内部考勤管理的通知", "on_request", "内部管理事务，仅在申请时提供"),
    DemoUnpublishedDocument(
        "关于调整局政务公开领导小组成员的通知", "on_request", "内部管理事务，仅在申请时提供"
    ),
    DemoUnpublishedDocument("关于局机关办公用房调整的通知", "on_request", "内部管理事务，仅在申请时提供"),
    DemoUnpublishedDocument("关于做好局机关安全生产检查的通知", "on_request", "内部管理事务，仅在申请时提供"),
    DemoUnpublishedDocument(
        "关于2020年度局机关财务报销管理的通知", "on_request", "内部管理事务，仅在申请时提供"
    ),
    DemoUnpublishedDocument("关于开展局机关干部集中学习的通知", "on_request", "内部管理事务，仅在申请时提供"),
    DemoUnpublishedDocument("关于局属单位年度考核工作的通知", "on_request", "内部管理事务，仅在申请时提供"),
    DemoUnpublishedDocument(
        "关于做好局机关档案整理归档工作的通知", "on_request", "内部管理事务，仅在申请时提供"
    ),
    DemoUnpublishedDocument("关于局机关车辆使用管理的通知", "on_request", "内部管理事务，仅在申请时提供"),
    DemoUnpublishedDocument(
        "关于做好局机关节假日值班工作的通知", "on_request", "内部管理事务，仅在申请时提供"
    ),
    DemoUnpublishedDocument("关于开展局机关作风建设自查的通知", "on_request", "内部管理事务，仅在申请时提供"),
    DemoUnpublishedDocument("关于局机关公务接待管理的通知", "on_request", "内部管理事务，仅在申请时提供"),
    DemoUnpublishedDocument("关于报送2020年退役军人工作总结的报告", "on_request", "向上级机关报送的工作报告"),
    DemoUnpublishedDocument(
        "关于报送退役军人服务保障体系建设情况的报告", "on_request", "向上级机关报送的工作报告"
    ),
    DemoUnpublishedDocument("关于部分退役士兵安置去向的请示", "withheld", "过程性信息，尚在研究讨论"),
    DemoUnpublishedDocument("关于拟推荐“最美退役军人”候选人的请示", "withheld", "过程性信息，尚在研究讨论"),
    DemoUnpublishedDocument("关于个别优抚对象困难救助的批复", "withheld", "涉及个人隐私"),
    DemoUnpublishedDocument("关于退役军人信访个案处理情况的报告", "withheld", "涉及个人隐私"),
    DemoUnpublishedDocument("关于部分伤残军人评残结论的通知", "withheld", "涉及个人隐私"),
    DemoUnpublishedDocument("关于烈士子女个人信息核查的函", "withheld", "涉及个人隐私"),
    DemoUnpublishedDocument("关于局机关干部调整的请示", "withheld", "内部人事事务"),
    DemoUnpublishedDocument("关于军休干部个人待遇核定的批复", "withheld", "涉及个人隐私"),
]
WITHHELD_BASIS = {
    "过程性信息，尚在研究讨论": WithheldBasis.PROCESS_INFO,
    "涉及个人隐私": WithheldBasis.THIRD_PARTY,
    "内部人事事务": WithheldBasis.INTERNAL_AFFAIRS,
}

# The 14 other items of 2020 by 小类 code. Invented.
OTHER_ITEMS_2020 = {
    "jgsz": [
        "乐清市退役军人事务局机构职能设置",
        "乐清市退役军人事务局内设机构调整情况",
        "乐清市退役军人服务中心机构设置",
        "乐清市军队离退休干部休养所机构设置",
        "乐清市退役军人事务局办公地址及联系方式",
    ],
    "gsgg": [
        "2020年度自主就业退役士兵一次性经济补助金发放名单公示",
        "2020年度“最美退役军人”拟推荐人选公示",
        "2020年度义务兵家庭优待金发放对象公示",
        "乐清市退役军人事务局2020年公开招聘编外工作人员公告",
        "2020年度退役士兵职业技能培训补助对象公示",
        "关于部分烈士纪念设施修缮项目的公示",
    ],
    "rsrm": [
        "乐清市退役军人事务局关于人员任职的通知",
        "乐清市退役军人服务中心负责人任免",
        "乐清市军队离退休干部休养所负责人任免",
    ],
}

# The 其他对外管理服务事项 list (invented names, built from the subjects the bureau serves).
SURVIVORS = ["烈士遗属", "因公牺牲军人遗属", "病故军人遗属"]
SURVIVOR_SERVICES = ["定期抚恤金的给付", "一次性抚恤金的给付", "身份认定", "优待证的申领", "医疗补助的申请"]
VETERANS = [
    "在乡复员军人",
    "带病回乡退伍军人",
    "参战退役人员",
    "参试退役人员",
    "部分农村籍退役士兵",
    "老年烈士子女",
    "年满60周岁农村籍退役士兵",
]
VETERAN_SERVICES = ["定期生活补助的给付", "身份认定", "医疗保障待遇的申请", "优待证的申领"]
OTHER_MATTERS = [
    "残疾军人残疾等级评定",
    "残疾军人残疾等级调整",
    "伤残抚恤关系的转移",
    "伤残人员证件的换发补发",
    "残疾抚恤金的给付",
    "残疾军人辅助器具配置",
    "退役士兵自主就业一次性经济补助金的给付",
    "退役士兵安置地的确定",
    "退役士兵档案的接收和转递",
    "退役士兵职业技能培训补助的申请",
    "退役士兵自主就业创业扶持的申请",
    "退役士兵待安置期间生活费的发放",
    "退役士兵社会保险接续的办理",
    "退役士兵报到和安置的办理",
    "退役士兵退役证件的补办",
    "烈士证明书的发放",
    "烈士褒扬金的给付",
    "烈士遗骸的迁葬",
    "军人牺牲病故证明的出具",
    "光荣牌的悬挂",
    "立功受奖军人家庭送喜报",
    "现役军人家属优待金的发放",
    "义务兵家庭优待金的发放",
    "退役军人创业担保贷款的推荐",
    "退役军人信息采集",
    "军队离退休干部的接收安置",
    "军队无军籍退休退职职工的接收安置",
    "随军家属的就业安置",
    "军人子女入学优待",
    "退役军人法律援助的受理",
    "退役军人来信来访的受理",
    "移交政府安置的军队离休干部的接收",
]
MATTERS = (
    [s + x for s in SURVIVORS for x in SURVIVOR_SERVICES]
    + [v + x for v in VETERANS for x in VETERAN_SERVICES]
    + OTHER_MATTERS
)
MATTER_LIST_2019 = "乐清市退役军人事务局公共服务事项清单（2019年版）"
MATTER_LIST_2020 = "乐清市退役军人事务局公共服务事项清单（2020年调整）"


@dataclass(frozen=True)
class MatterChange:
    name: str
    on: date


ADDED_2020 = [
    MatterChange("退役军人就业招聘会的组织", date(2020, 5, 1)),
    MatterChange("退役军人服务站的建设管理", date(2020, 5, 1)),
    MatterChange("退役军人荣誉证书的颁发", date(2020, 7, 1)),
    MatterChange("退役军人困难帮扶援助的申请", date(2020, 7, 1)),
    MatterChange("退役军人教育培训学费资助的申请", date(2020, 9, 1)),
    MatterChange("烈士纪念设施祭扫服务", date(2020, 9, 1)),
]
# Replaced on 1 July 2020 by 退役军人荣誉证书的颁发: so 2020's 增 5 is 6 added, 1 removed.
REMOVED_2020 = MatterChange("立功受奖军人家庭送喜报", date(2020, 7, 1))

# Decisions on 其他对外管理服务事项 by month of 2020; the year's total is the seed's 9016.
DECISIONS_2020 = [702, 655, 748, 760, 781, 802, 769, 744, 731, 758, 770, 796]
DECISIONS_SOURCE = "浙江政务服务网办件统计（{month}月）"


@dataclass(frozen=True)
class DemoOutreach:
    channel: Channel
    outlet: str
    times: int


# The seed's outreach.
OUTREACH_2020 = [
    DemoOutreach(Channel.NEW_MEDIA, "浙江省退役军人事务厅公众号", 21),
    DemoOutreach(Channel.OTHER_SITE, "浙江省退役军人事务厅网站", 38),
    DemoOutreach(Channel.OTHER_SITE, "浙江新闻", 29),
    DemoOutreach(Channel.NEWSPAPER, "乐清日报", 24),
    DemoOutreach(Channel.NEW_MEDIA, "温州市退役军人事务局公众号", 93),
    DemoOutreach(Channel.OTHER, "其他媒体", 4),
]

# Other agencies and later years of the seed: a small catalogue each and a few dozen items a year.
GENERIC_CATALOGUE = [
    DemoCategory(
        "jgxx",
        "机构信息",
        "第二十条第（二）项",
        (
            DemoSubcategory("jgzn", "机构职能"),
            DemoSubcategory("ldxx", "领导信息"),
        ),
    ),
    DemoCategory(
        "zcwj",
        "政策文件",
        "第二十条第（一）项",
        (
            DemoSubcategory("bjgwj", "本机关文件"),
            DemoSubcategory("gfxwj", ItemKind.NORMATIVE.label),
        ),
    ),
    DemoCategory("zcjd", "政策解读", "第二十条第（一）项", (DemoSubcategory("wzjd", "文字解读"),)),
    DemoCategory(
        "zwdt",
        "政务动态",
        "第二十条第（十五）项",
        (
            DemoSubcategory("gzdt", "工作动态"),
            DemoSubcategory("gsgg", "公示公告"),
        ),
    ),
    DemoCategory(
        "gkxx",
        "政府信息公开",
        "第二十条第（十五）项",
        (
            DemoSubcategory("gknb", "政府信息公开年报"),
            DemoSubcategory("fyxx", "行政复议信息"),
        ),
    ),
]
TOPICS = {
    "yqszf": ["城乡建设", "营商环境", "安全生产", "防汛防台", "乡村振兴", "公共服务"],
    "yqsmzj": ["最低生活保障", "特困人员供养", "养老服务", "婚姻登记", "社会组织", "殡葬管理"],
    "yqsczj": ["财政预算", "政府采购", "惠民惠农补贴", "国有资产管理", "财政专项资金", "非税收入"],
    "yqslsz": ["村级组织", "农村宅基地", "人居环境整治", "征地拆迁", "防汛防台", "民生实事"],
    SEED: ["退役军人就业", "优抚对象", "双拥工作", "烈士褒扬", "军休服务", "权益维护"],
}
# The agencies' 发文字号 for the later years' 行政规范性文件, which (as published ones do) carry a 文号 a
# reader can search by; the seed agency's is the one its 2020 公文 ledger uses. The 市政府's 2024 measures
# are 乐政办发〔2024〕12号, the example every search hint gives.
DOCUMENT_PREFIXES = {
    "yqszf": "乐政办发",
    "yqsmzj": "乐民发",
    "yqsczj": "乐财发",
    "yqslsz": "柳政发",
    SEED: "乐退役军人",
}


@dataclass(frozen=True)
class DemoTitle:
    category: str  # 小类 code
    pattern: str  # {topic}, {year} and {year_before} are filled in
    genre: str


GENERIC_TITLES = [
    DemoTitle("bjgwj", "关于做好{year}年度{topic}工作的通知", "通知"),
    DemoTitle("bjgwj", "关于印发《{year}年{topic}工作要点》的通知", "通知"),
    DemoTitle("bjgwj", "关于进一步规范{topic}申请办理流程的通知", "通知"),
    DemoTitle("gsgg", "{year}年{topic}拟补助对象公示", "公示"),
    DemoTitle("gsgg", "关于{topic}项目实施情况的公示", "公示"),
    DemoTitle("gsgg", "{year}年{topic}申请受理公告", "公告"),
    DemoTitle("gzdt", "召开{topic}工作推进会", "动态"),
    DemoTitle("gzdt", "{topic}专项检查工作顺利完成", "动态"),
    DemoTitle("fyxx", "{year}年{topic}相关行政复议决定书", "决定"),
    DemoTitle("fyxx", "关于{topic}行政复议申请办理情况的说明", "说明"),
    DemoTitle("wzjd", "《关于进一步规范{topic}申请办理流程的通知》政策解读", "解读"),
    DemoTitle("jgzn", "{year}年机构职能调整说明", "说明"),
    DemoTitle("gknb", "{year_before}年政府信息公开工作年度报告", "报告"),
]
LATER_YEARS = range(2021, 2027)


def _aware(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _catalogue(agency, tree: list[DemoCategory]) -> dict[str, CatalogueCategory]:
    found = {}
    position = 0
    for category in tree:
        position += 10
        parent, _ = CatalogueCategory.objects.get_or_create(
            agency=agency,
            code=category.code,
            defaults={
                "name": category.name,
                "art_items": category.art_items,
                "position": position,
                "update_frequency": F.LONG_TERM,
            },
        )
        found[category.code] = parent
        for n, child in enumerate(category.children, start=1):
            found[child.code], _ = CatalogueCategory.objects.get_or_create(
                agency=agency,
                code=child.code,
                defaults={
                    "name": child.name,
                    "parent": parent,
                    "art_items": category.art_items,
                    "position": position + n,
                    "update_frequency": child.frequency,
                },
            )
    return found


def _publish(agency, drafter, *, title, formed_on, published_on, category, **fields) -> tuple[Item, bool]:
    """A published item stored with its final fields and a 索引号 of its publication year; (item, created)."""
    existing = Item.objects.filter(agency=agency, title=title, formed_on=formed_on).first()
    if existing is not None:
        return existing, False
    item = Item(
        agency=agency,
        drafter=drafter,
        title=title,
        formed_on=formed_on,
        category=category,
        publisher=agency.name,
        status=ItemStatus.PUBLISHED,
        attribute=DisclosureAttribute.PROACTIVE,
        published_at=_aware(published_on),
        # In 《 》 with the title's own 《 》 as 〈 〉: the marks never nest as 《…《…》…》.
        summary=fields.pop("summary", f"{agency.name}发布{book_title(title)}。"),
        body=fields.pop("body", f"<p>{title}。</p><p>（演示数据）</p>"),
        **fields,
    )
    assign_index_number(item, published_on)
    item.save()
    return item, True


def _seed_2020(agency, drafter, categories, departments) -> None:
    rng = random.Random(2020)
    office = departments.get("办公室")
    created_items = []
    # 公文 numbers run through the year in issue order; 主动公开 and 不公开 documents interleave.
    plan: list[str | DemoUnpublishedDocument] = [*PROACTIVE_2020, *NOT_PUBLIC_2020]
    rng.shuffle(plan)
    start = date(2020, 1, 6)
    for n, planned in enumerate(plan, start=1):
        issued = start + timedelta(days=round(n * 350 / len(plan)))
        number = f"乐退役军人〔2020〕{n}号"
        document = OfficialDocument.objects.filter(agency=agency, document_number=number).first()
        if document is not None:
            continue
        if isinstance(planned, str):  # a 主动公开 公文, by its title
            title = planned
            item, created = _publish(
                agency,
                drafter,
                title=title,
                formed_on=issued,
                published_on=issued + timedelta(days=3),
                category=categories["bjgwj"],
                document_number=number,
                genre="通知",
                topic="退役军人事务",
                department=office,
            )
            if created:
                created_items.append(item)
            OfficialDocument.objects.create(
                agency=agency,
                document_number=number,
                title=title,
                issued_on=issued,
                department=office,
                attribute=DisclosureAttribute.PROACTIVE,
                item=item,
            )
        else:
            withheld = planned.attribute == "withheld"
            OfficialDocument.objects.create(
                agency=agency,
                document_number=number,
                title=planned.title,
                issued_on=issued,
                department=office,
                attribute=DisclosureAttribute.WITHHELD if withheld else DisclosureAttribute.ON_REQUEST,
                attribute_reason=f"{planned.reason}（依据：{WITHHELD_BASIS[planned.reason].label}）"
                if withheld
                else planned.reason,
            )
    other_items = [(code, title) for code, titles in OTHER_ITEMS_2020.items() for title in titles]
    for n, (code, title) in enumerate(other_items):
        formed = date(2020, 1, 15) + timedelta(days=n * 24)
        item, created = _publish(
            agency,
            drafter,
            title=title,
            formed_on=formed,
            published_on=formed + timedelta(days=2),
            category=categories[code],
            genre={"jgsz": "说明", "gsgg": "公示", "rsrm": "通知"}[code],
            topic="退役军人事务",
            department=office,
        )
        if created:
            created_items.append(item)
    if created_items:
        _outreach(created_items)


def _outreach(items: list[Item]) -> None:
    """Spread each outlet's total over the year's items, one record per item and outlet."""
    for outreach in OUTREACH_2020:
        total = outreach.times
        k = min(total, len(items))
        for i in range(k):
            item = items[(i * 7) % len(items)] if k < len(items) else items[i]
            Distribution.objects.create(
                item=item,
                channel=outreach.channel,
                outlet=outreach.outlet,
                count=total // k + (1 if i < total % k else 0),
                date=timezone.localdate(item.published_at) + timedelta(days=1),
                note="演示数据",
            )


def _seed_statistics(agency) -> None:
    def matter(name, effective_from, source, effective_until=None):
        exists = Matter.objects.filter(
            agency=agency, kind=MatterKind.OTHER_SERVICES, name=name, effective_from=effective_from
        ).exists()
        if not exists:
            record_matter(
                agency,
                kind=MatterKind.OTHER_SERVICES,
                name=name,
                effective_from=effective_from,
                effective_until=effective_until,
                source=source,
            )

    # 71 matters in force at the end of 2019: the 2019 list, less the 4 added only in 2021 (below).
    first_list, later = MATTERS[:71], MATTERS[71:]
    for name in first_list:
        matter(
            name, date(2019, 3, 1), MATTER_LIST_2019, REMOVED_2020.on if name == REMOVED_2020.name else None
        )
    for added in ADDED_2020:
        matter(added.name, added.on, MATTER_LIST_2020)
    for name in later:
        matter(name, date(2021, 4, 1), "乐清市退役军人事务局公共服务事项清单（2021年调整）")
    for month, value in enumerate(DECISIONS_2020, start=1):
        _entry(agency, StatisticKind.OTHER_SERVICES_DECISIONS, 2020, month, value)
    # Later years: decisions go on (the 2021 format reports none for 其他对外管理服务事项, but they are kept).
    for year in LATER_YEARS:
        for month in (3, 6, 9, 12):
            _entry(
                agency,
                StatisticKind.OTHER_SERVICES_DECISIONS,
                year,
                month,
                2100 + year % 7 * 40 + month,
                quarter=True,
            )


def _entry(agency, kind, year, month, value, *, quarter=False) -> None:
    start = date(year, month - 2 if quarter else month, 1)
    end = (date(year, month + 1, 1) - timedelta(days=1)) if month < 12 else date(year, 12, 31)
    source = DECISIONS_SOURCE.format(month=f"{start.month}—{month}" if quarter else month)
    source = f"{year}年{source}"
    if not StatisticEntry.objects.filter(
        agency=agency, kind=kind, period_start=start, source=source
    ).exists():
        record_entry(
            agency, kind=kind, period_start=start, period_end=end, value=Decimal(value), source=source
        )


def _later_years(agency, drafter, categories, rng: random.Random) -> None:
    """A few dozen published items a year, 2021–2026, plus one 行政规范性文件 with its 解读 a year."""
    topics = TOPICS[agency.code]
    today = timezone.localdate()
    latest = None
    for year in LATER_YEARS:
        for n in range(rng.randint(5, 8)):
            template = GENERIC_TITLES[(n * 5 + year) % len(GENERIC_TITLES)]
            code = template.category if template.category in categories else "gzdt"
            topic = topics[(n + year) % len(topics)]
            title = template.pattern.format(topic=topic, year=year, year_before=year - 1)
            formed = date(year, 1, 10) + timedelta(days=n * 40 + rng.randint(0, 20))
            published_on = formed + timedelta(days=rng.randint(1, 10))
            if published_on > today:
                continue  # the demo loads on any date; nothing is published in the future
            _publish(
                agency,
                drafter,
                title=title,
                formed_on=formed,
                published_on=published_on,
                category=categories[code],
                genre=template.genre,
                topic=topic,
                keywords=topic,
            )
        topic = topics[year % len(topics)]
        formed = date(year, 6, 18)
        if formed + timedelta(days=5) > today:
            continue
        policy, _ = _publish(
            agency,
            drafter,
            title=f"{agency.name}关于印发《{measures_name(topic)}》的通知",
            formed_on=formed,
            published_on=formed + timedelta(days=5),
            category=categories["gfxwj"],
            kind=ItemKind.NORMATIVE,
            document_number=f"{DOCUMENT_PREFIXES[agency.code]}〔{year}〕{year - 2012}号",
            genre="通知",
            topic=topic,
            valid_from=formed + timedelta(days=30),
            # The 2021 measures were repealed in mid-2024, so the 2021-format 废止 column has a figure.
            **(
                {"validity": Validity.REPEALED, "invalid_from": date(2024, 7, 1)}
                if year == 2021 and today >= date(2024, 7, 1)
                else {"validity": Validity.VALID}
            ),
        )
        interpretation, _ = _publish(
            agency,
            drafter,
            title=f"《{measures_name(topic)}》政策解读",
            formed_on=formed,
            published_on=formed + timedelta(days=5),
            category=categories["wzjd"],
            kind=ItemKind.INTERPRETATION,
            interprets=policy,
            genre="解读",
            topic=topic,
        )
        latest = (policy, interpretation, topic)
    if latest is not None:
        # The newest measures of each agency come with their files, as published 政策文件 do.
        attach_policy_files(*latest, actor=drafter)


def load_demo_disclosure(agencies: dict, drafters: dict, departments: dict | None = None) -> None:
    """Create what is missing. `agencies` and `drafters` are keyed by agency code."""
    seed = agencies[SEED]
    seed_categories = _catalogue(seed, SEED_CATALOGUE)
    _seed_2020(seed, drafters[SEED], seed_categories, departments or {})
    _seed_statistics(seed)
    rng = random.Random(2026)
    for code, agency in agencies.items():
        if code == SEED:
            categories = seed_categories
            categories.setdefault("fyxx", categories["gzdt"])
        else:
            categories = _catalogue(agency, GENERIC_CATALOGUE)
        _later_years(agency, drafters.get(code) or drafters[SEED], categories, rng)
    _under_review(seed, drafters[SEED], seed_categories)


def _under_review(agency, drafter, categories) -> None:
    """Two items of the seed agency on their way, so the reviewers' and the leader's steps can be tried:
    one waiting for 保密审查, one signed for publication a week after the demo was loaded."""
    people = {
        m.role: m.user
        for m in Membership.objects.filter(agency=agency).select_related("user").order_by("pk")
        if m.user_id != drafter.pk
    }
    head, reviewer, leader = (
        people.get(r) for r in (Role.DEPARTMENT_HEAD, Role.SECRECY_REVIEWER, Role.LEADER)
    )
    if not (head and reviewer and leader):
        return
    today = timezone.localdate()
    plans = [
        ("关于优抚对象信息核查结果的公示", "secrecy"),
        (f"关于{today.year + 1}年元旦春节期间走访慰问优抚对象的通知", "scheduled"),
    ]
    for title, stop in plans:
        if Item.objects.filter(agency=agency, title=title).exists():
            continue
        item = workflow.save_draft(
            Item(
                agency=agency,
                drafter=drafter,
                title=title,
                formed_on=today,
                category=categories.get("gzdt"),
                publisher=agency.name,
                body=(
                    "<p>各镇人民政府、街道办事处：</p><p>现将有关事项通知如下。</p>"
                    "<table><tbody><tr><th>镇街</th><th>户数</th></tr>"
                    "<tr><td>乐成街道</td><td>126</td></tr><tr><td>柳市镇</td><td>98</td></tr></tbody></table>"
                ),
            ),
            drafter,
        )
        workflow.submit(item, drafter)
        item = workflow.approve(item, head)
        if stop == "secrecy":
            continue
        item = workflow.approve(
            item,
            reviewer,
            checklist=dict.fromkeys(SECRECY_CODES, False),
            opinion="经审查，不涉及国家秘密，不涉及商业秘密和个人隐私，同意公开。",
        )
        workflow.approve(item, leader, publish_at=_aware(today + timedelta(days=7), hour=9))
