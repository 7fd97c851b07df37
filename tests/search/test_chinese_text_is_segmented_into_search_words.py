from gongkai.search.segment import html_to_text, segment, words


def test_search_mode_keeps_a_long_word_and_the_words_inside_it():
    found = words("关于不服行政复议决定的处理意见")
    assert "行政复议" in found
    assert "复议" in found and "行政" in found


def test_punctuation_is_dropped_and_latin_letters_are_lower_cased():
    found = words("乐政办〔2024〕12号，PDF 附件！")
    assert "〔" not in found and "，" not in found and "！" not in found
    assert "2024" in found and "pdf" in found


def test_stored_words_keep_their_repeats_for_ranking_but_query_words_do_not():
    assert segment("复议，复议！复议").split(" ") == ["复议", "复议", "复议"]
    assert words("复议 复议") == ["复议"]


def test_html_bodies_are_searched_as_text_not_markup():
    assert html_to_text("<p>优待证&amp;申领</p><p>说明</p>") == "优待证&申领 说明"
    assert "strong" not in words(html_to_text("<strong>通知</strong>"))
