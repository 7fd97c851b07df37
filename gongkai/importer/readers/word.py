"""Word (.docx) reports: body paragraphs as lines, table rows as rows, merged cells once.

A vertically merged cell appears in Word's XML on every row it covers; only its first row (the
“restart”) holds the text, so the continuation rows are skipped rather than read as blanks.
"""

from io import BytesIO

from docx import Document
from docx.oxml.ns import qn

from gongkai.importer.source import BLANK, CELL, Line, Source, Token, Where, text_line
from gongkai.security.archives import check_archive

P, TBL, TR, TC, T, TAB, BR = (qn(f"w:{t}") for t in ("p", "tbl", "tr", "tc", "t", "tab", "br"))
SDT_CONTENT = qn("w:sdtContent")


def _paragraph_text(p) -> str:
    out = []
    for node in p.iter(T, TAB, BR):
        out.append(node.text or "" if node.tag == T else " " if node.tag == TAB else "\n")
    return "".join(out).strip()


def _blocks(parent):
    """Paragraphs and tables in document order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag in (P, TBL):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


def _span(tc) -> int:
    pr = tc.tcPr
    span = pr.find(qn("w:gridSpan")) if pr is not None else None
    return int(span.get(qn("w:val"))) if span is not None else 1


def _continues_merge(tc) -> bool:
    pr = tc.tcPr
    merge = pr.find(qn("w:vMerge")) if pr is not None else None
    return merge is not None and merge.get(qn("w:val")) != "restart"


def read_docx(data: bytes) -> Source:
    check_archive(data, "Word 文档")
    document = Document(BytesIO(data))
    lines: list[Line] = []
    paragraphs = tables = 0
    for block in _blocks(document.element.body):
        if block.tag == P:
            paragraphs += 1
            text = _paragraph_text(block)
            if text:
                lines.append(text_line(text, Where(paragraph=paragraphs)))
            continue
        tables += 1
        for r, tr in enumerate(block.iter(TR)):
            tokens, col = [], 0
            for tc in tr.iterchildren(TC):
                span = _span(tc)
                if not _continues_merge(tc):
                    text = "\n".join(t for t in (_paragraph_text(p) for p in tc.iter(P)) if t)
                    where = Where(table=tables, row=r + 1, col=col + 1)
                    tokens.append(Token(text, where, CELL if text else BLANK))
                col += span
            if tokens:
                lines.append(Line(tokens, structured=True, where=Where(table=tables, row=r + 1)))
    return Source("docx", lines)
