"""Marking query words in the ORIGINAL text (not in the tokens), escaping everything else.

The text is escaped piece by piece around the matches, so a title containing <script> comes out as
&lt;script&gt; with only our own <mark> elements live.

A results page marks the same words in forty texts, so the words are compiled once per search into a
`Marker`: one pattern finds every place where any word starts (longest word first, case ignored), and
overlapping or touching matches become one mark.
"""

import re
from html import escape

from django.utils.safestring import SafeString

from gongkai.rules.punctuation import balanced_cut

# Characters html.escape changes; text without any of them (most titles) is used as it is.
_ESCAPED = re.compile("[&<>\"']")


def _escaped(text: str) -> str:
    return escape(text) if _ESCAPED.search(text) else text


def _may_overlap(words: list[str]) -> bool:
    """Whether two occurrences of these words (one word twice included) can overlap without one holding
    the other: the end of one word is the start of another."""
    for first in words:
        for second in words:
            for size in range(1, min(len(first), len(second))):
                if first[-size:] == second[:size]:
                    return True
    return False


# Beyond this many characters of words the overlap check above is not worth making.
QUICK_WORDS_LENGTH = 200


class Marker:
    """The words of one search, ready to mark in any number of texts."""

    def __init__(self, words: list[str]):
        wanted = sorted({word.lower() for word in words if word}, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, wanted))
        # A lookahead matches at every position, so a word inside or across another is found too.
        self.pattern = re.compile(f"(?=({alternatives}))", re.IGNORECASE) if wanted else None
        # Where no two words can overlap, marking the longest word at each leftmost match and joining
        # touching marks gives the same marks, in one substitution.
        quick = wanted and sum(map(len, wanted)) <= QUICK_WORDS_LENGTH and not _may_overlap(wanted)
        self.whole = re.compile(alternatives, re.IGNORECASE) if quick else None

    def spans(self, text: str) -> list[list[int]]:
        """Where marks go in `text`: overlapping and touching matches merged, in order."""
        if self.pattern is None:
            return []
        merged: list[list[int]] = []
        for found in self.pattern.finditer(text):
            start = found.start()
            end = start + len(found.group(1))
            if merged and start <= merged[-1][1]:
                if end > merged[-1][1]:
                    merged[-1][1] = end
            else:
                merged.append([start, end])
        return merged

    def highlight(self, text: str) -> SafeString:
        """`text` escaped, with every occurrence of a word wrapped in <mark>."""
        text = text or ""
        if self.whole is not None and not _ESCAPED.search(text):
            return SafeString(self.whole.sub(r"<mark>\g<0></mark>", text).replace("</mark><mark>", ""))
        spans = self.spans(text)
        if not spans:
            return SafeString(_escaped(text))
        # The standard library's escape (what Django's own calls) on plain pieces: a results page runs
        # this forty times, and Django's lazy-text wrapper around it cost more than the escaping.
        clean = escape if _ESCAPED.search(text) else str
        out, pos = [], 0
        for start, end in spans:
            out.append(clean(text[pos:start]))
            out.append(f"<mark>{clean(text[start:end])}</mark>")
            pos = end
        out.append(clean(text[pos:]))
        return SafeString("".join(out))  # every piece above is escaped

    def snippet(self, text: str, width: int = 120) -> SafeString:
        """About `width` characters of `text` around the first match, highlighted, with … where cut; a cut
        never falls inside a 《…》."""
        text = text or ""
        if len(text) <= width:
            return self.highlight(text)
        found = self.pattern.search(text) if self.pattern is not None else None
        first = found.start() if found else 0
        start = max(0, min(first - width // 4, len(text) - width))
        # Never half a 《…》: a cut title would read as one 《 opening inside another.
        start, end = balanced_cut(text, start, start + width)
        piece = self.highlight(text[start:end])
        return SafeString(("…" if start else "") + piece + ("…" if end < len(text) else ""))


def highlight(text: str, words: list[str]) -> SafeString:
    """`text` escaped, with every occurrence of a word wrapped in <mark>."""
    return Marker(words).highlight(text)


def snippet(text: str, words: list[str], width: int = 120) -> SafeString:
    """About `width` characters of `text` around the first match, highlighted (see Marker.snippet)."""
    return Marker(words).snippet(text, width)
