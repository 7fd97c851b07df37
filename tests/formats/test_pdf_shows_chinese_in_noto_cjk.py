"""The PDF report: Chinese text that can be extracted, set in an embedded Noto CJK subset, on A4."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from gongkai.formats.cells import load_cells
from gongkai.formats.render.pdf import render_pdf


@pytest.fixture(scope="module")
def seed_pdf(seed_cells_path) -> PdfReader:
    narrative = {"一": "全年未发生依申请公开和申请行政复议、提起行政诉讼的情况。"}
    return PdfReader(BytesIO(render_pdf(load_cells(seed_cells_path), narrative, {"phone": "0577-61882068"})))


def test_the_chinese_text_can_be_extracted(seed_pdf):
    text = "".join(page.extract_text() for page in seed_pdf.pages)
    compact = "".join(text.split())
    for expected in (
        "乐清市退役军人事务局2020年政府信息公开工作年度报告",
        "收到和处理政府信息公开申请情况",
        "申请人情况",
        "其他对外管理服务事项",
        "9016",
        "全年未发生依申请公开",
        "未经复议直接起诉",
    ):
        assert expected in compact, expected


def test_the_fonts_are_embedded_noto_cjk_subsets(seed_pdf):
    names = set()
    for page in seed_pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            descendant = font["/DescendantFonts"][0].get_object()
            assert (
                "/FontFile3" in descendant["/FontDescriptor"] or "/FontFile2" in descendant["/FontDescriptor"]
            )
    assert names
    assert all("+" in name and "Noto" in name and "CJK" in name for name in names), names


def test_the_pages_are_a4(seed_pdf):
    for page in seed_pdf.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_both_formats_print(balanced, version):
    reader = PdfReader(BytesIO(render_pdf(balanced(version))))
    text = "".join("".join(p.extract_text().split()) for p in reader.pages)
    assert "本列数据的勾稽关系为" in text
