"""Lines and cells from words placed on a page: the text layer of a PDF, or what text recognition found.

A table without rules comes out of a PDF as words with coordinates, and the words of one cell are not
always on one line: a header wraps in a narrow column (“结果 / 维持”), a row label wraps (“2.没有现成信息需要 /
另行制作”) and its numbers sit halfway between its two lines. So words are first stacked into the cells
they belong to (one below the other, aligned, close, the lower one not starting a new numbered row), then
cells whose middles are level form a line, and a line is cut into cells at wide gaps and around numbers.
Every token keeps its box, so the table reader can place a number under its column by position.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from gongkai.importer.source import CELL, Line, Token, Where

# A line ending this close to the right margin (in character widths) continues on the next line,
# unless it ends a sentence or the next line starts a heading.
FULL_LINE = 1.5
_ENDS_SENTENCE = re.compile(r"[。：:；;！!？?）)]$")
_STARTS_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?\d+(?:\s*页)?(?:\s*/\s*共?\s*\d+\s*页)?[-—–－\s]*$")
# A gap wider than this many character heights separates two cells of a line.
CELL_GAP = 1.8
# Words whose middles are within this share of a character height are on one line.
LEVEL = 0.45
# Stacked words: the lower one starts within this share of a character height below the upper one.
STACK_GAP = 0.6
# A cell stacked from more lines than this (in character heights) is not looked for.
STACK_REACH = 8
_NUMBER = re.compile(r"^[+\-−增减]?\d[\d,]*(?:\.\d+)?(?:万元|万|元|件|个|项)?$|^[/—\-–]+$")
_CJK = re.compile(r"[\u3400-\u9fff（）“”]")
# A number stands apart from its neighbours by this many character heights when it is a cell of its own,
# and not a figure inside a sentence (“公开政府信息 120 条”).
NUMBER_GAP = 0.8
# Two Chinese words this far apart are two cells: running Chinese text has no gaps between its characters.
CJK_GAP = 0.6
_SIGN = re.compile(r"^[增减+\-−]$")
# The start of a row or heading: a word that begins so is never stacked under the word above.
_NUMBERED = re.compile(r"^(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    confidence: float | None = None  # text recognition's confidence (0–1); None for a PDF's text layer

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def numeric(self) -> bool:
        return bool(_NUMBER.match(self.text))


class _Numbers:
    """The page's numeric words by their middles, to ask quickly which words have numbers level with them."""

    def __init__(self, words: list[Word]):
        self.words = sorted((w for w in words if w.numeric), key=lambda w: w.middle)
        self.middles = [w.middle for w in self.words]

    def level_with(self, word: Word) -> bool:
        """Numbers on the word's own line, to its right: the word is a row's whole label."""
        reach = LEVEL * word.size
        start = bisect_left(self.middles, word.middle - reach)
        end = bisect_right(self.middles, word.middle + reach)
        return any(n.x0 > word.x1 for n in self.words[start:end])


def _stacks_on(upper: Word, lower: Word, narrow: float, numbers: _Numbers) -> bool:
    gap = lower.top - upper.bottom
    if not -0.3 * upper.size <= gap <= STACK_GAP * upper.size:
        return False
    if upper.numeric or lower.numeric or _NUMBERED.match(lower.text):
        return False
    if upper.width > narrow or lower.width > narrow or re.search(r"[。；;：:]$", upper.text):
        return False
    if numbers.level_with(upper) or numbers.level_with(lower):
        return False  # a row's label with its numbers: the other word belongs to the row above or below
    same_start = abs(upper.x0 - lower.x0) <= 1.0 * upper.size
    same_middle = abs((upper.x0 + upper.x1) - (lower.x0 + lower.x1)) / 2 <= 0.5 * min(
        upper.width, lower.width
    )
    return same_start or same_middle


def stack(words: list[Word], page_width: float) -> list[Word]:
    """Words of one cell written on several lines, joined top to bottom into one word."""
    narrow = 0.3 * page_width
    words = sorted(words, key=lambda w: (w.top, w.x0))
    numbers = _Numbers(words)
    merged: list[Word] = []  # in the order of their tops, as the words come
    for word in words:
        for i in range(len(merged) - 1, -1, -1):
            upper = merged[i]
            if upper.top < word.top - STACK_REACH * word.size:
                merged.append(word)  # nothing further up can end just above this word
                break
            if (
                _stacks_on(upper, word, narrow, numbers)
                and not _others_between(merged, upper, word)
                and not _spans_several(upper, word, words)
            ):
                merged[i] = replace(
                    upper,
                    text=upper.text + word.text,
                    x0=min(upper.x0, word.x0),
                    x1=max(upper.x1, word.x1),
                    bottom=word.bottom,
                    confidence=_lowest(upper.confidence, word.confidence),
                )
                break
        else:
            merged.append(word)
    return merged


def _others_between(merged: list[Word], upper: Word, lower: Word) -> bool:
    """Another word in the same column between the two: they are not one cell."""
    return any(
        w is not upper and upper.bottom <= w.top < lower.top and w.x0 < lower.x1 and lower.x0 < w.x1
        for w in merged
    )


def _spans_several(upper: Word, lower: Word, words: list[Word]) -> bool:
    """The upper word stands over several words of the lower one's line: a group header, not a wrap."""
    below = [
        w
        for w in words
        if abs(w.middle - lower.middle) <= LEVEL * lower.size and w.x0 < upper.x1 and upper.x0 < w.x1
    ]
    return len(below) > 1


def _lowest(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else min(a, b)


def level_lines(words: list[Word]) -> list[list[Word]]:
    """Words whose middles are level, left to right, top to bottom."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.middle):
        if lines:
            line = lines[-1]
            middle = sum(w.middle for w in line) / len(line)
            if abs(word.middle - middle) <= LEVEL * max(word.size, line[0].size):
                line.append(word)
                continue
        lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def cells_of(line: list[Word]) -> list[Word]:
    """A line's words joined into cells: a wide gap separates cells, and so does a gap before a number that
    stands apart, or between two Chinese words, or before a numbered label (“（三）不予公开 | 4.保护…”);
    “增 5” stays one cell."""
    cells: list[Word] = []
    for word in line:
        if cells:
            last = cells[-1]
            gap = word.x0 - last.x1
            size = max(word.size, last.size)
            apart = (
                gap > CELL_GAP * size
                or ((word.numeric or last.numeric) and gap > NUMBER_GAP * size)
                or (_CJK.match(last.text[-1]) and _CJK.match(word.text[0]) and gap > CJK_GAP * size)
                or bool(_NUMBERED.match(word.text))
            )
            signed = _SIGN.match(last.text) and word.numeric
            if signed or not apart:
                spacer = " " if gap > 0.2 * word.size and not signed else ""
                cells[-1] = replace(
                    last,
                    text=last.text + spacer + word.text,
                    x1=word.x1,
                    top=min(last.top, word.top),
                    bottom=max(last.bottom, word.bottom),
                    confidence=_lowest(last.confidence, word.confidence),
                )
                continue
        cells.append(word)
    return cells


def split_numbers(words: list[Word]) -> list[Word]:
    """A word of space-separated numbers (“0 0 1 0”) is one word per number, each with its share of the box."""
    out = []
    for word in words:
        parts = word.text.split()
        if len(parts) > 1 and all(_NUMBER.match(p) for p in parts):
            per_char = word.width / max(len(word.text), 1)
            at = 0
            for part in parts:
                start = word.text.index(part, at)
                at = start + len(part)
                out.append(
                    replace(word, text=part, x0=word.x0 + start * per_char, x1=word.x0 + at * per_char)
                )
        else:
            out.append(word)
    return out


def token_of(word: Word, where: Where) -> Token:
    return Token(
        word.text, where, CELL, box=(word.x0, word.top, word.x1, word.bottom), confidence=word.confidence
    )


def page_lines(words: list[Word], page: int, page_width: float) -> list[tuple[float, Line, float]]:
    """(top, Line, right edge) for each line of the page's words, in reading order."""
    out = []
    for n, line in enumerate(level_lines(stack(split_numbers(words), page_width)), 1):
        cells = cells_of(line)
        where = Where(page=page, line=n)
        if len(cells) > 1:
            tokens = [token_of(c, Where(page=page, line=n, col=j + 1)) for j, c in enumerate(cells)]
            out.append((min(c.top for c in cells), Line(tokens, structured=True, where=where), cells[-1].x1))
        else:
            out.append(
                (cells[0].top, Line([token_of(cells[0], where)], structured=False, where=where), cells[0].x1)
            )
    return out


def lay_out(
    words: list[Word], number: int, page_width: float, table_tops: list[float], right: float
) -> list[tuple[float, Line]]:
    """Lines of a page's words (outside its ruled tables), paragraphs that wrap joined again."""
    placed: list[tuple[float, Line]] = []
    previous: dict | None = None  # the last single-cell text line, while its paragraph may continue
    for top, line, line_right in page_lines(words, number, page_width):
        if line.structured:
            placed.append((top, line))
            previous = None
            continue
        token = line.tokens[0]
        text = token.text
        if _PAGE_NUMBER.match(text):
            continue
        size = (token.box[3] - token.box[1]) if token.box else 10
        continues = (
            previous is not None
            and previous["full"]
            and not _STARTS_HEADING.match(text)
            and not any(previous["top"] < t < top for t in table_tops)
        )
        if continues:
            joined = previous["line"].tokens[0]
            previous["line"].tokens[0] = Token(joined.text + text, joined.where, box=joined.box)
        else:
            placed.append((top, line))
            previous = {"line": line, "top": top}
        previous["full"] = line_right >= right - FULL_LINE * size and not _ENDS_SENTENCE.search(text)
        previous["top"] = top
    return placed
