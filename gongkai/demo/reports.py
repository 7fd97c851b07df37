"""Demo: the seed agency's work ledger for 2020, its 2020 report written and published through the
workflow, and a draft of its 2021 report in the 2021 format.

The ledger holds what the seed report states beyond the catalogue and the 公文 register: 8 large publicity
events with 2600 leaflets and materials, 395 runs on electronic screens, 2 training sessions. How the 8
events and 395 runs split by occasion and screen, the dates, and the 2 meetings of the leading group (the
seed mentions its regular meetings without a number) are invented demo values. The staff paragraphs are
written for the demo; every figure in them is a placeholder bound to the records.
"""

from dataclasses import dataclass
from datetime import date

from gongkai.ledger.models import EntryKind, LedgerEntry, OutreachChannel
from gongkai.ledger.services import record_entry
from gongkai.reports.models import AnnualReport
from gongkai.reports.services import approve, check, open_report, publish, save_sections, submit

SEED_SOURCE = "局办公室宣传工作台账（演示数据）"


@dataclass(frozen=True)
class DemoLedgerEntry:
    on: date
    title: str  # for screen runs, the screen
    times: int = 1
    materials: int = 0  # leaflets and materials handed out at an event


# The 8 events of 2020; materials sum to 2600.
EVENTS_2020 = [
    DemoLedgerEntry(date(2020, 1, 16), "春节走访慰问政策宣传", materials=300),
    DemoLedgerEntry(date(2020, 3, 20), "退役军人就业创业政策咨询", materials=250),
    DemoLedgerEntry(date(2020, 5, 22), "退役军人专场招聘会政策宣传", materials=400),
    DemoLedgerEntry(date(2020, 7, 31), "八一建军节双拥政策宣传", materials=350),
    DemoLedgerEntry(date(2020, 9, 18), "基层“大走访”政策宣讲", materials=300),
    DemoLedgerEntry(date(2020, 9, 30), "烈士纪念日褒扬政策宣传", materials=250),
    DemoLedgerEntry(date(2020, 10, 23), "退役军人权益保障法律服务进村社", materials=350),
    DemoLedgerEntry(date(2020, 12, 18), "退役士兵返乡欢迎仪式政策宣传", materials=400),
]
# Runs on the electronic screens, 395 in all.
SCREENS_2020 = [
    DemoLedgerEntry(date(2020, 6, 30), "高速口电子宣传屏", times=110),
    DemoLedgerEntry(date(2020, 12, 31), "高速口电子宣传屏", times=105),
    DemoLedgerEntry(date(2020, 6, 30), "南虹广场电子宣传屏", times=92),
    DemoLedgerEntry(date(2020, 12, 31), "南虹广场电子宣传屏", times=88),
]
TRAININGS_2020 = [
    DemoLedgerEntry(date(2020, 4, 24), "《中华人民共和国政府信息公开条例》集中学习"),
    DemoLedgerEntry(date(2020, 10, 16), "政务公开业务集中学习（传达上级文件精神）"),
]
MEETINGS_2020 = [
    DemoLedgerEntry(date(2020, 3, 6), "政务公开领导小组例会（调整领导小组成员、部署年度工作）"),
    DemoLedgerEntry(date(2020, 11, 27), "政务公开领导小组例会（年度工作检查）"),
]


@dataclass(frozen=True)
class DemoLedgerGroup:
    kind: EntryKind
    source: str
    entries: list[DemoLedgerEntry]
    channel: str = ""  # OutreachChannel, for outreach only


LEDGER_2020 = [
    DemoLedgerGroup(EntryKind.OUTREACH, SEED_SOURCE, EVENTS_2020, channel=OutreachChannel.OFFLINE),
    DemoLedgerGroup(EntryKind.OUTREACH, SEED_SOURCE, SCREENS_2020, channel=OutreachChannel.SCREEN),
    DemoLedgerGroup(EntryKind.TRAINING, "培训通知及签到表（演示数据）", TRAININGS_2020),
    DemoLedgerGroup(EntryKind.MEETING, "会议纪要（演示数据）", MEETINGS_2020),
]

# Staff paragraphs added under the drafted ones, by sub-topic heading.
STAFF_2020 = {
    "（一）主动公开": (
        "围绕退役军人切身利益，重点公开优抚褒扬、移交安置、就业创业等方面的政策和办事信息，做到应公开尽公开。"
    ),
    "（三）政府信息管理": (
        "调整政务公开领导小组，由局主要领导任组长、分管领导任副组长，各科室和局属单位负责人为成员，"
        "办公室负责日常工作；编制并公布信息公开指南，明确公开的内容、程序和时限。"
    ),
    "（四）政府信息公开平台建设": (
        "结合春节走访、退役士兵返乡、专场招聘会等工作，搭建宣传咨询台、摆放展板、发放政策折页，"
        "并利用电子宣传屏和固定宣传栏持续开展政策宣传。"
    ),
    "（五）监督保障": (
        "将政务公开纳入机关日常学习内容，对政府信息公开平台、办公系统和网络问效平台的操作人员进行业务培训。"
    ),
}
SECTION5_2020 = "\n".join(
    [
        "一是业务能力有待提高。机构组建时间不长，政务公开工作人员有所调整，对《条例》和公开业务的掌握还需加强。",
        "二是公开内容有待丰富。退役军人和军属关心的热点问题公开还不够充分，公开的及时性和全面性有待提高。",
        "下一步，我局将加强组织领导，把政务公开作为机关作风建设的重要内容；加强业务培训，提高政策解读能力；"
        "对照主动公开基本目录完善工作机制，及时更新栏目，对发布不及时、不规范的问题及时整改。",
    ]
)


def _ledger_2020(agency) -> None:
    if LedgerEntry.objects.filter(agency=agency, date__year=2020, source=SEED_SOURCE).exists():
        return
    for group in LEDGER_2020:
        for entry in group.entries:
            record_entry(
                agency,
                kind=group.kind,
                channel=group.channel,
                date=entry.on,
                title=entry.title,
                times=entry.times,
                materials=entry.materials,
                source=group.source,
            )


def _with_staff_text(section_one: str) -> str:
    lines = section_one.split("\n")
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        # After the last drafted paragraph of a sub-topic, before the next heading.
        next_is_heading = i + 1 == len(lines) or lines[i + 1].startswith("（")
        heading = next((h for h in reversed(lines[: i + 1]) if h.startswith("（")), None)
        if next_is_heading and heading in STAFF_2020:
            out.append(STAFF_2020[heading])
    return "\n".join(out)


def load_demo_reports(agency, *, registrar, leader) -> None:
    _ledger_2020(agency)
    report = open_report(agency, 2020, actor=registrar)
    if report.latest_version() is None:
        sections = dict(report.sections)
        sections["一"] = _with_staff_text(sections["一"])
        sections["五"] = SECTION5_2020
        save_sections(report, sections, actor=registrar)
        check(report, actor=registrar)
        submit(AnnualReport.objects.get(pk=report.pk), actor=registrar)
        approve(AnnualReport.objects.get(pk=report.pk), actor=leader)
        publish(AnnualReport.objects.get(pk=report.pk), actor=registrar)
    later = open_report(agency, 2021, actor=registrar)
    if later.checked_at is None:
        check(later, actor=registrar)
