from gongkai.disclosure.sanitize import sanitise_body


def test_scripts_and_event_handlers_are_removed_but_formatting_stays():
    html = '<p onclick="steal()">通知<script>alert(1)</script><strong>正文</strong></p><a href="javascript:x()">链接</a>'

    clean = sanitise_body(html)

    assert "<script" not in clean and "onclick" not in clean and "javascript:" not in clean
    assert "<strong>正文</strong>" in clean


def test_tables_keep_their_merged_cells():
    clean = sanitise_body('<table><tr><td colspan="2" style="color:red">合并</td></tr></table>')

    assert 'colspan="2"' in clean and "style" not in clean
