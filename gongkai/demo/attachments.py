"""Attachments of the demo's published items, made here as real files: the measures as a PDF, an
application form as DOCX, a list of service points as XLSX and a flow chart as PNG shown inside the
interpretation's body. Real 政策文件 come with such files; the portal, the API and the archive show them."""

import io
from html import escape

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.disclosure.attachments import add_attachment
from gongkai.disclosure.models import Item

SERVICE_POINTS = [
    (
        "乐成街道便民服务中心",
        "乐清市乐成街道伯乐东路 888 号",
        "0577-62500001",
        "周一至周五 8:30-12:00、14:00-17:30",
    ),
    ("柳市镇便民服务中心", "乐清市柳市镇柳青路 8 号", "0577-61700002", "周一至周五 8:30-12:00、14:00-17:30"),
    ("虹桥镇便民服务中心", "乐清市虹桥镇虹北路 18 号", "0577-62600003", "周一至周五 8:30-12:00、14:00-17:30"),
    ("大荆镇便民服务中心", "乐清市大荆镇镇安路 6 号", "0577-62300004", "周一至周五 8:30-12:00、14:00-17:00"),
]
STEPS = ["提交申请", "窗口受理", "科室审核", "结果公示", "办结通知"]


def measures_name(topic: str) -> str:
    """The measures' name for a topic: 国有资产管理 gives 国有资产管理办法, not 国有资产管理管理办法."""
    return f"{topic}办法" if topic.endswith("管理") else f"{topic}管理办法"


def measures_pdf(agency_name: str, topic: str) -> bytes:
    from weasyprint import HTML  # heavy; loaded only when the demo is built

    articles = [
        f"为规范{topic}工作，根据有关法律法规，结合本市实际，制定本办法。",
        f"本办法适用于本市行政区域内的{topic}相关工作。",
        f"{agency_name}负责本办法的组织实施，各镇人民政府、街道办事处按照职责做好相关工作。",
        "申请人可以到就近的便民服务中心提交申请，也可以通过网上办事平台办理。",
        "本办法自印发之日起三十日后施行。",
    ]
    numerals = "一二三四五"
    body = "".join(f"<p><strong>第{numerals[n]}条</strong>　{escape(a)}</p>" for n, a in enumerate(articles))
    html = (
        "<html><head><meta charset='utf-8'><style>"
        "@page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }"
        "body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 16pt; line-height: 1.8; }"
        "h1 { font-size: 22pt; text-align: center; font-weight: normal; } p { text-indent: 2em; margin: 0; }"
        f"</style></head><body><h1>{escape(measures_name(topic))}</h1>{body}</body></html>"
    )
    return HTML(string=html).write_pdf()


def application_form_docx(topic: str) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(f"{topic}申请表", level=1)
    table = document.add_table(rows=5, cols=2)
    table.style = "Table Grid"
    for row, label in zip(
        table.rows, ["申请人（单位）", "联系电话", "联系地址", "申请事项", "申请日期"], strict=True
    ):
        row.cells[0].text = label
    document.add_paragraph("申请人承诺所填信息真实、准确。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def service_points_xlsx(topic: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "受理点"
    sheet.append([f"{topic}受理点一览表"])
    sheet.append(["序号", "受理点", "地址", "电话", "办公时间"])
    for n, point in enumerate(SERVICE_POINTS, start=1):
        sheet.append([n, *point])
    for column, width in zip("ABCDE", (6, 24, 36, 16, 34), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def flow_chart_png(topic: str) -> bytes:
    import cairosvg

    box, gap = 140, 30
    width = 40 + len(STEPS) * box + (len(STEPS) - 1) * gap
    boxes = []
    for n, step in enumerate(STEPS):
        x = 20 + n * (box + gap)
        boxes.append(
            f'<rect x="{x}" y="60" width="{box}" height="60" rx="8" fill="#eef3fb" stroke="#0b3d91" stroke-width="2"/>'
            f'<text x="{x + box / 2}" y="97" font-size="20" text-anchor="middle" fill="#1f1f1f">{escape(step)}</text>'
        )
        if n:
            boxes.append(
                f'<path d="M{x - gap + 2} 90 h{gap - 8} l-6 -6 m6 6 l-6 6" stroke="#0b3d91" fill="none" stroke-width="2"/>'
            )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="150" '
        "font-family=\"'Noto Sans CJK SC', sans-serif\">"
        f'<rect width="{width}" height="150" fill="#ffffff"/>'
        f'<text x="20" y="36" font-size="22" fill="#9b0a0f">{escape(topic)}办理流程</text>{"".join(boxes)}</svg>'
    )
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"))


def _attach(item: Item, name: str, content: bytes, actor):
    return add_attachment(item, SimpleUploadedFile(name, content), actor)


def attach_policy_files(policy: Item, interpretation: Item | None, topic: str, actor) -> None:
    """The measures (PDF), the application form (DOCX) and the service points (XLSX) on the policy; the
    flow chart (PNG) on its interpretation, shown in the body. Items that have attachments are left alone."""
    if not policy.attachments.exists():
        _attach(policy, f"{measures_name(topic)}.pdf", measures_pdf(policy.agency.name, topic), actor)
        _attach(policy, f"附件1：{topic}申请表.docx", application_form_docx(topic), actor)
        _attach(policy, f"附件2：{topic}受理点一览表.xlsx", service_points_xlsx(topic), actor)
    if interpretation is not None and not interpretation.attachments.exists():
        chart = _attach(interpretation, f"{topic}办理流程图.png", flow_chart_png(topic), actor)
        interpretation.body += (
            f'<h2>办理流程</h2><p><img src="/workspace/disclosure/{interpretation.pk}/attachments/{chart.pk}/"'
            f' alt="{escape(topic)}办理流程：{"、".join(STEPS)}"></p>'
        )
        interpretation.save(update_fields=["body"])
