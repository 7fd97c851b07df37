"""OFD reports (GB/T 33190, the national fixed-layout format, what many agencies' document systems export):
the text of every page with its place, laid out by position as a PDF's text layer is.

An OFD file is a ZIP of XML. OFD.xml names the document's root (DocRoot); the document lists its pages; each
page's content holds text objects, each with a boundary on the page (millimetres, y downwards), a font size,
an optional transformation, and text codes whose characters start at X, Y (the baseline, inside the
boundary) and advance by DeltaX (where “g 3 4.2” means three advances of 4.2). Characters that touch make
words, and the words go through the same layout as a PDF page (gongkai.importer.readers.layout), in points.

Text kept only as glyph numbers of an embedded font (no characters in the text codes) cannot be read here;
such a page is stated as having no text, as a scanned PDF page would be, and the file is refused.
"""

import posixpath
import re
import zipfile
from io import BytesIO
from xml.etree import ElementTree

from gongkai.importer.readers.layout import Word, lay_out
from gongkai.importer.source import Line, ReaderRefused, Source
from gongkai.security.archives import check_archive

POINTS_PER_MM = 72 / 25.4
WORD_GAP = 1.5  # points, as for a PDF's characters
ASCENT, DESCENT = 0.88, 0.12  # share of the font size above and below the baseline
_NAMESPACE = re.compile(r"^\{[^}]*\}")


class OfdError(ReaderRefused):
    """The OFD cannot be read; the message says why in Chinese."""


def _local(tag: str) -> str:
    return _NAMESPACE.sub("", tag)


def _children(element, name: str):
    return [child for child in element if _local(child.tag) == name]


def _first(element, path: str):
    for name in path.split("/"):
        found = _children(element, name) if element is not None else []
        element = found[0] if found else None
    return element


def _numbers(text: str | None) -> list[float]:
    try:
        return [float(v) for v in (text or "").split()]
    except ValueError:
        return []


def _box(element) -> list[float] | None:
    values = _numbers(element.text) if element is not None else []
    return values if len(values) == 4 else None


def _advances(delta: str | None) -> list[float]:
    """DeltaX as a list: “g N v” is N advances of v."""
    values, parts = [], (delta or "").split()
    i = 0
    while i < len(parts):
        if parts[i] == "g" and i + 2 < len(parts):
            try:
                values += [float(parts[i + 2])] * int(parts[i + 1])
            except ValueError:
                return values
            i += 3
            continue
        try:
            values.append(float(parts[i]))
        except ValueError:
            return values
        i += 1
    return values


def _xml(archive: zipfile.ZipFile, path: str):
    try:
        return ElementTree.fromstring(archive.read(path.lstrip("/")))
    except KeyError:
        raise OfdError(f"OFD 文件缺少 {path}，文件不完整") from None
    except ElementTree.ParseError:
        raise OfdError(f"OFD 文件中的 {path} 已损坏") from None


def _resolve(base: str, location: str) -> str:
    location = location.strip()
    if location.startswith("/"):
        return location.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), location))


def _word(text: str, x0: float, x1: float, baseline: float, height: float) -> Word:
    """A word from millimetres on the page to the points the layout works in."""
    top, bottom = baseline - ASCENT * height, baseline + DESCENT * height
    return Word(
        text.strip(),
        x0 * POINTS_PER_MM,
        top * POINTS_PER_MM,
        x1 * POINTS_PER_MM,
        bottom * POINTS_PER_MM,
        max((bottom - top) * POINTS_PER_MM, 1.0),
    )


def _code_words(
    text: str, x: float, y: float, advances: list[float], size: float, height: float, place
) -> tuple[list, float]:
    """Words of one text code, and where its pen ends; `size` is the font size in the text object's own
    units, `height` on the page. `place(x, y)` maps a point of the text object onto
    the page; characters closer than WORD_GAP, or after a space the text holds, join the word before."""
    words, current = [], None  # current: [text, x0, x1, baseline]
    pen = x
    for i, char in enumerate(text):
        advance = advances[i] if i < len(advances) else size
        left, baseline = place(pen, y)
        right = place(pen + size * 0.95, y)[0]
        if char == " " and current:
            current[0] += " "  # a space the text holds (“信息 120 条”) stays inside the word
        elif not char.strip():
            if current and current[0].strip():
                words.append(_word(current[0], current[1], current[2], current[3], height))
            current = None
        elif current and ((left - current[2]) * POINTS_PER_MM <= WORD_GAP or current[0].endswith(" ")):
            current[0] += char
            current[2] = max(current[2], right)
        else:
            if current and current[0].strip():
                words.append(_word(current[0], current[1], current[2], current[3], height))
            current = [char, left, right, baseline]
        pen += advance
    if current and current[0].strip():
        words.append(_word(current[0], current[1], current[2], current[3], height))
    return words, pen


def _page_words(content) -> list[Word]:
    words: list[Word] = []
    for text_object in content.iter():
        if _local(text_object.tag) != "TextObject":
            continue
        boundary = _numbers(text_object.get("Boundary"))
        if len(boundary) != 4:
            continue
        ctm = _numbers(text_object.get("CTM"))
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1, 0, 0, 1, 0, 0)
        size = float(text_object.get("Size") or 3.5)
        height = size * (abs(d) or 1)

        def place(px, py, a=a, b=b, c=c, d=d, e=e, f=f, origin=boundary):
            return origin[0] + a * px + c * py + e, origin[1] + b * px + d * py + f

        x = y = 0.0
        for code in _children(text_object, "TextCode"):
            x, y = float(code.get("X", x)), float(code.get("Y", y))
            found, x = _code_words(code.text or "", x, y, _advances(code.get("DeltaX")), size, height, place)
            words += found
    return words


def read_ofd(data: bytes) -> Source:
    check_archive(data, "OFD 文件")
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile:
        raise OfdError("OFD 文件已损坏或不完整") from None
    with archive:
        names = {n.lower(): n for n in archive.namelist()}
        root_name = names.get("ofd.xml") or next(
            (n for k, n in names.items() if k.endswith("/ofd.xml")), None
        )
        if root_name is None:
            raise OfdError("不是有效的 OFD 文件（缺少 OFD.xml）")
        root = _xml(archive, root_name)
        doc_root = _first(root, "DocBody/DocRoot")
        if doc_root is None or not (doc_root.text or "").strip():
            raise OfdError("OFD 文件没有指明文档（DocRoot）")
        document_path = _resolve(root_name, doc_root.text)
        document = _xml(archive, document_path)
        default_box = _box(_first(document, "CommonData/PageArea/PhysicalBox"))
        pages: list[list[Line]] = []
        empty = []
        for number, page in enumerate(_children(_first(document, "Pages"), "Page"), 1):
            location = page.get("BaseLoc")
            if not location:
                continue
            content_path = _resolve(document_path, location)
            content = _xml(archive, content_path)
            box = _box(_first(content, "Area/PhysicalBox")) or _box(_first(content, "Area/ApplicationBox"))
            width_mm = (box or default_box or [0, 0, 210, 297])[2]
            words = _page_words(content)
            if not words:
                empty.append(number)
                continue
            right = max(w.x1 for w in words)
            laid = lay_out(words, number, width_mm * POINTS_PER_MM, [], right)
            pages.append([line for _, line in sorted(laid, key=lambda p: p[0])])
    lines = [line for page in pages for line in page]
    if not lines:
        raise OfdError(
            "OFD 文件中没有可提取的文字（文字可能只以字形编号保存，或是扫描图片）；请另存为 PDF 再导入"
        )
    return Source("ofd", lines)
