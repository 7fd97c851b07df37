import pytest

from gongkai.search.highlight import highlight, snippet
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
