"""No template of gongkai has an inline <script> or <style> without the CSP nonce, a style= attribute, an
on…= handler or a javascript: link: the Content-Security-Policy would block them, so they would silently
not work. Behaviour goes in static files (gongkai/static/gongkai/gongkai.js)."""

import re
from pathlib import Path

import gongkai

ROOT = Path(gongkai.__file__).parent
TEMPLATES = sorted(p for p in ROOT.rglob("*.html") if "templates" in p.parts)

PROBLEMS = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)[^>]*>", re.I), "内联 <script> 未带 nonce"),
    (re.compile(r"<style(?![^>]*\bnonce=)[^>]*>", re.I), "内联 <style> 未带 nonce"),
    (re.compile(r"\sstyle\s*=", re.I), "style= 属性"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "on…= 事件属性"),
    (re.compile(r"javascript:", re.I), "javascript: 链接"),
]


def test_there_are_templates_to_check():
    assert len(TEMPLATES) > 50


def test_no_template_has_inline_code_the_policy_would_block():
    found = []
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        for pattern, what in PROBLEMS:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert not found, "\n".join(found)
