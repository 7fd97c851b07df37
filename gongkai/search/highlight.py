"""Marking query words in the ORIGINAL text (not in the tokens), escaping everything else.

The text is escaped piece by piece around the matches, so a title containing <script> comes out as
&lt;script&gt; with only our own <mark> elements live.
"""

from html import escape

from django.utils.safestring import SafeString

from gongkai.rules.punctuation import balanced_cut


def _spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    lowered = text.lower()
    spans = []
    for word in words:
        if not word:
            continue
        start = lowered.find(word)
        while start != -1:
            spans.append((start, start + len(word)))
            start = lowered.find(word, start + len(word))
    if len(spans) < 2:
        return spans
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, words: list[str]) -> SafeString:
    """`text` escaped, with every occurrence of a word wrapped in <mark>."""
    text = text or ""
    # The standard library's escape (what Django's own calls) on plain pieces: a results page runs this
    # forty times, and Django's lazy-text wrapper around it cost more than the escaping.
    spans = _spans(text, words)
    if not spans:
        return SafeString(escape(text))
    out, pos = [], 0
    for start, end in spans:
        out.append(escape(text[pos:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return SafeString("".join(out))  # every piece above is escaped


def snippet(text: str, words: list[str], width: int = 120) -> SafeString:
    """About `width` characters of `text` around the first match, highlighted, with … where cut; a cut
    never falls inside a 《…》."""
    text = text or ""
    if len(text) <= width:
        return highlight(text, words)
    spans = _spans(text, words)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 4, len(text) - width))
    # Never half a 《…》: a cut title would read as one 《 opening inside another.
    start, end = balanced_cut(text, start, start + width)
    piece = highlight(text[start:end], words)
    return SafeString(("…" if start else "") + piece + ("…" if end < len(text) else ""))
