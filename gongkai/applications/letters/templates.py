"""The text of each kind of letter: title, legal basis and paragraphs with {placeholders}.

Placeholders are filled by gongkai.applications.letters.context.letter_context; one left unfilled shows as a blank
line (＿＿＿＿) for staff to complete in the draft. Periods of the remedy clause ({review_days},
{litigation_months}) and the reviewing bodies come from the agency's LetterSettings, never from this text.

An outcome's 答复书 is chosen by gongkai.rules.outcomes.OUTCOMES[outcome].letter; its legal basis is that
outcome's articles. Procedural notices name their own articles here.
"""

from dataclasses import dataclass

from ..models import LetterKind

OPENING = (
    "本机关于{received}收到您提出的政府信息公开申请（受理编号：{reference}），申请获取“{request}”的政府信息。"
)
OPENING_REPLY = OPENING + "经审查，现答复如下："
CONTACT = "如有疑问，请与本机关{office}联系，联系电话：{telephone}。"
REMEDY = (
    "如对本{short_title}不服，可以在收到本{short_title}之日起{review_days}日内向{review_body}申请行政复议，"
    "或者在收到本{short_title}之日起{litigation_months}个月内向{court}提起行政诉讼。"
)


@dataclass(frozen=True)
class LetterTemplate:
    title: str  # second line of the heading, after the agency's name
    short_title: str  # how the text refers to itself: 答复书, 告知书, 通知书, 回执
    paragraphs: tuple[str, ...]
    articles: tuple[str, ...] = ()  # procedural notices; a reply takes its outcome's articles
    to_applicant: bool = True  # letters to the applicant carry the contact line and the remedy clause


REPLY = "政府信息公开申请答复书"

TEMPLATES: dict[str, LetterTemplate] = {
    LetterKind.RECEIPT: LetterTemplate(
        "政府信息公开申请受理回执",
        "回执",
        (
            OPENING,
            "根据{basis}的规定，本机关收到申请之日为{received}。本机关将自收到申请之日起{reply_workdays}个工作日内"
            "作出答复（预计答复期限：{reply_due}）；需要延长答复期限的，将另行告知。",
            "您可以凭受理编号和查询码在本机关政府信息公开网站查询办理进度。",
        ),
        ("第三十一条", "第三十三条"),
    ),
    LetterKind.CORRECTION: LetterTemplate(
        "政府信息公开申请补正告知书",
        "告知书",
        (
            OPENING,
            "经审查，您的申请内容不明确，根据{basis}的规定，请您对下列事项作出补正：{correction_items}",
            "请您于{correction_deadline}前将补正后的申请提交本机关。答复期限自本机关收到补正后的申请之日起计算；"
            "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
        ),
        ("第二十九条", "第三十条"),
    ),
    LetterKind.EXTENSION: LetterTemplate(
        "政府信息公开申请延期答复告知书",
        "告知书",
        (
            OPENING,
            "因{extension_reason}，本机关不能在规定期限内作出答复。经本机关政府信息公开工作机构负责人同意，"
            "根据{basis}的规定，答复期限延长{extension_workdays}个工作日，本机关将于{reply_due}前作出答复。",
        ),
        ("第三十三条第二款",),
    ),
    LetterKind.CONSULTATION_THIRD_PARTY: LetterTemplate(
        "政府信息公开征求意见书",
        "征求意见书",
        (
            "本机关于{received}收到政府信息公开申请（受理编号：{reference}），申请获取“{request}”的政府信息。"
            "该信息可能涉及你方的商业秘密、个人隐私，公开后可能损害你方合法权益。",
            "根据{basis}的规定，现书面征求你方意见。请于收到本征求意见书之日起{consultation_workdays}个工作日内"
            "提出书面意见；同意公开的请注明，不同意公开的请说明理由。逾期未提出意见的，由本机关依照《中华人民共和国"
            "政府信息公开条例》的规定决定是否公开。",
            "联系人：{office}，联系电话：{telephone}，地址：{agency_address}。",
        ),
        ("第三十二条",),
        to_applicant=False,
    ),
    LetterKind.CONSULTATION_AGENCY: LetterTemplate(
        "政府信息公开征求意见函",
        "征求意见函",
        (
            "本机关于{received}收到政府信息公开申请（受理编号：{reference}），申请获取“{request}”的政府信息。"
            "该信息由本机关与贵机关共同制作。",
            "根据{basis}的规定，现征求贵机关意见。请于收到本函之日起{consultation_workdays}个工作日内提出意见，"
            "逾期未提出意见的视为同意公开。",
            "联系人：{office}，联系电话：{telephone}。",
        ),
        ("第三十四条",),
        to_applicant=False,
    ),
    LetterKind.REASONS: LetterTemplate(
        "政府信息公开申请说明理由告知书",
        "告知书",
        (
            OPENING,
            "经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据{basis}的规定，请您于{reasons_deadline}前"
            "向本机关说明理由。本机关认为理由不合理的，告知您不予处理；认为理由合理，但是无法在规定期限内答复的，"
            "将确定延迟答复的合理期限并告知您。",
        ),
        ("第三十五条",),
    ),
    LetterKind.FEE_NOTICE: LetterTemplate(
        "政府信息公开信息处理费收费通知书",
        "通知书",
        (
            OPENING,
            "根据{basis}的规定，本机关对您的申请按{fee_method}收取信息处理费，计费明细如下：{fee_breakdown}"
            "应缴金额合计人民币{fee_amount}元。",
            "请您自收到本通知书之日起{fee_payment_workdays}个工作日内缴纳，缴费后本机关出具财政票据。"
            "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
        ),
        ("第四十二条", "国办函〔2020〕109号"),
    ),
    LetterKind.REPLY_GRANTED: LetterTemplate(
        REPLY,
        "答复书",
        (
            OPENING_REPLY,
            "您申请获取的政府信息属于公开范围。根据{basis}的规定，本机关予以公开，"
            "现按照您要求的{carriers}形式向您提供{disclosed}（见附件）。",
        ),
    ),
    LetterKind.REPLY_PARTIALLY_GRANTED: LetterTemplate(
        REPLY,
        "答复书",
        (
            OPENING_REPLY,
            "您申请获取的政府信息中，{withheld_part}不予公开，其余部分能够作区分处理。根据{basis}的规定，"
            "本机关向您提供可以公开的部分{partial_given}（见附件），对不予公开的部分说明理由如下：{withheld_reason}。",
        ),
    ),
    LetterKind.REPLY_DENIED: LetterTemplate(
        REPLY,
        "答复书",
        (
            OPENING_REPLY,
            "您申请获取的政府信息{reason}。{withheld_reason_sentence}根据{basis}的规定，本机关决定不予公开。",
        ),
    ),
    LetterKind.REPLY_ADMIN_QUERY: LetterTemplate(
        REPLY,
        "答复书",
        (
            OPENING_REPLY,
            "您申请获取的信息属于行政查询事项，有关法律、行政法规对信息的获取有特别规定。根据{basis}的规定，"
            "请您按照有关法律、行政法规的规定办理。",
        ),
    ),
    LetterKind.REPLY_NOT_HELD: LetterTemplate(
        REPLY,
        "答复书",
        (
            OPENING_REPLY,
            "经检索查找，本机关未制作或者获取您申请获取的政府信息（或该信息不属于本机关负责公开）。"
            "根据{basis}的规定，本机关无法提供。{responsible_agency}",
        ),
    ),
    LetterKind.REPLY_NEEDS_CREATION: LetterTemplate(
        REPLY,
        "答复书",
        (
            OPENING_REPLY,
            "您申请获取的信息需要本机关对现有政府信息进行加工、分析方能形成。根据{basis}的规定，本机关不予提供。",
        ),
    ),
    LetterKind.REPLY_STILL_UNCLEAR: LetterTemplate(
        REPLY,
        "答复书",
        (
            OPENING_REPLY,
            "本机关已于{correction_requested_on}告知您补正申请，您补正后申请内容仍不明确，"
            "本机关无法确定您所需的政府信息。根据{basis}的规定，本机关无法提供。",
        ),
    ),
    LetterKind.REPLY_NOT_PROCESSED: LetterTemplate(
        REPLY,
        "答复书",
        (
            OPENING_REPLY,
            "经审查，您的申请属于“{reason}”的情形。根据{basis}的规定，本机关不予处理。",
        ),
    ),
    LetterKind.NOTICE_ABANDONED_NO_CORRECTION: LetterTemplate(
        "政府信息公开申请视为放弃告知书",
        "告知书",
        (
            OPENING,
            "本机关已于{correction_requested_on}告知您补正申请，补正期限至{correction_deadline}。您无正当理由"
            "逾期未补正，根据{basis}的规定，视为放弃申请，本机关不再处理该政府信息公开申请。",
        ),
    ),
    LetterKind.NOTICE_ABANDONED_UNPAID_FEE: LetterTemplate(
        "政府信息公开申请视为放弃告知书",
        "告知书",
        (
            OPENING,
            "本机关已向您发出信息处理费收费通知，您于{fee_notice_received_on}收到，缴费期限至{fee_payment_due}。"
            "您逾期未缴纳信息处理费，根据{basis}的规定，视为放弃申请，本机关不再处理该政府信息公开申请。",
        ),
    ),
    LetterKind.REPLY_OTHER: LetterTemplate(
        REPLY,
        "答复书",
        (OPENING_REPLY, "{other_decision}"),
    ),
}

# Every kind has a template, and every outcome's letter is a kind.
assert set(TEMPLATES) == set(LetterKind.values)
