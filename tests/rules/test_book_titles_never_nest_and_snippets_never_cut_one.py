from gongkai.rules.punctuation import balanced_cut, book_title
from gongkai.search.highlight import snippet


def test_a_title_inside_a_title_takes_the_single_marks():
    assert book_title("关于《乐清市政务公开办法》的解读") == "《关于〈乐清市政务公开办法〉的解读》"
    assert book_title("优待证管理办法") == "《优待证管理办法》"


def test_a_title_already_in_its_marks_is_not_quoted_twice():
    assert book_title("《优待证管理办法》") == "《优待证管理办法》"
    assert book_title("《甲》和《乙》的比较") == "《〈甲〉和〈乙〉的比较》"


def test_a_snippet_window_is_widened_to_keep_a_book_title_whole():
    text = "前言" * 30 + "《关于印发〈乐清市某某办法〉的通知》" + "后文" * 40
    start, end = balanced_cut(text, 62, 90)
    piece = text[start:end]
    assert piece.count("《") == piece.count("》") == 1


def test_a_search_snippet_has_as_many_closing_marks_as_opening_ones():
    text = "正文" * 50 + "根据《中华人民共和国政府信息公开条例》和《乐清市政务公开办法》的规定" + "说明" * 80
    for width in (60, 80, 120):
        shown = str(snippet(text, ["政务"], width=width))
        assert shown.count("《") == shown.count("》")
