import random
from html import escape

import pytest

from gongkai.search.highlight import Marker, highlight, snippet
from gongkai.search.service import search_items
from tests.factories import make_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def test_html_in_a_title_is_escaped_and_only_marks_are_live(people):
    make_item(people.agency, title='<script>alert("x")</script>行政复议<b>公告</b>')
    hit = search_items("复议").hits[0]
    assert "<script>" not in hit.title_html
    assert "&lt;script&gt;" in hit.title_html
    assert "<mark>复议</mark>" in hit.title_html or "<mark>行政复议</mark>" in hit.title_html
    assert "&lt;b&gt;公告&lt;/b&gt;" in hit.title_html


def test_overlapping_words_make_one_mark():
    assert highlight("不服行政复议决定", ["行政", "复议", "行政复议"]) == "不服<mark>行政复议</mark>决定"


def test_a_word_that_would_match_inside_an_entity_is_not_marked_there():
    # "amp" must not be found inside the escaped "&amp;": matching happens before escaping.
    assert highlight("A&B", ["amp"]) == "A&amp;B"


def test_a_long_summary_is_cut_around_the_first_match():
    text = "前言。" * 100 + "行政复议" + "后记。" * 100
    cut = snippet(text, ["复议"], width=60)
    assert "<mark>复议</mark>" in cut
    assert cut.startswith("…") and cut.endswith("…")
    assert len(cut) < 100


def test_touching_and_overlapping_words_make_one_mark():
    assert highlight("行政复议", ["行政", "复议"]) == "<mark>行政复议</mark>"
    # 华人 and 人民 overlap in 华人民: neither holds the other, and both are marked as one.
    assert highlight("中华人民", ["华人", "人民"]) == "中<mark>华人民</mark>"
    assert highlight("哈哈哈", ["哈哈"]) == "<mark>哈哈哈</mark>"


def test_latin_words_are_marked_whatever_their_case():
    assert highlight("PDF 与 pdf", ["pdf"]) == "<mark>PDF</mark> 与 <mark>pdf</mark>"


def _reference(text: str, words: list[str]) -> str:
    """Every character inside any occurrence of any word is marked, runs of them as one mark."""
    lowered, inside = text.lower(), [False] * len(text)
    for word in filter(None, words):
        for start in range(len(text) - len(word) + 1):
            if lowered.startswith(word, start):
                inside[start : start + len(word)] = [True] * len(word)
    out, position = [], 0
    while position < len(text):
        end = position
        while end < len(text) and inside[end] == inside[position]:
            end += 1
        piece = escape(text[position:end])
        out.append(f"<mark>{piece}</mark>" if inside[position] else piece)
        position = end
    return "".join(out)


def test_marks_are_those_of_a_character_by_character_reading():
    # One marker serves a whole results page and takes a quicker way where no two words can overlap;
    # whichever way it takes, the marks must be the ones a plain reading gives.
    letters = "行政复议决定养老服务人民华中共和国哈aAbB&<>\"' "
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 24)))
        words = [
            "".join(rng.choice(letters[:-6]) for _ in range(rng.randint(1, 3))).lower()
            for _ in range(rng.randint(0, 3))
        ]
        assert Marker(words).highlight(text) == _reference(text, words), (text, words)
