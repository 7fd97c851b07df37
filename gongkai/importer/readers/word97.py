"""Word 97–2003 (.doc) and WPS 文字 reports saved in that format: paragraphs as lines, table rows as rows.

Many agencies still publish their reports as .doc. The file is an OLE container; its text is stored in
pieces listed in the piece table, each either 8-bit (cp1252) or UTF-16. Paragraph, cell and row ends are
characters of that text (``\\r`` ends a paragraph, ``\\x07`` ends a cell), and a row end is told from a cell
end only by the paragraph's properties (the “table terminating paragraph” flag), so those are read too.
The layout follows [MS-DOC]: the FIB at the start of the WordDocument stream points into the table stream.

Vertically merged cells are stored as empty cells on every row they continue; the row's definition marks
them, and they are left out as the Word reader leaves out a .docx's continuation cells.
"""

import struct
from bisect import bisect_right
from io import BytesIO

import olefile

from gongkai.importer.source import BLANK, CELL, Line, ReaderRefused, Source, Token, Where, text_line

WORD_MAGIC = 0xA5EC
ENCRYPTED = 0x0100
TABLE_STREAM_1 = 0x0200
# Indices of (fc, lcb) pairs in FibRgFcLcb97.
PLCF_BTE_PAPX, CLX = 13, 33
# Paragraph properties: inside a table, and the end of a row (outer and nested tables).
SPRM_IN_TABLE, SPRM_TTP, SPRM_INNER_TTP = 0x2416, 0x2417, 0x244C
SPRM_TABLE_DEFINITION, SPRM_TAB_CHANGE = 0xD608, 0xC615
# A paragraph whose properties do not fit its page (a wide row's definition) keeps them in the Data stream.
SPRM_HUGE_PAPX = 0x6646
OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
CELL_END, PARAGRAPH_END = "\x07", "\r"
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
# Characters that stand for objects or layout, not text.
DROPPED = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x06\x08\x1f"), None) | {
    0x0B: "\n",
    0x0C: None,
    0x1E: "-",
    0xA0: " ",
}
LIMIT = 50_000_000  # characters: a document claiming more is damaged or hostile


class WordDocumentError(ReaderRefused):
    """The .doc cannot be read; the message says why in Chinese."""


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from("<H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    return struct.unpack_from("<I", data, at)[0]


def _fib(word: bytes) -> tuple[bool, int, list[tuple[int, int]]]:
    """(table stream is 1Table, characters of main text, the fc/lcb pairs) from the FIB."""
    if len(word) < 0x22 or _u16(word, 0) != WORD_MAGIC:
        raise WordDocumentError("文件不是有效的 Word 97–2003 文档")
    flags = _u16(word, 0x0A)
    if flags & ENCRYPTED:
        raise WordDocumentError("文档设有打开密码（已加密）；请取消密码后另存再导入")
    at = 0x20
    csw = _u16(word, at)
    at += 2 + csw * 2
    cslw = _u16(word, at)
    lw = at + 2
    text_characters = _u32(word, lw + 3 * 4)  # FibRgLw97.ccpText
    at = lw + cslw * 4
    count = _u16(word, at)
    at += 2
    pairs = [(_u32(word, at + i * 8), _u32(word, at + i * 8 + 4)) for i in range(count)]
    return bool(flags & TABLE_STREAM_1), text_characters, pairs


def _pieces(table: bytes, fc: int, lcb: int) -> list[tuple[int, int, int, bool]]:
    """(first cp, last cp, file offset, 8-bit) for each piece of the text, from the Clx."""
    at, end = fc, fc + lcb
    while at < end and table[at] == 0x01:  # Prc: property modifiers of the pieces, not needed here
        at += 3 + struct.unpack_from("<h", table, at + 1)[0]
    if at >= end or table[at] != 0x02:
        raise WordDocumentError("文档的文字索引（piece table）缺失或损坏")
    size = _u32(table, at + 1)
    plc = table[at + 5 : at + 5 + size]
    count = (size - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces = []
    for i in range(count):
        raw = _u32(plc, (count + 1) * 4 + i * 8 + 2)
        compressed = bool(raw & 0x40000000)
        offset = (raw & 0x3FFFFFFF) // 2 if compressed else raw & 0x3FFFFFFF
        pieces.append((cps[i], cps[i + 1], offset, compressed))
    return pieces


def _text(word: bytes, pieces, limit: int) -> tuple[str, list[int]]:
    """The main text and, for each of its characters, its offset in the WordDocument stream."""
    chars: list[str] = []
    offsets: list[int] = []
    for first, last, offset, compressed in pieces:
        if first >= limit:
            break
        last = min(last, limit)
        n = last - first
        if n <= 0:
            continue
        width = 1 if compressed else 2
        raw = word[offset : offset + n * width]
        text = (
            raw.decode("cp1252", errors="replace")
            if compressed
            else raw.decode("utf-16-le", errors="replace")
        )
        chars.extend(text)
        offsets.extend(range(offset, offset + len(text) * width, width))
    return "".join(chars), offsets


def _sprms(grpprl: bytes):
    at = 0
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == SPRM_TABLE_DEFINITION:
                size = _u16(grpprl, at) + 1
            elif sprm == SPRM_TAB_CHANGE and at < len(grpprl) and grpprl[at] == 255:
                size = len(grpprl) - at  # a rare long form; nothing after it concerns rows
            else:
                size = grpprl[at] + 1 if at < len(grpprl) else 0
        else:
            size = OPERAND_SIZE[spra]
        yield sprm, grpprl[at : at + size]
        at += size


def _properties(grpprl: bytes, data: bytes) -> tuple[set[int], frozenset[int]]:
    """The paragraph's on/off properties that are on, and, for a row end, the cells (0-based) that continue
    a vertical merge from the row above. A huge-PAPX reference is followed into the Data stream."""
    flags, continued = set(), frozenset()
    for sprm, value in _sprms(grpprl):
        if sprm == SPRM_HUGE_PAPX and len(value) == 4:
            at = _u32(value, 0)
            if at + 2 <= len(data):
                more, merged = _properties(data[at + 2 : at + 2 + _u16(data, at)], b"")
                flags |= more
                continued = continued or merged
        elif sprm == SPRM_TABLE_DEFINITION:
            continued = _continued_cells(value)
        elif value[:1] == b"\x01":
            flags.add(sprm)
    return flags, continued


def _continued_cells(operand: bytes) -> frozenset[int]:
    """From a row's definition (cb, column count, cell edges, then 20 bytes per cell): the cells whose
    vertical-merge bits say “merged with the cell above”."""
    if len(operand) < 3:
        return frozenset()
    columns = operand[2]
    at = 3 + (columns + 1) * 2
    continued = set()
    for cell in range(columns):
        if at + cell * 20 + 2 > len(operand):
            break
        if (_u16(operand, at + cell * 20) >> 5) & 0b11 == 1:
            continued.add(cell)
    return frozenset(continued)


def _table_paragraphs(word: bytes, table: bytes, data: bytes, fc: int, lcb: int) -> tuple["Ranges", "Ranges"]:
    """File-offset ranges of paragraphs inside a table, and of those that end a row (the row-end \\x07),
    each row end with the cells it continues from the row above."""
    inside, row_ends = [], []
    if lcb < 8:
        return Ranges(inside), Ranges(row_ends)
    count = (lcb - 4) // 8
    pages = struct.unpack_from(f"<{count}I", table, fc + (count + 1) * 4)
    for page in pages:
        fkp = word[(page & 0x3FFFFF) * 512 :][:512]
        if len(fkp) < 512:
            continue
        runs = fkp[511]
        fcs = struct.unpack_from(f"<{runs + 1}I", fkp, 0)
        for i in range(runs):
            offset = fkp[(runs + 1) * 4 + i * 13] * 2
            if not offset:
                continue
            size = fkp[offset]
            start = offset + 1
            if size == 0:
                size, start = fkp[offset + 1] * 2, offset + 2
            else:
                size = size * 2 - 1
            grpprl = fkp[start + 2 : start + size]  # after the 2-byte style index
            flags, continued = _properties(grpprl, data)
            if flags & {SPRM_TTP, SPRM_INNER_TTP}:
                row_ends.append((fcs[i], fcs[i + 1], continued))
            elif SPRM_IN_TABLE in flags:
                inside.append((fcs[i], fcs[i + 1], frozenset()))
    return Ranges(inside), Ranges(row_ends)


class Ranges:
    """Sorted, non-overlapping [start, end) ranges of file offsets, each with what is known of it."""

    def __init__(self, ranges: list[tuple[int, int, frozenset[int]]]):
        self.ranges = sorted(ranges, key=lambda r: r[0])
        self.starts = [r[0] for r in self.ranges]

    def find(self, offset: int) -> frozenset[int] | None:
        k = bisect_right(self.starts, offset) - 1
        return self.ranges[k][2] if k >= 0 and offset < self.ranges[k][1] else None

    def __contains__(self, offset: int) -> bool:
        return self.find(offset) is not None


def _without_fields(text: str) -> str:
    """A field shows its result: the instructions between its begin and separator marks are dropped."""
    if FIELD_BEGIN not in text:
        return text
    out, depth_hidden = [], []
    for ch in text:
        if ch == FIELD_BEGIN:
            depth_hidden.append(True)
        elif ch == FIELD_SEPARATOR and depth_hidden:
            depth_hidden[-1] = False
        elif ch == FIELD_END and depth_hidden:
            depth_hidden.pop()
        elif not any(depth_hidden):
            out.append(ch)
    return "".join(out)


def _clean(text: str) -> str:
    return _without_fields(text).translate(DROPPED).strip()


def read_doc(data: bytes) -> Source:
    try:
        ole = olefile.OleFileIO(BytesIO(data))
    except OSError:
        raise WordDocumentError(
            "文件已损坏或不完整，无法读取；请用 WPS 或 Office 另存为 .docx 或 PDF 再导入"
        ) from None
    with ole:
        if not ole.exists("WordDocument"):
            raise WordDocumentError("文件中没有 Word 文档内容（可能是 Excel 或其他 Office 文件）")
        word = ole.openstream("WordDocument").read()
        one_table, characters, pairs = _fib(word)
        name = "1Table" if one_table else "0Table"
        if not ole.exists(name) or len(pairs) <= CLX:
            raise WordDocumentError("文档的表格流缺失；请用 WPS 或 Office 另存为 .docx 再导入")
        table = ole.openstream(name).read()
        data_stream = ole.openstream("Data").read() if ole.exists("Data") else b""
    if characters > LIMIT:
        raise WordDocumentError("文档声明的文字长度异常（可能已损坏）")
    text, offsets = _text(word, _pieces(table, *pairs[CLX]), characters)
    inside, row_ends = _table_paragraphs(word, table, data_stream, *pairs[PLCF_BTE_PAPX])
    lines: list[Line] = []
    paragraphs = tables = rows = 0
    cells: list[str] = []
    buffer: list[str] = []
    in_table = False
    for ch, offset in zip(text, offsets, strict=True):
        if ch == CELL_END and offset in row_ends:
            if not in_table:
                tables, rows, in_table = tables + 1, 0, True
            rows += 1
            lines.append(_row(cells, row_ends.find(offset), tables, rows))
            cells, buffer = [], []
        elif ch == CELL_END:
            cells.append(_clean("".join(buffer)))
            buffer = []
        elif ch == PARAGRAPH_END and offset in inside:
            buffer.append("\n")  # a paragraph inside a cell: the cell goes on
        elif ch == PARAGRAPH_END:
            content = _clean("".join(buffer))
            buffer, in_table = [], False
            paragraphs += 1
            if content:
                lines.append(text_line(content, Where(paragraph=paragraphs)))
        else:
            buffer.append(ch)
    tail = _clean("".join(buffer + cells))
    if tail:
        lines.append(text_line(tail, Where(paragraph=paragraphs + 1)))
    return Source("doc", lines)


def _row(cells: list[str], continued: frozenset[int], table: int, row: int) -> Line:
    """A table row; cells that only continue a merge from the row above are left out, as Word shows them."""
    tokens = [
        Token(text, Where(table=table, row=row, col=col + 1), CELL if text else BLANK)
        for col, text in enumerate(cells)
        if not (col in continued and not text)
    ]
    return Line(tokens, structured=True, where=Where(table=table, row=row))
