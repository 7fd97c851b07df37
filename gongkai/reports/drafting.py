"""gongkai's first draft of a report's narrative, written from the records with every figure a placeholder.

    draft_sections(agency, year, fmt, facts, values) -> {"一": text, …, "六": text}

§一 has the five sub-topics of the 2021 format (主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设,
监督保障) for both formats; each opens with the statistical paragraph drafted here and is then written on by
staff. The structure (which 小类, which outlets are named) is taken from the records when drafting; every
number is a placeholder, so the figures follow the data afterwards. Staff replace or extend any sentence.
"""

from gongkai.formats.declaration import ReportFormat

SUBTOPICS = ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障")
NUMERALS = ("一", "二", "三", "四", "五")


def _listing(pairs: list[tuple[str, str]], unit: str) -> str:
    """“机构设置{{…}}条、公示公告{{…}}条”."""
    return "、".join(f"{name}{{{{{key}}}}}{unit}" for name, key in pairs)


def _art20(fmt: ReportFormat, values: dict) -> str:
    """§二 in one sentence: documents made, the matter lists that changed, every decision count, and fees
    and procurement when there were any. Which rows are named is decided now; every figure stays bound."""

    def ref(address: str) -> str:
        return f"{{{{{address}}}}}"

    s2 = fmt.section2
    made = s2.block("art20_1")
    parts = [
        f"本年{made.column('made').in_text}"
        + "、".join(f"{row.label}{ref(made.address(row, 'made'))}件" for row in made.rows)
    ]
    decisions = []
    for block in s2.blocks:
        for row in block.rows:
            cell = {column.key: block.address(row, column) for column in block.columns}
            if "prev_items" in cell and (values.get(cell["prev_items"]) or values.get(cell["change"])):
                parts.append(
                    f"{row.label}{block.column('prev_items').label}{ref(cell['prev_items'])}项、"
                    f"本年{ref(cell['change'])}项"
                )
            if "decisions" in cell:
                decisions.append(f"{row.label}{ref(cell['decisions'])}件")
            if "amount_wan" in cell and values.get(cell["amount_wan"]):
                parts.append(f"{row.label}本年收费金额{ref(cell['amount_wan'])}万元")
            if "projects" in cell and values.get(cell["projects"]):
                parts.append(f"{row.label}项目{ref(cell['projects'])}个、金额{ref(cell['amount'])}元")
    text = "依照《条例》第二十条，" + "；".join(parts)
    if decisions:
        text += "；本年作出处理决定：" + "、".join(decisions)
    return text + "。"


def _subtopic_proactive(fmt, facts, values) -> list[str]:
    # A 小类 that also holds 公文 is left out of the list: its count there would not be the category's count.
    whole = facts.get("items_by_category", {})
    other = [n for n, count in facts.get("other_items_by_category", {}).items() if whole.get(n) == count]
    text = (
        "全年共制发公文{{documents_issued}}件，其中主动公开{{documents_proactive}}件、不公开{{documents_not_public}}件，"
        "每件公文在发文登记时确定公开属性。"
    )
    if other:
        pairs = [(name, f"other_items_by_category.{name}") for name in other]
        text += f"除公文外，主动公开其他政府信息{{{{other_items}}}}条，其中{_listing(pairs, '条')}。"
    else:
        text += "除公文外，主动公开其他政府信息{{other_items}}条。"
    text += "全年发布政策解读{{interpretations}}篇。"
    return [text, _art20(fmt, values)]


def _subtopic_requests(fmt) -> list[str]:
    s3 = fmt.section3

    def total(row):
        return f"{{{{{s3.total(row)}}}}}"

    text = (
        f"全年新收政府信息公开申请{total(s3.new_received_row)}件，"
        f"上年结转{total(s3.carried_over_row)}件；"
        f"办结{{{{applications_settled}}}}件，其中予以公开{total('granted')}件、"
        f"部分公开{total('partially_granted')}件、不予公开{{{{applications_denied}}}}件、"
        "无法提供{{applications_unable}}件、不予处理{{applications_rejected}}件、其他处理{{applications_other}}件；"
        f"结转下年度继续办理{total(s3.carried_forward_row)}件。"
        "全年因政府信息公开工作被申请行政复议{{appeals_review}}件、被提起行政诉讼{{appeals_litigation}}件。"
    )
    return [text]


def _subtopic_management(facts) -> list[str]:
    text = (
        "按照主动公开基本目录管理政府信息，目录设置{{catalogue_names}}等{{catalogue_categories}}个大类、"
        "{{catalogue_subcategories}}个小类，明确各类信息的责任科室和更新时限；"
        "拟公开信息经科室负责人审核、保密审查和领导签发后发布。"
    )
    return [text]


def _subtopic_platforms(facts) -> list[str]:
    paragraphs = []
    outlets = list(facts.get("outreach", {}).get("outlets", {}))
    if outlets:
        pairs = [(name, f"outreach.outlets.{name}") for name in outlets]
        paragraphs.append(
            "以政府信息公开平台为第一平台，同时通过其他渠道扩大传播：" + _listing(pairs, "次") + "。"
        )
    else:
        paragraphs.append("以政府信息公开平台为第一平台发布政府信息。")
    channels = facts.get("outreach", {}).get("channels", {})
    parts = []
    if channels.get("offline", {}).get("times"):
        parts.append(
            "开展线下宣传活动{{outreach.channels.offline.times}}次，"
            "发放政策折页和宣传资料{{outreach.channels.offline.materials}}份"
        )
    if channels.get("screen", {}).get("times"):
        parts.append("通过电子屏开展宣传{{outreach.channels.screen.times}}次")
    for key, label in (("website", "政府网站"), ("new_media", "政务新媒体"), ("news_media", "新闻媒体")):
        if channels.get(key, {}).get("times"):
            parts.append(f"通过{label}宣传{{{{outreach.channels.{key}.times}}}}次")
    if parts:
        paragraphs.append("、".join(parts).replace("、通过", "，通过", 1) + "。")
    return paragraphs


def _subtopic_oversight(facts) -> list[str]:
    text = "政务公开领导小组全年召开会议{{meetings}}次；组织政务公开业务培训{{trainings}}次"
    if facts.get("training_participants"):
        text += "、参训{{training_participants}}人次"
    return [text + "。"]


def draft_sections(
    agency, year: int, fmt: ReportFormat, facts: dict, values: dict | None = None
) -> dict[str, str]:
    intro = (
        f"本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制，由总体情况、主动公开政府信息情况、"
        f"收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
        f"其他需要报告的事项六部分组成。报告所列数据的统计期限为{year}年1月1日至{year}年12月31日。"
    )
    if agency.website:
        intro += f"本报告电子版可在{agency.website}下载。"
    bodies = [
        _subtopic_proactive(fmt, facts, values or {}),
        _subtopic_requests(fmt),
        _subtopic_management(facts),
        _subtopic_platforms(facts),
        _subtopic_oversight(facts),
    ]
    lines = [intro]
    for numeral, title, body in zip(NUMERALS, SUBTOPICS, bodies, strict=True):
        lines.append(f"（{numeral}）{title}")
        lines += body
    sixth = ["{{fees_statement}}"]
    if not fmt.fees_in_section6:
        # §六 asks for nothing in particular, so the draft says there is nothing more to report.
        sixth.append("无其他需要报告的事项。")
    return {"一": "\n".join(lines), "二": "", "三": "", "四": "", "五": "", "六": "\n".join(sixth)}
