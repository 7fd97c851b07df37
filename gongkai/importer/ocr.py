"""Text recognition for scanned report pages: PDF pages that hold an image and no text layer.

The engine is RapidOCR on ONNX Runtime (PyPI `rapidocr-onnxruntime`, its PP-OCR Chinese models inside the
wheel: nothing is downloaded when it runs). docs/importing.md compares it with Tesseract on gongkai's own
reports rasterised. A page is rendered at RENDER_DPI by pdfium, recognised, and its words laid out like a
PDF's text layer, each keeping the engine's confidence: the table reader leaves a cell below
MIN_CONFIDENCE unread, and never takes a cell with nothing recognised in it for a blank one.
"""

from collections.abc import Callable
from contextvars import ContextVar
from functools import cache

from gongkai.importer.readers.layout import Word, lay_out
from gongkai.importer.source import Line

ENGINE = "RapidOCR"
RENDER_DPI = 200
# Below this confidence a recognised number is not taken: the cell is unread with the figure and the score.
MIN_CONFIDENCE = 0.9
# An annual report has ten to twenty pages; a scan much longer than this is not a report, and recognising
# it would hold the worker for most of an hour.
MAX_PAGES = 60


# Who wants to hear how far the recognition has got: (pages done, pages to do). The background reading
# sets it, so that the import's status page can say so.
PROGRESS: ContextVar[Callable[[int, int], None] | None] = ContextVar("ocr_progress", default=None)


class RecognitionUnavailable(ValueError):
    """The recognition engine is not installed here; the message says so in Chinese."""


@cache
def _engine():
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        raise RecognitionUnavailable(
            "文件中有扫描页（图片，没有文字层），本机未安装文字识别组件 rapidocr-onnxruntime（需要 Python 3.12），"
            "无法识别；请安装后重试，或提供文字版 PDF、Word 文件"
        ) from None
    return RapidOCR()


def recognise(image) -> list[Word]:
    """Words on an image (a PIL image or an array), in the image's pixels, with the engine's confidence."""
    found, _ = _engine()(image)
    words = []
    for box, text, score in found or ():
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        text = text.strip()
        if text:
            top, bottom = min(ys), max(ys)
            words.append(Word(text, min(xs), top, max(xs), bottom, bottom - top, float(score)))
    return words


def page_words(pdf, index: int) -> tuple[list[Word], float]:
    """The recognised words of one page, in PDF points like a text layer; and the page's width."""
    page = pdf[index]
    scale = RENDER_DPI / 72
    image = page.render(scale=scale, grayscale=True).to_pil()
    width = page.get_width()
    page.close()
    words = [
        Word(
            w.text, w.x0 / scale, w.top / scale, w.x1 / scale, w.bottom / scale, w.size / scale, w.confidence
        )
        for w in recognise(image)
    ]
    return words, width


def read_scanned_pages(data: bytes, numbers: list[int]) -> dict[int, list[Line]]:
    """page number (1-based) → the lines recognised on it."""
    import pypdfium2

    if len(numbers) > MAX_PAGES:
        raise RecognitionUnavailable(
            f"文件有 {len(numbers)} 页扫描图像，超过一次文字识别的上限 {MAX_PAGES} 页；年度报告通常不超过 20 页，"
            "请只上传年度报告本身"
        )
    _engine()  # fail early, with the reason, when the engine is missing
    pdf = pypdfium2.PdfDocument(data)
    try:
        out = {}
        report = PROGRESS.get()
        for done, number in enumerate(numbers):
            if report:
                report(done, len(numbers))
            words, width = page_words(pdf, number - 1)
            right = max((w.x1 for w in words), default=0)
            out[number] = [line for _, line in lay_out(words, number, width, [], right)]
        return out
    finally:
        pdf.close()
