"""HTML reports (a saved web page, or gongkai's own HTML): paragraphs as lines, table rows as rows.

Pages often lay themselves out with tables; a table that holds other tables is read as a container,
so only the innermost tables count as report tables.
"""

import re

from lxml import etree
from lxml import html as lxml_html

from gongkai.importer.sniff import decode_text
from gongkai.importer.source import BLANK, CELL, Line, Source, Token, Where, text_line

SKIP = {"script", "style", "noscript", "template", "head", "select", "button", "svg"}
BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "h1", "h2", "h3", "h4",
    "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "caption", "figure", "figcaption",
    "form", "fieldset", "address", "center", "body",
}  # fmt: skip
_SPACE = re.compile(r"[ \t\r\n\f\u00a0\u3000]+")


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class _Walker:
    def __init__(self):
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.buffer_line: int | None = None
        self.tables = 0

    def flush(self) -> None:
        text = _clean("".join(self.buffer))
        if text:
            self.lines.append(text_line(text, Where(line=self.buffer_line)))
        self.buffer, self.buffer_line = [], None

    def add(self, text: str | None, line: int | None) -> None:
        if text:
            if self.buffer_line is None and text.strip():
                self.buffer_line = line
            self.buffer.append(text)

    def walk(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in SKIP or not tag:
            return
        if tag == "table":
            self.flush()
            if el.xpath(".//td//table | .//th//table"):
                self._container(el)
            else:
                self._table(el)
            return
        if tag == "br":
            self.flush()
            return
        block = tag in BLOCKS
        if block:
            self.flush()
        self.add(el.text, el.sourceline)
        for child in el:
            self.walk(child)
            self.add(child.tail, child.sourceline)
        if block:
            self.flush()

    def _container(self, table) -> None:
        for cell in table.xpath("./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th"):
            self.flush()
            self.walk_children(cell)
            self.flush()

    def walk_children(self, el) -> None:
        self.add(el.text, el.sourceline)
        for child in el:
            self.walk(child)
            self.add(child.tail, child.sourceline)

    def _table(self, table) -> None:
        self.tables += 1
        for caption in table.xpath("./caption"):
            self.add(caption.text_content(), caption.sourceline)
            self.flush()
        taken: dict[tuple[int, int], bool] = {}  # grid places covered by an earlier row's rowspan
        rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        for r, tr in enumerate(rows):
            tokens, col = [], 0
            for cell in tr.xpath("./td | ./th"):
                while taken.get((r, col)):
                    col += 1
                rowspan, colspan = _span(cell.get("rowspan")), _span(cell.get("colspan"))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        taken[(r + dr, col + dc)] = True
                text = _clean(cell.text_content())
                where = Where(line=cell.sourceline, table=self.tables, row=r + 1, col=col + 1)
                tokens.append(Token(text, where, CELL if text else BLANK))
                col += colspan
            if tokens:
                self.lines.append(
                    Line(
                        tokens, structured=True, where=Where(line=tr.sourceline, table=self.tables, row=r + 1)
                    )
                )


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.I)


def read_html(data: bytes) -> Source:
    """The page decoded by what it is (BOM, declared charset, UTF-8 or a guess), not by lxml's default."""
    decoded = decode_text(data)
    text = _XML_DECLARATION.sub("", decoded.text.lstrip("\ufeff"))
    try:
        document = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise ValueError(f"HTML 无法解析：{e}") from None
    walker = _Walker()
    body = document.find("body")
    walker.walk(body if body is not None else document)
    walker.flush()
    return Source("html", walker.lines, encoding=decoded.encoding)
