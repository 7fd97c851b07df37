"""What the online form tells an applicant about their personal data before they submit (PIPL arts. 14,
17): who handles it, for what, what is collected, how long it is kept, who to contact. The text shown is
stored with the application together with the moment of consent."""

from gongkai.agencies.models import Agency


def contact_line(agency: Agency) -> str:
    parts = [
        f"{label}{value}"
        for label, value in (
            ("电话：", agency.telephone),
            ("电子邮箱：", agency.email),
            ("地址：", agency.address),
        )
        if value
    ]
    office = agency.disclosure_office or agency.name
    return f"{office}（{'；'.join(parts)}）" if parts else office


def notice_paragraphs(agency: Agency) -> list[str]:
    years = agency.personal_data_retention_years
    kept = (
        f"申请办结后保存 {years} 年，期满后删除姓名、证件号码、联系方式和身份证明材料，只保留不含个人信息的办理记录用于年度报告统计。"
        if years
        else "按照档案管理规定保存；不再需要时删除姓名、证件号码、联系方式和身份证明材料，只保留不含个人信息的办理记录用于年度报告统计。"
    )
    return [
        f"处理者：{agency.name}。",
        "目的：仅用于办理本次政府信息公开申请——核实申请人身份（《中华人民共和国政府信息公开条例》第二十九条）、与您联系、送达答复，不作其他用途。",
        "收集的信息：姓名或名称、证件类型和号码（或统一社会信用代码）、联系人、联系电话、电子邮箱、通信地址、邮政编码，以及您上传的身份证明材料。证件号码、联系方式和身份证明材料加密保存，仅经授权的工作人员可以查看；不在网站公开，不向第三方提供，法律法规另有规定的除外。",
        f"保存期限：{kept}",
        f"您的权利：您可以查阅、复制、更正您的个人信息，或者要求说明处理规则；请联系{contact_line(agency)}。",
    ]


def notice_text(agency: Agency) -> str:
    return "\n".join(notice_paragraphs(agency))
