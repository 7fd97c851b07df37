"""书名号 (GB/T 15834-2011 §4.15): a title quoted inside a title takes the single marks 〈 〉.

    book_title("关于《乐清市政务公开办法》的解读") -> "《关于〈乐清市政务公开办法〉的解读》"
    balanced_cut(text, start, end) -> (start, end)   a window of text that cuts no 《…》 in two

Both are pure: the portal quotes titles and cuts search snippets with them.
"""

OUTER = ("《", "》")
INNER = ("〈", "〉")


def book_title(title: str) -> str:
    """`title` in 《 》, its own 《 》 turned into 〈 〉 so the marks never nest as 《…《…》…》."""
    text = (title or "").strip()
    # A title already written with its outer marks is not quoted twice.
    if text.startswith(OUTER[0]) and text.endswith(OUTER[1]) and _depth_ends_at_last(text):
        text = text[1:-1]
    inner = text.replace(OUTER[0], INNER[0]).replace(OUTER[1], INNER[1])
    return f"{OUTER[0]}{inner}{OUTER[1]}"


def _depth_ends_at_last(text: str) -> bool:
    """True if the first 《 of `text` is closed by its last 》 (not 《甲》和《乙》)."""
    depth = 0
    for position, char in enumerate(text):
        if char == OUTER[0]:
            depth += 1
        elif char == OUTER[1]:
            depth -= 1
            if depth == 0 and position != len(text) - 1:
                return False
    return depth == 0


def balanced_cut(text: str, start: int, end: int, slack: int = 40) -> tuple[int, int]:
    """Move [start, end) outwards by at most `slack` characters each way so that no 《…》 is cut in two;
    where a pair is longer than that, the window is moved inwards to leave that pair out."""
    start, end = max(0, start), min(len(text), end)
    opened = _open_before(text, start)
    if opened is not None:
        start = opened if start - opened <= slack else _close_after(text, start, len(text)) or start
    closing = _open_before(text, end)
    if closing is not None and closing >= start:
        after = _close_after(text, end, len(text))
        end = after if after is not None and after - end <= slack else closing
    return start, max(start, end)


def _open_before(text: str, position: int) -> int | None:
    """Where the outermost 《 enclosing `position` opens (None: position is outside every 《…》)."""
    opened = _stack(text, position)
    return opened[0] if opened else None


def _close_after(text: str, position: int, limit: int) -> int | None:
    """The index just past the 》 that closes every 《 open at `position`."""
    depth = len(_stack(text, position))
    for index in range(position, limit):
        if text[index] == OUTER[0]:
            depth += 1
        elif text[index] == OUTER[1]:
            depth -= 1
            if depth == 0:
                return index + 1
    return None


def _stack(text: str, position: int) -> list[int]:
    opened = []
    for index in range(position):
        if text[index] == OUTER[0]:
            opened.append(index)
        elif text[index] == OUTER[1] and opened:
            opened.pop()
    return opened
