"""The 2019 (试行) annual-report format, 国办公开办函〔2019〕60号: used for report years 2019 and 2020.

Labels are the official ones, character for character (listed in docs/report-format.md).
The §三 columns and the whole of §四 did not change in 2021; v2021 reuses them from here.
"""

from gongkai.formats.declaration import (
    AppealBlock,
    AppealGroup,
    ApplicationRow,
    Block,
    Column,
    Kind,
    OutcomeGroup,
    ReportFormat,
    Row,
    Section2,
    Section3,
    Section4,
)

SECTION_TITLES = (
    ("一", "总体情况"),
    ("二", "主动公开政府信息情况"),
    ("三", "收到和处理政府信息公开申请情况"),
    ("四", "政府信息公开行政复议、行政诉讼情况"),
    ("五", "存在的主要问题及改进情况"),
    ("六", "其他需要报告的事项"),
)

PREV_ITEMS = Column("prev_items", "上一年项目数量")
CHANGE = Column("change", "本年增/减", Kind.SIGNED)
DECISIONS = Column("decisions", "处理决定数量")

SECTION2 = Section2(
    first_column_header="信息内容",
    blocks=(
        Block(
            "art20_1",
            "第二十条第（一）项",
            (
                Column("made", "本年新制作数量", in_text="新制作"),
                Column("published", "本年新公开数量"),
                Column("total_public", "对外公开总数量"),
            ),
            (
                Row("regulations", "规章"),
                Row("normative_documents", "规范性文件", variants=("行政规范性文件",)),
            ),
        ),
        Block(
            "art20_5",
            "第二十条第（五）项",
            (PREV_ITEMS, CHANGE, DECISIONS),
            (Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
        ),
        Block(
            "art20_6",
            "第二十条第（六）项",
            (PREV_ITEMS, CHANGE, DECISIONS),
            (Row("penalty", "行政处罚"), Row("coercion", "行政强制")),
        ),
        Block("art20_8", "第二十条第（八）项", (PREV_ITEMS, CHANGE), (Row("fees", "行政事业性收费"),)),
        Block(
            "art20_9",
            "第二十条第（九）项",
            (Column("projects", "采购项目数量"), Column("amount", "采购总金额", Kind.AMOUNT)),
            (Row("procurement", "政府集中采购"),),
        ),
    ),
)

RESULTS = "三、本年度办理结果"
GRANTED = OutcomeGroup("granted", "（一）予以公开")
PARTIALLY_GRANTED = OutcomeGroup("partially_granted", "（二）部分公开")
DENIED = OutcomeGroup("denied", "（三）不予公开")
UNABLE = OutcomeGroup("unable", "（四）无法提供")
REJECTED = OutcomeGroup("rejected", "（五）不予处理")
OTHER = OutcomeGroup("other", "（六）其他处理")

RECEIVED_ROWS = (
    ApplicationRow("new_received", "一、本年新收政府信息公开申请数量"),
    ApplicationRow("carried_over", "二、上年结转政府信息公开申请数量"),
)

# The outcome rows both formats share: （一） to （五）.
SHARED_OUTCOME_ROWS = (
    ApplicationRow("granted", GRANTED.title, RESULTS, GRANTED),
    ApplicationRow(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        RESULTS,
        PARTIALLY_GRANTED,
    ),
    ApplicationRow("denied_state_secret", "1.属于国家秘密", RESULTS, DENIED),
    ApplicationRow("denied_law_forbidden", "2.其他法律行政法规禁止公开", RESULTS, DENIED),
    ApplicationRow("denied_security_stability", "3.危及“三安全一稳定”", RESULTS, DENIED),
    ApplicationRow("denied_third_party", "4.保护第三方合法权益", RESULTS, DENIED),
    ApplicationRow("denied_internal_affairs", "5.属于三类内部事务信息", RESULTS, DENIED),
    ApplicationRow("denied_process_info", "6.属于四类过程性信息", RESULTS, DENIED),
    ApplicationRow("denied_enforcement_file", "7.属于行政执法案卷", RESULTS, DENIED),
    ApplicationRow("denied_admin_query", "8.属于行政查询事项", RESULTS, DENIED),
    ApplicationRow("unable_not_held", "1.本机关不掌握相关政府信息", RESULTS, UNABLE),
    ApplicationRow("unable_needs_creation", "2.没有现成信息需要另行制作", RESULTS, UNABLE),
    ApplicationRow("unable_still_unclear", "3.补正后申请内容仍不明确", RESULTS, UNABLE),
    ApplicationRow("rejected_petition", "1.信访举报投诉类申请", RESULTS, REJECTED),
    ApplicationRow("rejected_repeat", "2.重复申请", RESULTS, REJECTED),
    ApplicationRow("rejected_publication", "3.要求提供公开出版物", RESULTS, REJECTED),
    ApplicationRow("rejected_excessive", "4.无正当理由大量反复申请", RESULTS, REJECTED),
    ApplicationRow("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息", RESULTS, REJECTED),
)

TOTAL_ROWS = (
    ApplicationRow("total", "（七）总计", RESULTS),
    ApplicationRow("carried_forward", "四、结转下年度继续办理"),
)

SECTION3 = Section3(
    note="（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    applicant_header="申请人情况",
    organisation_header="法人或其他组织",
    person_columns=(Column("natural_person", "自然人"),),
    organisation_columns=(
        Column("commercial", "商业企业"),
        Column("research", "科研机构"),
        Column("social", "社会公益组织"),
        Column("legal_service", "法律服务机构"),
        Column("other_org", "其他"),
    ),
    total_column=Column("total", "总计"),
    rows=RECEIVED_ROWS
    + SHARED_OUTCOME_ROWS
    + (ApplicationRow("other", OTHER.title, RESULTS, OTHER),)
    + TOTAL_ROWS,
)

REVIEW = AppealGroup("review", "行政复议")
LITIGATION = AppealGroup("litigation", "行政诉讼")

SECTION4 = Section4(
    blocks=(
        AppealBlock("review", REVIEW),
        AppealBlock("litigation_direct", LITIGATION, "未经复议直接起诉"),
        AppealBlock("litigation_after_review", LITIGATION, "复议后起诉"),
    ),
    columns=(
        Column("upheld", "结果维持"),
        Column("corrected", "结果纠正"),
        Column("other", "其他结果"),
        Column("pending", "尚未审结"),
        Column("total", "总计"),
    ),
)

FORMAT = ReportFormat(
    version="2019",
    notice="国办公开办函〔2019〕60号",
    first_year=2019,
    section_titles=SECTION_TITLES,
    section2=SECTION2,
    section3=SECTION3,
    section4=SECTION4,
    title_variants=(("五", "政府信息公开工作存在的主要问题及改进情况"),),
    # The 2021 wording, seen in reports of 2019 and 2020 that were filled in later.
)
